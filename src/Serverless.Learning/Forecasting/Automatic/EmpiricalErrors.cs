using Serverless.Learning.Forecasting.Distributions;

namespace Serverless.Learning.Forecasting.Automatic;

/// <summary>
/// Backtest errors condensed into a predictive error model. Demand errors grow with the demand level (counts have a
/// variance about proportional to their mean), so every error is first divided by the level factor
/// sqrt((f + 1) / (mean f + 1)) of the forecast f it belongs to (one unit keeps near-zero forecasts, a shop's closed
/// day, from a zero width). The rest is how the level-adjusted scale grows with the horizon (<see cref="ErrorScale"/>)
/// and the empirical distribution of the errors divided by scale and level factor, pooled over steps (and, separately,
/// for cumulative errors): tens of points per series instead of a handful per step.
/// </summary>
/// <param name="LevelReference">Mean backtest forecast plus one unit: the level at which the factor is 1.</param>
public sealed record EmpiricalErrors(ErrorScale Scale, StandardizedErrors StepErrors, StandardizedErrors CumulativeErrors, double LevelReference)
{
    /// <summary>sqrt((forecast + 1) / <see cref="LevelReference"/>), the factor by which the error scale follows the level.</summary>
    public double LevelFactor(double forecast) =>
        LevelReference > 0 ? Math.Sqrt((Math.Max(forecast, 0) + 1) / LevelReference) : 1;

    /// <summary>The error scale at step h for a point forecast of <paramref name="forecast"/>.</summary>
    public double StepScale(int h, double forecast) => Scale.Step(h) * LevelFactor(forecast);

    /// <summary>The scale of the error of the sum of steps 1..L whose point forecasts average <paramref name="averageForecast"/>.</summary>
    public double CumulativeScale(int periods, double averageForecast) => Scale.Cumulative(periods) * LevelFactor(averageForecast);

    /// <summary>
    /// From the backtest: actual values and forecasts, row-major (one row per origin, one column per step).
    /// </summary>
    public static EmpiricalErrors FromBacktest(IReadOnlyList<double> actuals, IReadOnlyList<double> forecasts, int horizon)
    {
        ArgumentNullException.ThrowIfNull(actuals);
        ArgumentNullException.ThrowIfNull(forecasts);
        if (horizon < 1 || actuals.Count == 0 || actuals.Count != forecasts.Count || actuals.Count % horizon != 0)
        {
            throw new ArgumentException("Actuals and forecasts must be non-empty matrices of equal shape with one column per step.", nameof(actuals));
        }

        var origins = actuals.Count / horizon;
        var reference = forecasts.Select(f => Math.Max(f, 0)).Average() + 1;
        var level = new EmpiricalErrors(new ErrorScale(0, 0, 0, 0), StandardizedErrors.Normal, StandardizedErrors.Normal, reference);

        // Level-adjusted errors per step, and cumulative errors adjusted by the level of the steps they sum.
        var adjusted = new double[origins, horizon];
        var cumulative = new double[origins, horizon];
        var stepMeanSquares = new double[horizon];
        var cumulativeMeanSquares = new double[horizon];
        for (var o = 0; o < origins; o++)
        {
            double runningError = 0, runningForecast = 0;
            for (var h = 0; h < horizon; h++)
            {
                var index = o * horizon + h;
                var error = actuals[index] - forecasts[index];
                runningError += error;
                runningForecast += forecasts[index];
                adjusted[o, h] = error / level.LevelFactor(forecasts[index]);
                cumulative[o, h] = runningError / level.LevelFactor(runningForecast / (h + 1));
                stepMeanSquares[h] += adjusted[o, h] * adjusted[o, h] / origins;
                cumulativeMeanSquares[h] += cumulative[o, h] * cumulative[o, h] / origins;
            }
        }

        var scale = ErrorScale.Fit(stepMeanSquares, cumulativeMeanSquares);
        var step = new List<double>(origins * horizon);
        var total = new List<double>(origins * horizon);
        for (var o = 0; o < origins; o++)
        {
            for (var h = 1; h <= horizon; h++)
            {
                var s = scale.Step(h);
                if (s > 0)
                {
                    step.Add(adjusted[o, h - 1] / s);
                }

                var c = scale.Cumulative(h);
                if (c > 0)
                {
                    total.Add(cumulative[o, h - 1] / c);
                }
            }
        }

        return new EmpiricalErrors(scale, StandardizedErrors.FromSample(step), StandardizedErrors.FromSample(total), reference);
    }
}
