using System.Text;
using Serverless.Application.Events;
using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Events;
using Serverless.Domain.Ports;
using Xunit;

namespace Serverless.Application.Tests.Events;

public sealed class IngestEventsHandlerTests : IDisposable
{
    private readonly TestApplication _app = new(new Dictionary<string, string?> { ["Ingestion:MaxBatchSize"] = "5" });

    private IngestEventsHandler Handler => _app.Get<IngestEventsHandler>();

    private static IngestRequest Json(string body, string? contentType = "application/json", long? contentLength = -1)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return new IngestRequest(contentType, contentLength == -1 ? bytes.Length : contentLength, new MemoryStream(bytes));
    }

    private static string View(string eventId, string extra = "") =>
        $$"""{"eventId":"{{eventId}}","userId":"u1","type":"view","occurredAt":"2025-06-01T08:00:00Z","productId":"p1"{{extra}}}""";

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Anything_but_json_is_415(string? contentType)
    {
        var result = await Handler.HandleAsync(Json(View("e1"), contentType), CancellationToken.None);

        Assert.Equal(415, result.Status);
        Assert.Empty(_app.Publisher.Sent);
    }

    [Fact]
    public async Task Json_with_a_utf8_charset_parameter_is_accepted()
    {
        var result = await Handler.HandleAsync(Json(View("e1"), "Application/JSON; charset=UTF-8"), CancellationToken.None);
        Assert.Equal(202, result.Status);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_413()
    {
        var result = await Handler.HandleAsync(Json(View("e1"), contentLength: 2 * 1024 * 1024), CancellationToken.None);

        Assert.Equal(413, result.Status);
        Assert.Contains("body", result.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task A_body_over_the_limit_without_a_length_is_413()
    {
        var body = View("e1", $$""","text":"{{new string('x', 1024 * 1024)}}" """);
        var result = await Handler.HandleAsync(Json(body, contentLength: null), CancellationToken.None);

        Assert.Equal(413, result.Status);
    }

    [Fact]
    public async Task Errors_name_the_field_with_its_index_in_the_batch()
    {
        var purchase = """
            {"eventId":"e2","userId":"u1","type":"purchase","occurredAt":"2025-06-01T08:00:00Z","orderId":"o1","currency":"EUR",
             "lines":[{"productId":"p1","quantity":0,"unitPrice":5}]}
            """;
        var result = await Handler.HandleAsync(Json($"[{View("e1")},{purchase}]"), CancellationToken.None);

        Assert.Equal(400, result.Status);
        Assert.Equal(["[1].lines[0].quantity"], result.Problem!.Errors!.Keys);
        Assert.Empty(_app.Publisher.Sent);
    }

    [Fact]
    public async Task A_single_object_names_fields_without_an_index()
    {
        var result = await Handler.HandleAsync(Json("""{"eventId":"e1","type":"view","occurredAt":"2025-06-01T08:00:00Z"}"""), CancellationToken.None);

        Assert.Equal(400, result.Status);
        Assert.Equal(["userId"], result.Problem!.Errors!.Keys);
    }

    [Theory]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"teleport","occurredAt":"2025-06-01T08:00:00Z"}""", "type")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"view","occurredAt":"2025-06-01T08:00:00"}""", "occurredAt")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"view","occurredAt":"2025-06-01T08:00:00Z","productId":"p1","quantity":"two"}""", "quantity")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"purchase","occurredAt":"2025-06-01T08:00:00Z","orderId":"o","currency":"EUR","lines":[{"productId":"p"}]}""", "lines[0].quantity")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"view","occurredAt":"2025-06-03T08:00:00Z","productId":"p1"}""", "occurredAt")]
    [InlineData("""[1]""", "[0]")]
    [InlineData("""[]""", "body")]
    [InlineData("""{"eventId":""", "body")]
    public async Task Shape_and_rule_violations_are_400_naming_the_field(string body, string field)
    {
        var result = await Handler.HandleAsync(Json(body), CancellationToken.None);

        Assert.Equal(400, result.Status);
        Assert.Contains(field, result.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task More_events_than_the_batch_limit_is_400()
    {
        var body = "[" + string.Join(",", Enumerable.Range(0, 6).Select(i => View($"e{i}"))) + "]";
        var result = await Handler.HandleAsync(Json(body), CancellationToken.None);

        Assert.Equal(400, result.Status);
        Assert.Contains("body", result.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task Valid_events_are_202_and_each_is_queued_as_its_own_message()
    {
        var body = "[" + string.Join(",", Enumerable.Range(0, 5).Select(i => View($"e{i}"))) + "]";
        var result = await Handler.HandleAsync(Json(body), CancellationToken.None);

        Assert.Equal(202, result.Status);
        Assert.Equal(5, result.Value!.Accepted);
        Assert.Equal(["e0", "e1", "e2", "e3", "e4"], result.Value.EventIds);
        var queued = _app.Publisher.Messages<BehaviorEvent>(QueueNames.Events);
        Assert.Equal(5, queued.Count);
        Assert.Equal(["e0", "e1", "e2", "e3", "e4"], queued.Select(e => e.EventId).Order());
        Assert.All(_app.Publisher.Raw(QueueNames.Events), json => Assert.Contains("\"type\":\"view\"", json));
    }
}
