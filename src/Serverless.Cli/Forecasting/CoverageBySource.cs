using System.Globalization;
using Serverless.Learning.Forecasting.Distributions;

namespace Serverless.Cli.Forecasting;

/// <summary>
/// The automatic forecaster's hold-out coverage split by where each series' intervals came from (the model's analytic
/// variances or its backtest errors), pooled over points: an overall coverage near nominal can hide two sources that
/// err in opposite directions.
/// </summary>
internal sealed class CoverageBySource
{
    private readonly Dictionary<IntervalSource, (int Points, int Inside80, int Inside95)> _counts = [];

    public void Add(IntervalSource source, ForecastValues forecast, ReadOnlySpan<double> actual)
    {
        var (points, inside80, inside95) = _counts.GetValueOrDefault(source);
        for (var h = 0; h < actual.Length; h++)
        {
            points++;
            inside80 += actual[h] >= forecast.Lower80[h] && actual[h] <= forecast.Upper80[h] ? 1 : 0;
            inside95 += actual[h] >= forecast.Lower95[h] && actual[h] <= forecast.Upper95[h] ? 1 : 0;
        }

        _counts[source] = (points, inside80, inside95);
    }

    /// <summary>One line: per source, the points and the 80% / 95% coverage in percent.</summary>
    public string Describe() =>
        "Automatic forecaster's coverage 80% / 95% by interval source (pooled over points): " +
        string.Join("; ", _counts.OrderBy(pair => pair.Key).Select(pair => string.Create(
            CultureInfo.InvariantCulture,
            $"{pair.Key.ToString().ToLowerInvariant()} {100.0 * pair.Value.Inside80 / pair.Value.Points:F1} / {100.0 * pair.Value.Inside95 / pair.Value.Points:F1} ({pair.Value.Points} points)"))) +
        ".";
}
