namespace Serverless.Domain.Events;

/// <summary>
/// One behaviour event as posted by an upstream system (contract: docs/contracts/event.schema.json, version 1).
/// Which optional fields are required depends on <see cref="Type"/>; <see cref="BehaviorEventValidator"/> enforces it.
/// </summary>
public sealed record BehaviorEvent
{
    public const string CurrentSchemaVersion = "1";

    /// <summary>Globally unique id chosen by the producer; a second delivery with the same id changes nothing.</summary>
    public required string EventId { get; init; }

    public required string UserId { get; init; }

    public required BehaviorEventType Type { get; init; }

    /// <summary>When the behaviour happened (producer clock, UTC offset required).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    public string? SessionId { get; init; }

    /// <summary>view, click, add_to_cart, remove_from_cart, review: the product concerned.</summary>
    public string? ProductId { get; init; }

    public string? Category { get; init; }

    public string? Brand { get; init; }

    /// <summary>search: the query text.</summary>
    public string? Query { get; init; }

    /// <summary>add_to_cart / remove_from_cart: units (default 1).</summary>
    public int? Quantity { get; init; }

    /// <summary>view / add_to_cart: unit price seen by the user.</summary>
    public decimal? Price { get; init; }

    /// <summary>purchase / refund: ISO 4217 code.</summary>
    public string? Currency { get; init; }

    /// <summary>purchase, refund, order_status: the order concerned.</summary>
    public string? OrderId { get; init; }

    /// <summary>purchase: the lines bought (refund: optional lines returned).</summary>
    public IReadOnlyList<OrderLine>? Lines { get; init; }

    /// <summary>refund: the amount refunded (defaults to the sum of the refunded lines).</summary>
    public decimal? Amount { get; init; }

    /// <summary>review: 1 to 5.</summary>
    public int? Rating { get; init; }

    /// <summary>review: free text.</summary>
    public string? Text { get; init; }

    /// <summary>order_status: new status (placed, paid, shipped, delivered, cancelled, returned).</summary>
    public string? Status { get; init; }

    /// <summary>Free-form producer attributes, kept in the archive, not interpreted.</summary>
    public IReadOnlyDictionary<string, string>? Properties { get; init; }
}
