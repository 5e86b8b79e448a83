namespace Serverless.Learning.Forecasting.Series;

/// <summary>Where <see cref="DemandSeriesBuilder"/> starts each series.</summary>
public enum SeriesStart
{
    /// <summary>At the series' own first observation: a product is not forecast from periods before it was sold.</summary>
    FirstObservation = 1,

    /// <summary>At the earliest observation of all series, leading periods being zeros.</summary>
    Common = 2,
}
