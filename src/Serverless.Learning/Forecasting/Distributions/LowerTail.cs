namespace Serverless.Learning.Forecasting.Distributions;

/// <summary>How <see cref="StandardizedErrors"/> reads the lower half (probabilities below 1/2) of its sample.</summary>
public enum LowerTail
{
    /// <summary>As the sample gives it.</summary>
    Sample = 1,

    /// <summary>The lower of the sample's quantile and the standard normal's: never narrower than the normal.</summary>
    NoNarrowerThanNormal = 2,
}
