using System.Globalization;
using Serverless.Learning.Forecasting;
using Serverless.Learning.Forecasting.Series;

namespace Serverless.Cli.Forecasting;

/// <summary>Writes forecasts as seriesId,date,mean,lo80,hi80,lo95,hi95, one row per series and period (date = period start).</summary>
internal static class ForecastCsv
{
    public const string Header = "seriesId,date,mean,lo80,hi80,lo95,hi95";

    public static void Write(string path, IEnumerable<(string SeriesId, DateOnly FirstDate, SeriesForecast Forecast)> forecasts, SeriesGranularity granularity)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(Header);
        foreach (var (id, first, forecast) in forecasts)
        {
            var quoted = id.Contains(',') || id.Contains('"') ? "\"" + id.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : id;
            for (var h = 0; h < forecast.Horizon; h++)
            {
                writer.Write(quoted);
                writer.Write(',');
                writer.Write(SeriesPeriods.Add(first, h, granularity).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                foreach (var value in new[] { forecast.Mean[h], forecast.Lower80[h], forecast.Upper80[h], forecast.Lower95[h], forecast.Upper95[h] })
                {
                    writer.Write(',');
                    writer.Write(value.ToString("0.####", CultureInfo.InvariantCulture));
                }

                writer.WriteLine();
            }
        }
    }
}
