using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Serverless.Application.Events;
using Serverless.Application.Forecasts;
using Serverless.Application.Health;
using Serverless.Application.Hosting;
using Serverless.Application.Profiles;
using Serverless.Application.Recommendations;
using Serverless.Application.Segments;
using Serverless.Application.Support;
using Serverless.Application.Telemetry;
using Serverless.Application.Training;

namespace Serverless.LocalHost.Http;

/// <summary>
/// The HTTP functions of <see cref="FunctionCatalog"/> on their routes (<c>/{routePrefix}/{route}</c>), methods and
/// authorization levels: each calls one handler and maps its result. Endpoint names are the function names. Each
/// invocation runs in a logging scope with its function name and invocation id, and its duration is recorded in
/// <see cref="ApplicationMetrics"/>, as in the Functions host.
/// </summary>
public static class FunctionEndpoints
{
    /// <summary>The request delegate of each HTTP function, by function name; route, method and key come from the catalogue.</summary>
    private static readonly Dictionary<string, Delegate> Handlers = new()
    {
        [FunctionNames.IngestEvents] = async (HttpRequest request, [FromServices] IngestEventsHandler handler, CancellationToken cancellationToken) =>
            HandlerResults.ToResult(
                await handler.HandleAsync(new IngestRequest(request.ContentType, request.ContentLength, request.Body), cancellationToken),
                request),
        [FunctionNames.GetProfile] = async (string userId, HttpRequest request, [FromServices] GetProfileHandler handler, CancellationToken cancellationToken) =>
            HandlerResults.ToResult(await handler.HandleAsync(userId, cancellationToken), request),
        [FunctionNames.ListSegments] = async (HttpRequest request, [FromServices] ListSegmentsHandler handler, CancellationToken cancellationToken) =>
            HandlerResults.ToResult(await handler.HandleAsync(cancellationToken), request),
        [FunctionNames.ListSegmentMembers] = ListSegmentMembersAsync,
        [FunctionNames.Health] = async (HttpRequest request, [FromServices] HealthCheckHandler handler, CancellationToken cancellationToken) =>
            HandlerResults.ToResult(await handler.HandleAsync(cancellationToken), request),
        [FunctionNames.GetRecommendations] = GetRecommendationsAsync,
        [FunctionNames.GetSimilarProducts] = GetSimilarProductsAsync,
        [FunctionNames.GetTrendingProducts] = GetTrendingProductsAsync,
        [FunctionNames.ListModels] = async (HttpRequest request, [FromServices] ListModelsHandler handler, CancellationToken cancellationToken) =>
            HandlerResults.ToResult(await handler.HandleAsync(cancellationToken), request),
        [FunctionNames.ListModelVersions] = async (string name, HttpRequest request, [FromServices] ListModelVersionsHandler handler, CancellationToken cancellationToken) =>
            HandlerResults.ToResult(await handler.HandleAsync(name, cancellationToken), request),
        [FunctionNames.RollbackModel] = async (string name, HttpRequest request, [FromServices] RollbackModelHandler handler, CancellationToken cancellationToken) =>
            HandlerResults.ToResult(await handler.HandleAsync(name, new RollbackRequest(request.ContentType, request.Body), cancellationToken), request),
        [FunctionNames.RetrainModel] = async (string name, HttpRequest request, [FromServices] RetrainModelHandler handler, CancellationToken cancellationToken) =>
            HandlerResults.ToResult(await handler.HandleAsync(name, cancellationToken), request),
        [FunctionNames.GetProductForecast] = async (string productId, HttpRequest request, [FromServices] GetProductForecastHandler handler, CancellationToken cancellationToken) =>
            HandlerResults.ToResult(await handler.HandleAsync(productId, Query(request, "horizon"), Query(request, "granularity"), cancellationToken), request),
        [FunctionNames.GetCategoryForecast] = async (string category, HttpRequest request, [FromServices] GetCategoryForecastHandler handler, CancellationToken cancellationToken) =>
            HandlerResults.ToResult(await handler.HandleAsync(category, Query(request, "horizon"), Query(request, "granularity"), cancellationToken), request),
        [FunctionNames.GetTotalForecast] = async (HttpRequest request, [FromServices] GetTotalForecastHandler handler, CancellationToken cancellationToken) =>
            HandlerResults.ToResult(await handler.HandleAsync(Query(request, "horizon"), Query(request, "granularity"), cancellationToken), request),
        [FunctionNames.GetReorderPoint] = async (string productId, HttpRequest request, [FromServices] GetReorderPointHandler handler, CancellationToken cancellationToken) =>
            HandlerResults.ToResult(
                await handler.HandleAsync(productId, Query(request, "leadTimeDays"), Query(request, "serviceLevel"), Query(request, "reviewPeriodDays"), cancellationToken),
                request),
        [FunctionNames.ReplyToCustomer] = async (HttpRequest request, [FromServices] ReplyToCustomerHandler handler, CancellationToken cancellationToken) =>
            HandlerResults.ToResult(await handler.HandleAsync(new SupportReplyRequest(request.ContentType, request.Body), cancellationToken), request),
        [FunctionNames.GetConversation] = async (string conversationId, HttpRequest request, [FromServices] GetConversationHandler handler, CancellationToken cancellationToken) =>
            HandlerResults.ToResult(await handler.HandleAsync(conversationId, cancellationToken), request),
    };

    /// <param name="isEnabled">Whether a function is enabled; a disabled one is not mapped, so it answers 404 as in Functions.</param>
    public static void Map(IEndpointRouteBuilder endpoints, string routePrefix, Func<string, bool> isEnabled)
    {
        LocalFunctions.EnsureBound(FunctionCatalog.Http, Handlers.Keys, "HTTP", nameof(FunctionEndpoints));

        var api = endpoints.MapGroup(routePrefix.Length == 0 ? "/" : "/" + routePrefix);
        foreach (var function in FunctionCatalog.Http.Where(f => isEnabled(f.Name)))
        {
            var http = function.Http!;
            var endpoint = api.MapMethods("/" + http.Route, [http.Method], Handlers[function.Name])
                .WithName(function.Name)
                .AddEndpointFilter((context, next) => InvokeAsync(function.Name, context, next));
            if (http.Authorization == HttpAuthorization.Anonymous)
            {
                endpoint.AllowAnonymous();
            }
        }

        // The Functions host answers 404 for any route no function declares, whatever the key.
        endpoints.MapFallback((HttpRequest request) => ProblemResponses.ToResult(ProblemResponses.NotFoundRoute(request), request))
            .AllowAnonymous();
    }

    private static async ValueTask<object?> InvokeAsync(string function, EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await context.HttpContext.RequestServices.GetRequiredService<InvocationTelemetry>().RunAsync(
            function,
            context.HttpContext.TraceIdentifier,
            async () => await next(context),
            shutdown: () => context.HttpContext.RequestAborted.IsCancellationRequested);

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

    private static async Task<IResult> GetRecommendationsAsync(
        string userId, HttpRequest request, [FromServices] GetRecommendationsHandler handler, CancellationToken cancellationToken)
    {
        if (!QueryParameters.TryGetInteger(request.Query, "count", out var count, out var problem))
        {
            return ProblemResponses.ToResult(problem!, request);
        }

        var result = await handler.HandleAsync(
            userId, count, NonEmpty(request, "context"), NonEmpty(request, "productId"), NonEmpty(request, "category"), cancellationToken);
        return HandlerResults.ToResult(result, request);
    }

    private static async Task<IResult> GetSimilarProductsAsync(
        string productId, HttpRequest request, [FromServices] GetSimilarProductsHandler handler, CancellationToken cancellationToken)
    {
        if (!QueryParameters.TryGetInteger(request.Query, "count", out var count, out var problem))
        {
            return ProblemResponses.ToResult(problem!, request);
        }

        return HandlerResults.ToResult(await handler.HandleAsync(productId, count, cancellationToken), request);
    }

    private static async Task<IResult> GetTrendingProductsAsync(
        HttpRequest request, [FromServices] GetTrendingProductsHandler handler, CancellationToken cancellationToken)
    {
        if (!QueryParameters.TryGetInteger(request.Query, "count", out var count, out var problem))
        {
            return ProblemResponses.ToResult(problem!, request);
        }

        var result = await handler.HandleAsync(count, NonEmpty(request, "segment"), NonEmpty(request, "category"), cancellationToken);
        return HandlerResults.ToResult(result, request);
    }

    /// <summary>The raw query value (several values joined by commas, so the handler rejects them); null when absent.</summary>
    private static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private static string? NonEmpty(HttpRequest request, string name) =>
        request.Query[name].ToString() is { Length: > 0 } value ? value : null;
}
