using Serverless.Application.Common;
using Serverless.Domain.Json;

namespace Serverless.LocalHost.Http;

/// <summary>Maps a handler's <see cref="HandlerResult{T}"/> to a response without any logic of its own.</summary>
public static class HandlerResults
{
    public static IResult ToResult<T>(HandlerResult<T> result, HttpRequest request)
    {
        if (result.Problem is { } problem)
        {
            return ProblemResponses.ToResult(problem, request);
        }

        return result.Value is null
            ? Results.StatusCode(result.Status)
            : Results.Json(result.Value, DomainJson.Options, statusCode: result.Status);
    }
}
