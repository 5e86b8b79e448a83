namespace Serverless.Cli.Datasets;

/// <summary>The outcome of the first pass: which customers and how many events the second pass will produce.</summary>
public sealed record OnlineRetailPlan
{
    public required OnlineRetailStatistics Statistics { get; init; }

    /// <summary>Customers with at least one purchase inside the time window.</summary>
    public required int EligibleCustomers { get; init; }

    public required IReadOnlySet<string> SelectedCustomers { get; init; }

    public required int EventCount { get; init; }

    public required long LineCount { get; init; }

    /// <summary>Sum of quantity x unit price over the selected events (GBP).</summary>
    public required decimal Revenue { get; init; }

    /// <summary>Earliest selected event, original dataset time (null when nothing is selected).</summary>
    public DateTimeOffset? Earliest { get; init; }

    /// <summary>Latest selected event, original dataset time (null when nothing is selected).</summary>
    public DateTimeOffset? Latest { get; init; }

    /// <summary>Added to every original timestamp (zero unless <see cref="OnlineRetailOptions.ShiftLatestTo"/> is set).</summary>
    public required TimeSpan Shift { get; init; }
}
