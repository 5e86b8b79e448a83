using Serverless.Cli.Datasets;
using Serverless.Learning.Recommenders;

namespace Serverless.Cli.Recommendations;

/// <summary>
/// Implicit feedback from UCI Online Retail: one purchase interaction per invoice line of a known customer, with the
/// row filters of <see cref="OnlineRetailCsv"/> (cancellation invoices, missing customer, non-positive quantity or price
/// dropped) and non-products dropped by <see cref="ProductCodeRule"/>. The weight is
/// <see cref="InteractionWeighting.Weigh"/> of a purchase of that quantity (logarithmic in the quantity, no decay).
/// </summary>
internal static class OnlineRetailInteractions
{
    public static OnlineRetailInteractionSet Read(
        string path, InteractionWeighting weighting, IProgress<long>? rowsRead, CancellationToken cancellationToken)
    {
        var counts = new OnlineRetailRowCounts();
        var interactions = new List<Interaction>(400_000);
        var nonProducts = 0L;
        foreach (var line in OnlineRetailCsv.ReadPurchaseLines(path, maxRows: null, counts, cancellationToken))
        {
            if ((counts.Rows & 0x3FFF) == 0)
            {
                rowsRead?.Report(counts.Rows);
            }

            if (!ProductCodeRule.IsProduct(line.StockCode))
            {
                nonProducts++;
                continue;
            }

            interactions.Add(weighting.Create(
                line.CustomerId, line.StockCode, InteractionKind.Purchase, line.Quantity, line.InvoiceDate, line.InvoiceDate));
        }

        rowsRead?.Report(counts.Rows);
        return new OnlineRetailInteractionSet(interactions, counts, nonProducts);
    }
}
