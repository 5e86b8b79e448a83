using Serverless.Learning.Forecasting.Distributions;

namespace Serverless.Learning.Forecasting;

/// <summary>
/// A model that knows the shape of its one-step in-sample errors (the innovations its intervals scale), each divided by
/// the innovation standard deviation: <see cref="StandardizedErrors.FromResiduals"/>, at most
/// <see cref="StandardizedErrors.MaximumShapePoints"/> points, so a fitted model does not carry its whole history of
/// errors. Known for a model fitted in this process and the normal after loading: the saved files keep the shape with
/// the automatic model's candidate instead.
/// </summary>
internal interface IResidualSource
{
    /// <summary>The standardized residuals' shape; the normal when there were fewer than <see cref="StandardizedErrors.MinimumResiduals"/>.</summary>
    StandardizedErrors ResidualShape { get; }

    /// <summary>How many one-step errors the history gave.</summary>
    int ResidualCount { get; }
}
