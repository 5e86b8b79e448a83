using Serverless.Learning.Forecasting.Series;

namespace Serverless.Cli.Forecasting;

/// <summary>A history CSV (see <see cref="HistoryCsv"/>) as evaluation series, each from its first observation to the common last period.</summary>
internal static class CsvEvaluationData
{
    public static EvaluationData Read(string path, SeriesGranularity granularity)
    {
        var series = new DemandSeriesBuilder(new DemandSeriesBuilder.Options { Granularity = granularity }).Build(HistoryCsv.Read(path));
        return new EvaluationData(
            "csv",
            $"{Path.GetFileName(path)}: {series.Count} series, {granularity.ToString().ToLowerInvariant()}ly, ending {(series.Count > 0 ? series[0].End.ToString("yyyy-MM-dd") : "-")}",
            series.Select(s => new EvaluationSeries(s.Id, s.Values.ToArray())).ToList(),
            ForecastSettings.SeasonalPeriod(granularity));
    }
}
