using System.Globalization;
using Serverless.Learning.Forecasting.Distributions;
using Serverless.Learning.Forecasting.Metrics;

namespace Serverless.Cli.Forecasting;

/// <summary>
/// The automatic forecaster's hold-out coverage split by where each series' intervals came from (the model's analytic
/// variances or its backtest errors), pooled over points: an overall coverage near nominal can hide two sources that
/// err in opposite directions.
/// </summary>
internal sealed class CoverageBySource
{
    private readonly Dictionary<IntervalSource, (int Points, double Inside80, double Inside95)> _counts = [];

    public void Add(IntervalSource source, ForecastValues forecast, ReadOnlySpan<double> actual)
    {
        var (points, inside80, inside95) = _counts.GetValueOrDefault(source);
        // Coverage is a share of the series' points; times their count it is how many fell inside.
        _counts[source] = (
            points + actual.Length,
            inside80 + IntervalAccuracy.Coverage(actual, forecast.Lower80, forecast.Upper80) * actual.Length,
            inside95 + IntervalAccuracy.Coverage(actual, forecast.Lower95, forecast.Upper95) * actual.Length);
    }

    /// <summary>One line: per source, the points and the 80% / 95% coverage in percent.</summary>
    public string Describe() =>
        "Automatic forecaster's coverage 80% / 95% by interval source (pooled over points): " +
        string.Join("; ", _counts.OrderBy(pair => pair.Key).Select(pair => string.Create(
            CultureInfo.InvariantCulture,
            $"{pair.Key.ToString().ToLowerInvariant()} {100.0 * pair.Value.Inside80 / pair.Value.Points:F1} / {100.0 * pair.Value.Inside95 / pair.Value.Points:F1} ({pair.Value.Points} points)"))) +
        ".";
}
