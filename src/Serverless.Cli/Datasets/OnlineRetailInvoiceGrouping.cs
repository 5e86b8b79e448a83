namespace Serverless.Cli.Datasets;

/// <summary>
/// Gathers purchase lines into invoices while streaming. Lines of one invoice are nearly contiguous in the file but
/// not always (concurrent tills interleave a few rows), so an invoice stays open until no line of it has appeared
/// for <see cref="RowWindow"/> rows; invoices come out in order of their first line, i.e. chronologically.
/// </summary>
internal static class OnlineRetailInvoiceGrouping
{
    public const int RowWindow = 10_000;

    public static IEnumerable<OnlineRetailInvoice> Group(IEnumerable<OnlineRetailLine> lines)
    {
        var open = new Dictionary<string, OnlineRetailInvoice>(StringComparer.Ordinal);
        var order = new Queue<OnlineRetailInvoice>();
        var closed = new HashSet<string>(StringComparer.Ordinal);

        foreach (var line in lines)
        {
            if (!open.TryGetValue(line.InvoiceNo, out var invoice))
            {
                if (closed.Contains(line.InvoiceNo))
                {
                    throw new InvalidDataException(
                        $"Row {line.RowNumber}: invoice {line.InvoiceNo} reappears more than {RowWindow} rows after its " +
                        "previous line; the file must keep each invoice's lines close together.");
                }

                invoice = new OnlineRetailInvoice(line);
                open[line.InvoiceNo] = invoice;
                order.Enqueue(invoice);
            }

            invoice.Add(line);

            while (order.Count > 0 && order.Peek().LastRow < line.RowNumber - RowWindow)
            {
                yield return Close(order.Dequeue(), open, closed);
            }
        }

        while (order.Count > 0)
        {
            yield return Close(order.Dequeue(), open, closed);
        }
    }

    private static OnlineRetailInvoice Close(
        OnlineRetailInvoice invoice, Dictionary<string, OnlineRetailInvoice> open, HashSet<string> closed)
    {
        open.Remove(invoice.InvoiceNo);
        closed.Add(invoice.InvoiceNo);
        return invoice;
    }
}
