using Serverless.Cli.Datasets;
using Serverless.Cli.Recommendations;
using Serverless.Learning.Forecasting.Series;

namespace Serverless.Cli.Forecasting;

/// <summary>
/// Daily units per product from the UCI Online Retail file: the purchase lines the replay sends as purchase events
/// (cancellations, lines without a customer and non-positive quantities or prices dropped; <see cref="OnlineRetailCsv"/>),
/// products only (<see cref="ProductCodeRule"/>), summed per stock code and calendar day (UTC), days without sales as
/// zeros, each series from its first sale to the file's last day. The evaluated subset is the products with the most
/// units sold before the hold-out window, so the choice does not look at the days being forecast.
/// </summary>
internal static class OnlineRetailDailyDemand
{
    public static EvaluationData Read(string path, int products, int holdoutDays, CancellationToken cancellationToken)
    {
        var counts = new OnlineRetailRowCounts();
        var observations = OnlineRetailCsv.ReadPurchaseLines(path, maxRows: null, counts, cancellationToken)
            .Where(line => ProductCodeRule.IsProduct(line.StockCode))
            .Select(line => new DemandObservation(line.StockCode, DateOnly.FromDateTime(line.InvoiceDate.UtcDateTime), line.Quantity));
        var series = new DemandSeriesBuilder(new DemandSeriesBuilder.Options { Granularity = SeriesGranularity.Day }).Build(observations);
        if (series.Count == 0)
        {
            throw new InvalidDataException($"{path} holds no purchase lines.");
        }

        var end = series[0].End;
        var cutoff = end.AddDays(-holdoutDays);
        var chosen = series
            .Select(s => (Series: s, TrainingUnits: TrainingUnits(s, cutoff)))
            .Where(pair => pair.Series.Length > holdoutDays)
            .OrderByDescending(pair => pair.TrainingUnits)
            .ThenBy(pair => pair.Series.Id, StringComparer.Ordinal)
            .Take(products)
            .Select(pair => new EvaluationSeries(pair.Series.Id, pair.Series.Values.ToArray()))
            .ToList();
        return new EvaluationData(
            "online-retail-daily",
            $"UCI Online Retail purchase lines ({counts.PurchaseLines:N0} kept of {counts.Rows:N0} rows): daily units of the {chosen.Count} products " +
            $"with the most units sold up to {cutoff:yyyy-MM-dd}, each from its first sale to {end:yyyy-MM-dd}",
            chosen,
            SeasonalPeriod: 7);
    }

    private static double TrainingUnits(DemandSeries series, DateOnly cutoff)
    {
        double units = 0;
        for (var i = 0; i < series.Length && series.PeriodStart(i) <= cutoff; i++)
        {
            units += series.Values[i];
        }

        return units;
    }
}
