using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Serverless.Domain.Forecasts;
using Serverless.Learning.Forecasting;
using Serverless.Learning.Forecasting.Automatic;
using Serverless.Learning.Forecasting.Metrics;
using Serverless.Learning.Forecasting.Reconciliation;
using Serverless.Learning.Forecasting.Series;

namespace Serverless.Application.Forecasts;

/// <summary>
/// Fits and forecasts the demand series of the history: a product with <see cref="AutomaticForecastTrainer"/> (method
/// chosen per series by a rolling-origin backtest, weekly seasonality for daily data, yearly for weekly data with more
/// than two years), a category and the shop's total bottom-up from their products (<see cref="BottomUpReconciliation"/>),
/// so that a category's forecast is exactly the sum of its products', and the total the sum of every product's. Stateless and deterministic: the same history gives the same forecast.
/// </summary>
public sealed class SeriesForecaster(IOptions<ForecastOptions> options)
{
    private const string NoSales = "no_sales";
    private readonly ForecastOptions _options = options.Value;

    public FittedSeries FitProduct(DemandHistory history, string productId, SeriesGranularity granularity)
    {
        ArgumentNullException.ThrowIfNull(history);
        var last = SeriesPeriods.PeriodStart(history.LastDay(granularity), granularity);
        var series = history.Series([productId], granularity).SingleOrDefault();
        if (series is null)
        {
            return new FittedSeries(productId, granularity, last, null, null);
        }

        series = Padded(series);
        return new FittedSeries(productId, granularity, last, series, Trainer(series).Fit(series.Values.AsSpan()));
    }

    /// <summary>
    /// The category's products, one after another, each from <paramref name="fitProduct"/> (by default fitted here; the
    /// serving layer passes its model cache, so a product is fitted once for its category, the total and its own
    /// requests); null when none of them sold in the window.
    /// </summary>
    public Task<FittedAggregate?> FitCategoryAsync(
        DemandHistory history, string category, SeriesGranularity granularity, Func<string, Task<FittedSeries>>? fitProduct = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        return FitAggregateAsync(history, ForecastSeriesKind.Category, category, history.ProductsIn(category), granularity, fitProduct);
    }

    /// <summary>Every product that sold in the window (the shop's total), as <see cref="FitCategoryAsync"/>; null when nothing sold.</summary>
    public Task<FittedAggregate?> FitTotalAsync(DemandHistory history, SeriesGranularity granularity, Func<string, Task<FittedSeries>>? fitProduct = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        return FitAggregateAsync(history, ForecastSeriesKind.Total, DemandForecast.TotalName, history.Products, granularity, fitProduct);
    }

    public DemandForecast Forecast(FittedSeries fitted, int horizon, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizon);
        if (fitted.Model is null || fitted.Series is null)
        {
            return new DemandForecast
            {
                ProductId = DemandForecast.KeyOf(ForecastSeriesKind.Product, fitted.ProductId),
                Kind = ForecastSeriesKind.Product,
                Name = fitted.ProductId,
                Granularity = ToGranularity(fitted.Granularity),
                Model = NoSales,
                Backtest = new ForecastAccuracyRecord(null, null, 0, 0),
                DataWindow = new ForecastDataWindow(fitted.LastPeriod, fitted.LastPeriod, 0),
                GeneratedAt = generatedAt,
                Points = Enumerable.Range(1, horizon)
                    .Select(h => new ForecastPoint(SeriesPeriods.Add(fitted.LastPeriod, h, fitted.Granularity), 0, 0, 0, 0, 0))
                    .ToList(),
            };
        }

        var model = fitted.Model;
        var forecast = model.Predict(horizon);
        return Document(
            ForecastSeriesKind.Product,
            fitted.ProductId,
            fitted.Series,
            forecast,
            model.Selected.Length > 1 ? model.Selected.Select(Name).ToList() : null,
            Accuracy(model),
            generatedAt);
    }

    /// <summary>
    /// The aggregate's forecast: the sum of its products' (<see cref="BottomUpReconciliation"/>), with intervals from the
    /// errors of the same sum in their backtests and the backtest error of the summed forecasts.
    /// </summary>
    public DemandForecast Forecast(FittedAggregate fitted, int horizon, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizon);
        var models = fitted.Members.ToDictionary(m => m.ProductId, m => m.Model!, StringComparer.Ordinal);

        // Only the sum of all members is wanted here, so no member is grouped.
        var reconciled = BottomUpReconciliation.Reconcile(models, new Dictionary<string, string>(), horizon);
        return Document(
            fitted.Kind,
            fitted.Name,
            fitted.Series,
            reconciled.Total,
            [$"{fitted.Members.Count} products"],
            AggregateAccuracy(fitted),
            generatedAt);
    }

    /// <summary>The aggregate's forecast followed by each product's, all over the same periods.</summary>
    public IReadOnlyList<DemandForecast> ForecastWithMembers(FittedAggregate fitted, int horizon, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        return [Forecast(fitted, horizon, generatedAt), .. fitted.Members.Select(member => Forecast(member, horizon, generatedAt))];
    }

    public static ForecastGranularity ToGranularity(SeriesGranularity granularity) =>
        granularity == SeriesGranularity.Week ? ForecastGranularity.Week : ForecastGranularity.Day;

    public static SeriesGranularity ToSeries(ForecastGranularity granularity) =>
        granularity == ForecastGranularity.Week ? SeriesGranularity.Week : SeriesGranularity.Day;

    public static int SeasonalPeriod(SeriesGranularity granularity, int length) =>
        granularity == SeriesGranularity.Day ? 7 : (length > 104 ? 52 : 1);

    private async Task<FittedAggregate?> FitAggregateAsync(
        DemandHistory history,
        ForecastSeriesKind kind,
        string name,
        IEnumerable<string> productIds,
        SeriesGranularity granularity,
        Func<string, Task<FittedSeries>>? fitProduct)
    {
        fitProduct ??= productId => Task.FromResult(FitProduct(history, productId, granularity));
        var members = new List<FittedSeries>();
        // In id order, as the series are built; a product without a series at this granularity (say, sales only in the
        // week under way) has no model and is left out.
        foreach (var productId in productIds.Order(StringComparer.Ordinal))
        {
            if (await fitProduct(productId) is { Series: not null } member)
            {
                members.Add(member);
            }
        }

        if (members.Count == 0)
        {
            return null;
        }

        var sum = DemandSeriesBuilder.Sum(DemandForecast.KeyOf(kind, name), members.Select(m => m.Series!).ToList());
        return new FittedAggregate(kind, name, granularity, sum, members);
    }

    private AutomaticForecastTrainer Trainer(DemandSeries series) => new(new AutomaticForecastTrainer.Options
    {
        SeasonalPeriod = SeasonalPeriod(series.Granularity, series.Length),
        Horizon = series.Granularity == SeriesGranularity.Week ? _options.BacktestHorizonWeeks : _options.BacktestHorizonDays,
        BacktestOrigins = _options.BacktestOrigins,
        EtsMaxEvaluations = _options.EtsMaxEvaluations,
    });

    /// <summary>A product first sold in the last period gets one leading zero: the trainer needs two observations.</summary>
    private static DemandSeries Padded(DemandSeries series)
    {
        if (series.Length >= AutomaticForecastTrainer.MinimumHistory)
        {
            return series;
        }

        var missing = AutomaticForecastTrainer.MinimumHistory - series.Length;
        var values = new double[missing].Concat(series.Values).ToImmutableArray();
        return new DemandSeries(series.Id, series.Granularity, SeriesPeriods.Add(series.Start, -missing, series.Granularity), values);
    }

    private static DemandForecast Document(
        ForecastSeriesKind kind,
        string name,
        DemandSeries series,
        SeriesForecast forecast,
        IReadOnlyList<string>? components,
        ForecastAccuracyRecord accuracy,
        DateTimeOffset generatedAt)
    {
        var points = new List<ForecastPoint>(forecast.Horizon);
        for (var h = 0; h < forecast.Horizon; h++)
        {
            points.Add(new ForecastPoint(
                series.PeriodStart(series.Length + h),
                Round(forecast.Mean[h]),
                Round(forecast.Lower80[h]),
                Round(forecast.Upper80[h]),
                Round(forecast.Lower95[h]),
                Round(forecast.Upper95[h])));
        }

        return new DemandForecast
        {
            ProductId = DemandForecast.KeyOf(kind, name),
            Kind = kind,
            Name = name,
            Granularity = ToGranularity(series.Granularity),
            Model = Name(forecast.Method),
            Components = components,
            Backtest = accuracy,
            DataWindow = new ForecastDataWindow(series.Start, series.End, series.Length),
            GeneratedAt = generatedAt,
            Points = points,
        };
    }

    private static ForecastAccuracyRecord Accuracy(AutomaticForecastModel model) =>
        model.Backtest is { } backtest
            ? new ForecastAccuracyRecord(Round(backtest.MeanAbsoluteError), Finite(model.BacktestScaledError), backtest.Horizon, backtest.Origins.Length)
            : new ForecastAccuracyRecord(null, null, 0, 0);

    /// <summary>
    /// The backtest error of the summed forecasts: the members' backtests aligned by their distance from the common last
    /// period (as the reconciliation does), scaled by the in-sample seasonal-naive error of the aggregate's series.
    /// </summary>
    private static ForecastAccuracyRecord AggregateAccuracy(FittedAggregate fitted)
    {
        if (AggregateBacktest.Of(fitted.Members.Select(m => m.Model!)) is not { } aggregate)
        {
            return new ForecastAccuracyRecord(null, null, 0, 0);
        }

        var (horizon, origins, actuals, forecasts) = aggregate;
        var mae = ForecastAccuracy.MeanAbsoluteError(actuals.AsSpan(), forecasts.AsSpan());
        var values = fitted.Series.Values.AsSpan();
        var scale = ForecastAccuracy.NaiveMeanAbsoluteError(values, SeasonalPeriod(fitted.Granularity, values.Length));
        return new ForecastAccuracyRecord(Round(mae), scale > 0 ? Finite(mae / scale) : null, horizon, origins);
    }

    private static string Name(ForecastMethod method) => JsonNamingPolicy.SnakeCaseLower.ConvertName(method.ToString());

    private static double? Finite(double value) => double.IsFinite(value) ? Round(value) : null;

    private static double Round(double value) => Math.Round(value, 4);
}
