namespace Serverless.Cli.Datasets;

/// <summary>What the first pass over the file saw, before the window and the customer sample apply.</summary>
public sealed record OnlineRetailStatistics
{
    public required long Rows { get; init; }

    /// <summary>Rows kept as purchase lines (customer known, not a cancellation, quantity and price positive).</summary>
    public required long PurchaseLines { get; init; }

    public required long DroppedWithoutCustomer { get; init; }

    /// <summary>Rows of invoices whose number starts with "C".</summary>
    public required long DroppedCancellations { get; init; }

    public required long DroppedNonPositiveQuantity { get; init; }

    public required long DroppedNonPositivePrice { get; init; }

    /// <summary>Rows whose quantity, price, date or customer id could not be read.</summary>
    public required long DroppedMalformed { get; init; }

    /// <summary>Invoices with at least one purchase line (each becomes one purchase event, or several when split).</summary>
    public required int PurchaseInvoices { get; init; }

    /// <summary>Invoices with more lines than one event may carry, replayed as several events.</summary>
    public required int SplitInvoices { get; init; }

    public required int Customers { get; init; }
}
