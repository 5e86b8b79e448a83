namespace Serverless.Cli.Datasets;

/// <summary>Mutable tallies filled while the rows are read; each dropped row counts under one reason only.</summary>
internal sealed class OnlineRetailRowCounts
{
    public long Rows { get; set; }

    public long PurchaseLines { get; set; }

    public long WithoutCustomer { get; set; }

    public long Cancellations { get; set; }

    public long NonPositiveQuantity { get; set; }

    public long NonPositivePrice { get; set; }

    public long Malformed { get; set; }
}
