namespace Serverless.Domain.Models;

/// <summary>Units of one product bought within an hour, with the category of its latest line that had one and that line's time.</summary>
public sealed record DemandSnapshotLine(string ProductId, double Units, string? Category, DateTimeOffset LastPurchaseAt);
