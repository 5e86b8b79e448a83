using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Domain.Events;
using Serverless.Domain.Json;

namespace Serverless.Cli.Tests.Http;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a random port that plays POST /api/events: it answers the scripted
/// failures first, then accepts JSON arrays of events with 202 like the real API.
/// </summary>
internal sealed class EventsTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _scripted = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentQueue<BehaviorEvent> _accepted = new();

    private EventsTestServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public IReadOnlyList<BehaviorEvent> Accepted => [.. _accepted];

    public static async Task<EventsTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new EventsTestServer(app);
        app.MapPost("/api/events", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    public void FailNext(int status, string? body = null, string contentType = "application/problem+json", int? retryAfterSeconds = null) =>
        _scripted.Enqueue(async context =>
        {
            context.Response.StatusCode = status;
            if (retryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (body is not null)
            {
                context.Response.ContentType = contentType;
                await context.Response.WriteAsync(body);
            }
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new ReceivedRequest(
            context.Request.Headers["x-functions-key"].ToString(), context.Request.ContentType, body));
        if (_scripted.TryDequeue(out var respond))
        {
            await respond(context);
            return;
        }

        var events = JsonSerializer.Deserialize<List<BehaviorEvent>>(body, DomainJson.Options)!;
        foreach (var item in events)
        {
            _accepted.Enqueue(item);
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
        await context.Response.WriteAsJsonAsync(
            new { accepted = events.Count, eventIds = events.Select(e => e.EventId).ToList() }, DomainJson.Options);
    }

    public sealed record ReceivedRequest(string FunctionKey, string? ContentType, string Body);
}
