namespace Serverless.Application.Hosting;

/// <summary>An HTTP trigger: one method, a route without the host's route prefix (<c>users/{userId}/profile</c>), and its key.</summary>
public sealed record HttpBinding(string Method, string Route, HttpAuthorization Authorization);
