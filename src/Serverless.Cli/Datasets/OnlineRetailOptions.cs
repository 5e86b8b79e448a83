namespace Serverless.Cli.Datasets;

/// <summary>What to take from the UCI Online Retail file and how to place it in time.</summary>
public sealed record OnlineRetailOptions
{
    /// <summary>How many customers to keep (a deterministic sample for <see cref="Seed"/>); null keeps every customer.</summary>
    public int? CustomerSampleSize { get; init; }

    /// <summary>Seed of the customer sample: the same seed always selects the same customers.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Keep invoices at or after this instant (original dataset time).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Keep invoices strictly before this instant (original dataset time).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>
    /// When set, every timestamp is moved by the same amount so that the latest selected event happens at this instant:
    /// gaps between events are kept, so recency and lifecycle stages stay meaningful in a demo run today.
    /// </summary>
    public DateTimeOffset? ShiftLatestTo { get; init; }

    /// <summary>Read only the first N data rows (quick tries and tests); the last invoice read may be partial.</summary>
    public int? MaxRows { get; init; }
}
