using Serverless.Application.Common;
using Serverless.Domain.Json;

namespace Serverless.LocalHost.Http;

/// <summary>Writes RFC 7807 problems as <c>application/problem+json</c> in the one JSON shape of the domain.</summary>
public static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    public static Problem NotFoundRoute(HttpRequest request) => Problem.NotFound(
        $"No function answers {request.Method} {request.Path}.") with { Instance = request.Path };

    public static Problem InternalError() => new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        Title = "An unexpected error occurred.",
        Status = StatusCodes.Status500InternalServerError,
        Detail = "The request could not be processed; the error has been logged.",
    };

    public static Problem BadRequest(int status, string detail) => new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5",
        Title = "The request could not be read.",
        Status = status,
        Detail = detail,
    };

    public static IResult ToResult(Problem problem, HttpRequest request) =>
        Results.Json(WithInstance(problem, request), DomainJson.Options, ContentType, problem.Status);

    public static Task WriteAsync(HttpContext context, Problem problem)
    {
        context.Response.StatusCode = problem.Status;
        return context.Response.WriteAsJsonAsync(
            WithInstance(problem, context.Request), DomainJson.Options, ContentType, context.RequestAborted);
    }

    private static Problem WithInstance(Problem problem, HttpRequest request) =>
        problem.Instance is null ? problem with { Instance = request.Path } : problem;
}
