namespace Serverless.Cli.Datasets;

/// <summary>One customer's purchases inside the window, as counted by the first pass.</summary>
internal readonly record struct OnlineRetailCustomerTotals(
    int Events, long Lines, decimal Revenue, DateTimeOffset Earliest, DateTimeOffset Latest)
{
    public static OnlineRetailCustomerTotals Of(OnlineRetailInvoice invoice) =>
        new(
            OnlineRetailEventSource.PartCount(invoice.Lines.Count),
            invoice.Lines.Count,
            invoice.Revenue,
            invoice.OccurredAt,
            invoice.OccurredAt);

    public OnlineRetailCustomerTotals With(OnlineRetailInvoice invoice) => new(
        Events + OnlineRetailEventSource.PartCount(invoice.Lines.Count),
        Lines + invoice.Lines.Count,
        Revenue + invoice.Revenue,
        invoice.OccurredAt < Earliest ? invoice.OccurredAt : Earliest,
        invoice.OccurredAt > Latest ? invoice.OccurredAt : Latest);
}
