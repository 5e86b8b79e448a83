using Serverless.Learning.Forecasting.Automatic;
using Serverless.Learning.Forecasting.Series;

namespace Serverless.Cli.Forecasting;

/// <summary>The forecaster settings both commands use, so that what is evaluated is what runs.</summary>
internal static class ForecastSettings
{
    /// <summary>Daily data has a weekly cycle; weekly data would need more than two years for a yearly one, so none.</summary>
    public static int SeasonalPeriod(SeriesGranularity granularity) => granularity == SeriesGranularity.Day ? 7 : 1;

    public static AutomaticForecastTrainer Trainer(int seasonalPeriod, int horizon, IntervalMethod intervals, int origins, int originStep) =>
        new(new AutomaticForecastTrainer.Options
        {
            SeasonalPeriod = seasonalPeriod,
            Horizon = horizon,
            Intervals = intervals,
            BacktestOrigins = origins,
            OriginStep = originStep,
        });

    /// <summary>--origins: rolling origins of the backtest.</summary>
    public static System.CommandLine.Option<int> OriginsOption() => new System.CommandLine.Option<int>("--origins")
    {
        Description = "Rolling origins of each series' backtest (model choice and backtest intervals).",
        DefaultValueFactory = _ => 16,
    }.InRange(1, 1000);

    /// <summary>--origin-step: periods between origins; null picks by granularity.</summary>
    public static System.CommandLine.Option<int?> OriginStepOption() => new System.CommandLine.Option<int?>("--origin-step")
    {
        Description = "Periods between backtest origins (default 1 for weekly data, 5 for daily: origins then fall on every weekday).",
    }.Positive();

    public static int DefaultOriginStep(int seasonalPeriod) => seasonalPeriod == 7 ? 5 : 1;

    /// <summary>The --intervals option both commands share.</summary>
    public static System.CommandLine.Option<IntervalMethod> IntervalsOption() => new("--intervals")
    {
        Description = "analytic (the selected model's own intervals where it has them, read with the shape of its in-sample residuals; else backtest errors), "
            + "analytic-normal (the same with normal errors, as R's forecast package) or backtest (always backtest errors).",
        DefaultValueFactory = _ => IntervalMethod.AnalyticWhereAvailable,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            switch (token.ToLowerInvariant())
            {
                case "analytic":
                    return IntervalMethod.AnalyticWhereAvailable;
                case "analytic-normal":
                    return IntervalMethod.AnalyticNormal;
                case "backtest":
                    return IntervalMethod.Backtest;
                default:
                    result.AddError($"--intervals must be analytic, analytic-normal or backtest (got '{token}').");
                    return default;
            }
        },
    };
}
