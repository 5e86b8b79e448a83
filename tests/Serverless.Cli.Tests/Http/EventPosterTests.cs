using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Serverless.Cli.Http;
using Serverless.Domain.Events;
using Xunit;

namespace Serverless.Cli.Tests.Http;

public sealed class EventPosterTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static List<BehaviorEvent> Purchases(int count) => Enumerable.Range(1, count)
        .Select(i => new BehaviorEvent
        {
            EventId = $"evt-{i:D5}",
            UserId = $"user-{i % 37}",
            Type = BehaviorEventType.Purchase,
            OccurredAt = Start.AddMinutes(i),
            OrderId = $"order-{i}",
            Currency = "GBP",
            Lines = [new OrderLine { ProductId = $"sku-{i % 11}", Quantity = 1 + (i % 3), UnitPrice = 2.5m }],
        })
        .ToList();

    private static EventPosterOptions Options(Uri baseAddress) => new()
    {
        BaseAddress = baseAddress,
        FunctionKey = "test-key",
        InitialBackoff = TimeSpan.FromMilliseconds(5),
        MaxBackoff = TimeSpan.FromMilliseconds(50),
    };

    [Fact]
    public async Task Posts_in_batches_and_retries_503_and_429_until_accepted()
    {
        await using var server = await EventsTestServer.StartAsync();
        server.FailNext(503, """{"title":"Service unavailable.","status":503}""");
        server.FailNext(429, retryAfterSeconds: 1);
        using var http = new HttpClient();
        var poster = new EventPoster(http, Options(server.BaseAddress));
        var events = Purchases(1234);
        var progress = new List<EventPostProgress>();

        var report = await poster.PostAsync(events, new InlineProgress<EventPostProgress>(progress.Add));

        Assert.Equal((3, 1234, 1234, 2), (report.Batches, report.Events, report.Accepted, report.Retries));
        Assert.Equal(5, server.Requests.Count);
        Assert.Equal([500, 500, 500, 500, 234], server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetArrayLength()));
        Assert.All(server.Requests, r => Assert.Equal("test-key", r.FunctionKey));
        Assert.All(server.Requests, r => Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal));
        Assert.Equal(events.Select(e => e.EventId), server.Accepted.Select(e => e.EventId));
        Assert.Equal(events, server.Accepted, EventEquality.Instance);
        Assert.Equal(1234, progress[^1].Events);
        Assert.Equal(2, progress.Count(p => p.Events == 0));
    }

    [Fact]
    public async Task Splits_batches_that_would_exceed_the_body_limit()
    {
        await using var server = await EventsTestServer.StartAsync();
        using var http = new HttpClient();
        var poster = new EventPoster(http, Options(server.BaseAddress) with { MaxBodyBytes = 2_000 });

        var report = await poster.PostAsync(Purchases(40));

        Assert.True(report.Batches > 1, $"{report.Batches} batches");
        Assert.All(server.Requests, r => Assert.True(System.Text.Encoding.UTF8.GetByteCount(r.Body) <= 2_000));
        Assert.Equal(40, server.Accepted.Count);
    }

    [Fact]
    public async Task A_400_problem_stops_the_run_with_the_field_errors()
    {
        await using var server = await EventsTestServer.StartAsync();
        server.FailNext(400, """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more fields are invalid.","status":400,
             "detail":"[3].lines[0].quantity: must be positive","errors":{"[3].lines[0].quantity":["must be positive"]}}
            """);
        using var http = new HttpClient();
        var poster = new EventPoster(http, Options(server.BaseAddress));

        var error = await Assert.ThrowsAsync<EventPostException>(() => poster.PostAsync(Purchases(10)));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(1, error.BatchNumber);
        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Contains("One or more fields are invalid.", error.Message, StringComparison.Ordinal);
        Assert.Contains("[3].lines[0].quantity: must be positive", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        Assert.Empty(server.Accepted);
    }

    [Fact]
    public async Task A_401_names_the_key_option()
    {
        await using var server = await EventsTestServer.StartAsync();
        server.FailNext(401, """{"title":"Unauthorized.","status":401}""");
        using var http = new HttpClient();
        var poster = new EventPoster(http, Options(server.BaseAddress));

        var error = await Assert.ThrowsAsync<EventPostException>(() => poster.PostAsync(Purchases(1)));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("SERVERLESS_FUNCTION_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gives_up_on_an_unreachable_host_after_the_configured_attempts()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient();
        var poster = new EventPoster(http, Options(new Uri($"http://127.0.0.1:{port}")) with { MaxAttempts = 3 });

        var error = await Assert.ThrowsAsync<EventPostException>(() => poster.PostAsync(Purchases(3)));

        Assert.Null(error.StatusCode);
        Assert.StartsWith("Gave up after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Theory]
    [InlineData("http://localhost:7071", "http://localhost:7071/api/events")]
    [InlineData("http://localhost:7071/", "http://localhost:7071/api/events")]
    [InlineData("https://app.example.net/base", "https://app.example.net/base/api/events")]
    public void Events_uri_is_below_the_base_address(string baseAddress, string expected) =>
        Assert.Equal(expected, EventPoster.EventsUri(new Uri(baseAddress)).AbsoluteUri);
}
