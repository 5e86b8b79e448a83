using System.Text.Json.Serialization;

namespace Serverless.Domain.Events;

/// <summary>One line of a purchase: product, quantity and unit price in the event's currency.</summary>
public sealed record OrderLine
{
    public required string ProductId { get; init; }

    public required int Quantity { get; init; }

    public required decimal UnitPrice { get; init; }

    public string? Category { get; init; }

    public string? Brand { get; init; }

    /// <summary>Quantity times unit price (derived, not part of the wire contract).</summary>
    [JsonIgnore]
    public decimal Total => Quantity * UnitPrice;
}
