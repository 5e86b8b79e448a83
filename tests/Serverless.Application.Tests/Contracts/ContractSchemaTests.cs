using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Catalog;
using Serverless.Domain.Events;
using Serverless.Domain.Json;
using Serverless.Domain.Orders;
using Serverless.Domain.Segments;
using Serverless.Domain.Support;
using Serverless.Testing;
using Xunit;
using static Serverless.Application.Tests.Fakes.EventJson;

namespace Serverless.Application.Tests.Contracts;

/// <summary>The JSON Schemas in docs/contracts describe exactly what DomainJson writes and what the validators accept.</summary>
public sealed class ContractSchemaTests
{
    private static readonly DateTimeOffset T = TestApplication.Start;

    private static string SchemaPath(string name) => Path.Combine(RepositoryRoot.Path, "docs", "contracts", name);

    private static Task<JsonSchema> Schema(string name) => JsonSchema.FromFileAsync(SchemaPath(name));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, DomainJson.Options);

    public static TheoryData<string> ValidEvents() => new()
    {
        Of(View("e1", "u1", T)),
        Of(View("e1", "u1", T) with { Type = BehaviorEventType.Click, SessionId = "s1", Price = 9.5m, Properties = new Dictionary<string, string> { ["source"] = "app" } }),
        Of(AddToCart("e1", "u1", T, "p1", 2)),
        Of(AddToCart("e1", "u1", T, "p1", 1) with { Type = BehaviorEventType.RemoveFromCart }),
        Of(new BehaviorEvent { EventId = "e1", UserId = "u1", Type = BehaviorEventType.Search, OccurredAt = T, Query = "red shoes" }),
        Of(Purchase("e1", "u1", T, "o1", 19.99m, 2)),
        Of(Refund("e1", "u1", T, "o1", 5m)),
        Of(Refund("e1", "u1", T, "o1", 5m) with { Amount = null, Lines = Purchase("x", "u1", T, "o1", 5m).Lines }),
        Of(new BehaviorEvent { EventId = "e1", UserId = "u1", Type = BehaviorEventType.Review, OccurredAt = T, ProductId = "p1", Rating = 4, Text = "Good." }),
        Of(Status("e1", "u1", T, "o1", "delivered")),
        """{"eventId":"e1","userId":"u1","type":"view","occurredAt":"2025-06-01T08:00:00+02:00","productId":"p1","schemaVersion":"1"}""",
    };

    [Theory]
    [MemberData(nameof(ValidEvents))]
    public async Task Valid_events_as_DomainJson_writes_them_match_the_event_schema(string json)
    {
        var schema = await Schema("event.schema.json");
        Assert.Empty(schema.Validate(json));
    }

    [Theory]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"view","occurredAt":"2025-06-01T08:00:00Z"}""")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"search","occurredAt":"2025-06-01T08:00:00Z"}""")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"purchase","occurredAt":"2025-06-01T08:00:00Z","orderId":"o1","currency":"EUR","lines":[]}""")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"purchase","occurredAt":"2025-06-01T08:00:00Z","orderId":"o1","currency":"eur","lines":[{"productId":"p","quantity":1,"unitPrice":1}]}""")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"purchase","occurredAt":"2025-06-01T08:00:00Z","orderId":"o1","currency":"EUR","lines":[{"productId":"p","quantity":0,"unitPrice":1}]}""")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"refund","occurredAt":"2025-06-01T08:00:00Z","orderId":"o1"}""")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"refund","occurredAt":"2025-06-01T08:00:00Z","orderId":"o1","amount":0}""")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"review","occurredAt":"2025-06-01T08:00:00Z","productId":"p1","rating":6}""")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"order_status","occurredAt":"2025-06-01T08:00:00Z","orderId":"o1","status":"lost"}""")]
    [InlineData("""{"eventId":"a/b","userId":"u1","type":"view","occurredAt":"2025-06-01T08:00:00Z","productId":"p1"}""")]
    [InlineData("""{"eventId":" ","userId":"u1","type":"view","occurredAt":"2025-06-01T08:00:00Z","productId":"p1"}""")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"view","occurredAt":"2025-06-01T08:00:00","productId":"p1"}""")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"teleport","occurredAt":"2025-06-01T08:00:00Z","productId":"p1"}""")]
    [InlineData("""{"eventId":"e1","userId":"u1","type":"view","occurredAt":"2025-06-01T08:00:00Z","productId":"p1","schemaVersion":"2"}""")]
    public async Task Events_the_service_refuses_do_not_match_the_event_schema(string json)
    {
        var schema = await Schema("event.schema.json");
        Assert.NotEmpty(schema.Validate(json));
    }

    [Fact]
    public async Task The_event_schema_lists_exactly_the_event_types_and_order_statuses()
    {
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(SchemaPath("event.schema.json")))!;
        var types = schema["properties"]!["type"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());
        var statuses = schema["properties"]!["status"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Equal(Enum.GetValues<BehaviorEventType>().Select(t => t.WireName()), types);
        Assert.Equal(OrderStatuses.All, statuses);
    }

    [Fact]
    public async Task Catalog_messages_match_the_catalog_schema()
    {
        var schema = await Schema("catalog.schema.json");
        var message = new CatalogMessage
        {
            Product = new Product
            {
                ProductId = "p1",
                Title = "Trail runner",
                Category = "shoes",
                Brand = "acme",
                Price = 89.9m,
                Currency = "EUR",
                Attributes = new Dictionary<string, string> { ["color"] = "red" },
                UpdatedAt = T,
            },
        };

        Assert.Empty(schema.Validate(Json(message)));
        Assert.NotEmpty(schema.Validate("""{"product":{"productId":"p1","updatedAt":"2025-06-01T08:00:00Z"}}"""));
        Assert.NotEmpty(schema.Validate("""{"product":{"productId":"p1","title":"t","price":-1,"updatedAt":"2025-06-01T08:00:00Z"}}"""));
    }

    [Fact]
    public async Task Segment_changes_match_the_segment_change_schema()
    {
        var schema = await Schema("segment-change.schema.json");

        Assert.Empty(schema.Validate(Json(new SegmentChange("u1", null, "prospects", "first seen", T))));
        Assert.Empty(schema.Validate(Json(new SegmentChange("u1", "prospects", "new-customers", "first purchase", T))));
        Assert.NotEmpty(schema.Validate(Json(new SegmentChange("u1", "prospects", "vip", "rfm: R5 F5 M5", T))));
    }

    [Fact]
    public async Task The_segment_change_schema_lists_exactly_the_segments()
    {
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(SchemaPath("segment-change.schema.json")))!;
        var ids = schema["definitions"]!["segmentId"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Equal(RfmSegments.All.Select(s => s.Id), ids);
    }

    [Fact]
    public async Task Hand_offs_match_the_handoff_schema()
    {
        var schema = await Schema("handoff.schema.json");
        var turn = new ConversationTurn
        {
            At = T, Message = "我要找人工客服", Reply = "我已将本次对话转交人工客服。", Intent = "contact_human_agent", Confidence = 0.99,
            Sentiment = 0, Actions = ["handoff"], Sources = [], Handoff = true,
        };
        var message = new HandoffRequest { ConversationId = "c1", UserId = "u1", Locale = "zh", Reason = "requested", RequestedAt = T, Transcript = [turn] };

        Assert.Empty(schema.Validate(Json(message)));
        Assert.Empty(schema.Validate(Json(message with { UserId = null, Reason = "negative_sentiment" })));
        Assert.NotEmpty(schema.Validate(Json(message with { Reason = "bored" })));
        Assert.NotEmpty(schema.Validate(Json(message with { Transcript = [] })));
    }
}
