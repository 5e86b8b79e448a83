using Serverless.Domain.Events;

namespace Serverless.Cli.Datasets;

/// <summary>The purchase lines of one invoice gathered so far; it becomes one purchase event.</summary>
internal sealed class OnlineRetailInvoice(OnlineRetailLine first)
{
    private readonly List<OrderLine> _lines = [];

    public string InvoiceNo { get; } = first.InvoiceNo;

    public string CustomerId { get; } = first.CustomerId;

    public string Country { get; } = first.Country;

    /// <summary>The earliest line's date: a few invoices straddle a minute boundary.</summary>
    public DateTimeOffset OccurredAt { get; private set; } = first.InvoiceDate;

    public long LastRow { get; private set; } = first.RowNumber;

    public decimal Revenue { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public void Add(OnlineRetailLine line)
    {
        if (!string.Equals(line.CustomerId, CustomerId, StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"Row {line.RowNumber}: invoice {InvoiceNo} belongs to customer {CustomerId} but this line names {line.CustomerId}.");
        }

        _lines.Add(new OrderLine { ProductId = line.StockCode, Quantity = line.Quantity, UnitPrice = line.UnitPrice });
        Revenue += line.Quantity * line.UnitPrice;
        LastRow = line.RowNumber;
        if (line.InvoiceDate < OccurredAt)
        {
            OccurredAt = line.InvoiceDate;
        }
    }
}
