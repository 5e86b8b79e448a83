namespace Serverless.Application.Support;

/// <summary>POST /api/support/replies as the host received it: the content type and the JSON body.</summary>
public sealed record SupportReplyRequest(string? ContentType, Stream Body);
