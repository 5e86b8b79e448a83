namespace Serverless.Application.Forecasts;

/// <summary>Demand forecasting: serving limits, history window, caching and the backtest (configuration section <c>Forecasts</c>).</summary>
public sealed class ForecastOptions
{
    public const string SectionName = "Forecasts";

    /// <summary>Days forecast when <c>horizon</c> is absent and <c>granularity</c> is day.</summary>
    public int DefaultHorizonDays { get; set; } = 28;

    /// <summary>Weeks forecast when <c>horizon</c> is absent and <c>granularity</c> is week.</summary>
    public int DefaultHorizonWeeks { get; set; } = 12;

    /// <summary>The largest daily <c>horizon</c> accepted (also the limit of lead time plus review period).</summary>
    public int MaxHorizonDays { get; set; } = 365;

    /// <summary>The largest weekly <c>horizon</c> accepted.</summary>
    public int MaxHorizonWeeks { get; set; } = 104;

    /// <summary>Days the nightly refresh precomputes; a request for at most this many is answered from the stored forecast.</summary>
    public int PrecomputeHorizonDays { get; set; } = 90;

    /// <summary>Weeks the nightly refresh precomputes.</summary>
    public int PrecomputeHorizonWeeks { get; set; } = 26;

    /// <summary>How many days of purchase history (read from the event archive) the series cover.</summary>
    public int HistoryDays { get; set; } = 730;

    /// <summary>How often serving and the refresh workers read the archive again (0: on every use).</summary>
    public double HistoryRefreshSeconds { get; set; } = 900;

    /// <summary>How long a model fitted on demand is kept in memory and reused for any horizon (0: never kept).</summary>
    public double ModelCacheSeconds { get; set; } = 3600;

    /// <summary>A stored forecast older than this is not served (the refresh did not run): the request is answered on demand.</summary>
    public double PrecomputedMaxAgeHours { get; set; } = 48;

    /// <summary>Rolling origins of the backtest that chooses the method per series.</summary>
    public int BacktestOrigins { get; set; } = 8;

    /// <summary>Steps ahead each backtest origin forecasts, for daily series.</summary>
    public int BacktestHorizonDays { get; set; } = 14;

    /// <summary>Steps ahead each backtest origin forecasts, for weekly series.</summary>
    public int BacktestHorizonWeeks { get; set; } = 4;

    /// <summary>Likelihood evaluations per ETS form and fit.</summary>
    public int EtsMaxEvaluations { get; set; } = 1000;

    /// <summary>The category of products that have none in the catalog or on their purchase lines.</summary>
    public string UncategorizedName { get; set; } = "uncategorized";

    public TimeSpan HistoryRefreshInterval => TimeSpan.FromSeconds(HistoryRefreshSeconds);

    public TimeSpan ModelCacheDuration => TimeSpan.FromSeconds(ModelCacheSeconds);

    public TimeSpan PrecomputedMaxAge => TimeSpan.FromHours(PrecomputedMaxAgeHours);
}
