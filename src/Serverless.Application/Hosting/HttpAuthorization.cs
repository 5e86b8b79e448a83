namespace Serverless.Application.Hosting;

/// <summary>The key an HTTP function requires; the member names are those of the Functions <c>AuthorizationLevel</c>.</summary>
public enum HttpAuthorization
{
    /// <summary>No key (health only).</summary>
    Anonymous,

    /// <summary>A function or host key, in <c>x-functions-key</c> or <c>code</c>.</summary>
    Function,
}
