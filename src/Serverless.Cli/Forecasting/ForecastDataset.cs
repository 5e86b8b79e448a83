namespace Serverless.Cli.Forecasting;

/// <summary>The data <c>serverless forecast evaluate --data</c> reads.</summary>
internal enum ForecastDataset
{
    /// <summary>UCI Sales Transactions Weekly: 811 products x 52 weeks.</summary>
    UciWeekly = 1,

    /// <summary>Daily units per product built from the UCI Online Retail purchase lines.</summary>
    OnlineRetailDaily = 2,

    /// <summary>A history CSV (seriesId,date,value).</summary>
    Csv = 3,
}
