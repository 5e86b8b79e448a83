using Microsoft.AspNetCore.Mvc;
using Serverless.Application.Events;
using Serverless.Application.Health;
using Serverless.Application.Profiles;
using Serverless.Application.Segments;

namespace Serverless.LocalHost.Http;

/// <summary>
/// The HTTP functions, on the same routes as the Functions host (<c>/{routePrefix}/...</c>): each calls one handler
/// and maps its result. Endpoint names are the function names.
/// </summary>
public static class FunctionEndpoints
{
    /// <param name="isEnabled">Whether a function is enabled; a disabled one is not mapped, so it answers 404 as in Functions.</param>
    public static void Map(IEndpointRouteBuilder endpoints, string routePrefix, Func<string, bool> isEnabled)
    {
        var api = endpoints.MapGroup(routePrefix.Length == 0 ? "/" : "/" + routePrefix);

        if (isEnabled(FunctionNames.IngestEvents))
        {
            api.MapPost("/events", async (HttpRequest request, [FromServices] IngestEventsHandler handler, CancellationToken cancellationToken) =>
                HandlerResults.ToResult(
                    await handler.HandleAsync(new IngestRequest(request.ContentType, request.ContentLength, request.Body), cancellationToken),
                    request))
                .WithName(FunctionNames.IngestEvents);
        }

        if (isEnabled(FunctionNames.GetProfile))
        {
            api.MapGet("/users/{userId}/profile", async (string userId, HttpRequest request, [FromServices] GetProfileHandler handler, CancellationToken cancellationToken) =>
                HandlerResults.ToResult(await handler.HandleAsync(userId, cancellationToken), request))
                .WithName(FunctionNames.GetProfile);
        }

        if (isEnabled(FunctionNames.ListSegments))
        {
            api.MapGet("/segments", async (HttpRequest request, [FromServices] ListSegmentsHandler handler, CancellationToken cancellationToken) =>
                HandlerResults.ToResult(await handler.HandleAsync(cancellationToken), request))
                .WithName(FunctionNames.ListSegments);
        }

        if (isEnabled(FunctionNames.ListSegmentMembers))
        {
            api.MapGet("/segments/{segmentId}/members", ListSegmentMembersAsync).WithName(FunctionNames.ListSegmentMembers);
        }

        if (isEnabled(FunctionNames.Health))
        {
            api.MapGet("/health", async (HttpRequest request, [FromServices] HealthCheckHandler handler, CancellationToken cancellationToken) =>
                HandlerResults.ToResult(await handler.HandleAsync(cancellationToken), request))
                .WithName(FunctionNames.Health)
                .AllowAnonymous();
        }

        // The Functions host answers 404 for any route no function declares, whatever the key.
        endpoints.MapFallback((HttpRequest request) => ProblemResponses.ToResult(ProblemResponses.NotFoundRoute(request), request))
            .AllowAnonymous();
    }

    private static async Task<IResult> ListSegmentMembersAsync(
        string segmentId,
        HttpRequest request,
        [FromServices] ListSegmentMembersHandler handler,
        CancellationToken cancellationToken)
    {
        if (!QueryParameters.TryGetInteger(request.Query, "pageSize", out var pageSize, out var problem))
        {
            return ProblemResponses.ToResult(problem!, request);
        }

        var continuationToken = request.Query["continuationToken"].ToString();
        var result = await handler.HandleAsync(
            segmentId, pageSize, continuationToken.Length == 0 ? null : continuationToken, cancellationToken);
        return HandlerResults.ToResult(result, request);
    }
}
