using System.Net;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Common;
using Serverless.Domain.Json;

namespace Serverless.Functions.Http;

/// <summary>Maps a handler's <see cref="HandlerResult{T}"/> to an <see cref="HttpResponseData"/> (JSON body or problem).</summary>
internal static class HttpResponses
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public const string ProblemContentType = "application/problem+json";

    private static readonly JsonObjectSerializer Serializer = new(DomainJson.Options);

    public static async Task<HttpResponseData> FromResultAsync<T>(
        HttpRequestData request, HandlerResult<T> result, CancellationToken cancellationToken)
    {
        if (result.Problem is { } problem)
        {
            return await FromProblemAsync(request, problem, cancellationToken);
        }

        var status = (HttpStatusCode)result.Status;
        var response = request.CreateResponse(status);
        if (result.Value is not null)
        {
            // WriteAsJsonAsync sets the status to 200 (HttpResponseDataExtensions), so the handler's status goes back after it.
            await response.WriteAsJsonAsync(result.Value, Serializer, JsonContentType, cancellationToken);
            response.StatusCode = status;
        }

        return response;
    }

    public static async Task<HttpResponseData> FromProblemAsync(
        HttpRequestData request, Problem problem, CancellationToken cancellationToken)
    {
        var status = (HttpStatusCode)problem.Status;
        var response = request.CreateResponse(status);
        var body = problem.Instance is null ? problem with { Instance = request.Url.AbsolutePath } : problem;
        await response.WriteAsJsonAsync(body, Serializer, ProblemContentType, cancellationToken);
        response.StatusCode = status;
        return response;
    }
}
