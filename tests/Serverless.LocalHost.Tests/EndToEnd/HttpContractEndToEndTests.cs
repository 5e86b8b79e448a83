using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests.EndToEnd;

/// <summary>Bad HTTP input gets a clear RFC 7807 answer naming the field, and nothing is enqueued.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class HttpContractEndToEndTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task MissingOrWrongKey_Is401Problem()
    {
        await using var host = await EndToEndHost.StartAsync(emulators);
        using var missing = await host.Anonymous.GetAsync("api/segments");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        using var wrong = await host.Anonymous.GetAsync("api/segments?code=not-the-key-at-all");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        using var byQuery = await host.Anonymous.GetAsync($"api/segments?code={EndToEndHost.Key}");
        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
    }

    [Fact]
    public async Task InvalidEvent_Is400ProblemNamingTheField_AndNothingIsEnqueued()
    {
        await using var host = await EndToEndHost.StartAsync(emulators);
        var body = """
            [
              {"eventId":"ok-1","userId":"u-1","type":"view","occurredAt":"2026-11-01T10:00:00Z","productId":"P-1"},
              {"eventId":"bad-1","userId":"u-1","type":"purchase","occurredAt":"2026-11-01T10:00:00Z","orderId":"O-1","currency":"GBP",
               "lines":[{"productId":"P-1","quantity":0,"unitPrice":3.5}]}
            ]
            """;
        using var response = await host.Client.PostAsync("api/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(fields, f => f.Contains("[1]", StringComparison.Ordinal) && f.Contains("quantity", StringComparison.Ordinal));
        Assert.Equal(0, await host.QueueClient.GetApproximateMessageCountAsync("events"));
    }

    [Fact]
    public async Task UnknownEventType_And_BrokenJson_Are400()
    {
        await using var host = await EndToEndHost.StartAsync(emulators);
        using var unknownType = await host.Client.PostAsync("api/events", new StringContent(
            """{"eventId":"e-1","userId":"u-1","type":"teleport","occurredAt":"2026-11-01T10:00:00Z"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
        Assert.Contains("type", await unknownType.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var broken = await host.Client.PostAsync("api/events", new StringContent("{\"eventId\":", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }

    [Fact]
    public async Task WrongMediaType_Is415_AndOversizedBody_Is413()
    {
        await using var host = await EndToEndHost.StartAsync(emulators, new Dictionary<string, string?> { ["Ingestion:MaxBodyBytes"] = "2048" });
        using var text = new StringContent("eventId=1", Encoding.UTF8);
        text.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var unsupported = await host.Client.PostAsync("api/events", text);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported.StatusCode);

        var big = "[" + string.Join(",", Enumerable.Range(0, 100).Select(i =>
            $$"""{"eventId":"e-{{i}}","userId":"u-1","type":"view","occurredAt":"2026-11-01T10:00:00Z","productId":"P-{{i}}"}""")) + "]";
        using var tooLarge = await host.Client.PostAsync("api/events", new StringContent(big, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BatchOverLimit_Is400_AndUnknownProfile_Is404Problem()
    {
        await using var host = await EndToEndHost.StartAsync(emulators);
        var events = "[" + string.Join(",", Enumerable.Range(0, 501).Select(i =>
            $$"""{"eventId":"e-{{i}}","userId":"u-1","type":"view","occurredAt":"2026-11-01T10:00:00Z","productId":"P"}""")) + "]";
        using var overLimit = await host.Client.PostAsync("api/events", new StringContent(events, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, overLimit.StatusCode);

        using var missing = await host.Client.GetAsync("api/users/nobody-" + Guid.NewGuid().ToString("N") + "/profile");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        using var unknownSegment = await host.Client.GetAsync("api/segments/no-such-segment/members");
        Assert.Equal(HttpStatusCode.NotFound, unknownSegment.StatusCode);

        using var badPage = await host.Client.GetAsync("api/segments/champions/members?pageSize=0");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains("pageSize", await badPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var token in new[] { "garbage", "not%20base64", "eyJ0b2tlbiI6MX0" })
        {
            using var badToken = await host.Client.GetAsync($"api/segments/champions/members?continuationToken={token}");
            Assert.Equal(HttpStatusCode.BadRequest, badToken.StatusCode);
            Assert.Contains("continuationToken", await badToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
