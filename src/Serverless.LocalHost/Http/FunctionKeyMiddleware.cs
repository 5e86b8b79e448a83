using Microsoft.AspNetCore.Authorization;
using Serverless.Application.Common;

namespace Serverless.LocalHost.Http;

/// <summary>
/// Answers 401 (problem) unless the request carries the function key in the <c>x-functions-key</c> header or the
/// <c>code</c> query parameter. Endpoints marked <see cref="IAllowAnonymous"/> (health, unknown routes) are open,
/// like AuthorizationLevel.Anonymous functions and the runtime's 404 for unknown routes.
/// </summary>
public sealed class FunctionKeyMiddleware(RequestDelegate next, FunctionKey functionKey, ILogger<FunctionKeyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }

        var presented = context.Request.Headers.TryGetValue(FunctionKey.HeaderName, out var header)
            ? header.ToString()
            : context.Request.Query.TryGetValue(FunctionKey.QueryName, out var code) ? code.ToString() : null;

        if (!functionKey.Matches(presented))
        {
            logger.LogWarning(
                "Refused {Method} {Path}: {KeyState} function key",
                context.Request.Method,
                context.Request.Path,
                presented is null ? "missing" : "wrong");
            await ProblemResponses.WriteAsync(context, Problem.Unauthorized());
            return;
        }

        await next(context);
    }
}
