namespace Serverless.Learning.Forecasting.Series;

/// <summary>Units of one series (a product, say) demanded on one date; several observations of a date add up.</summary>
public readonly record struct DemandObservation(string SeriesId, DateOnly Date, double Quantity);
