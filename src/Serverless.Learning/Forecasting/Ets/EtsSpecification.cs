namespace Serverless.Learning.Forecasting.Ets;

/// <summary>One member of the ETS family, written ETS(error, trend, season) as in Hyndman et al. (2008).</summary>
public readonly record struct EtsSpecification(EtsErrorType Error, EtsTrendType Trend, EtsSeasonType Season)
{
    public bool HasTrend => Trend != EtsTrendType.None;

    public bool IsDamped => Trend == EtsTrendType.DampedAdditive;

    public bool IsSeasonal => Season != EtsSeasonType.None;

    /// <summary>Class 1 of Hyndman et al. (2008, ch. 6): linear and Gaussian, so prediction intervals are analytic.</summary>
    public bool IsLinear => Error == EtsErrorType.Additive && Season != EtsSeasonType.Multiplicative;

    /// <summary>Every specification the library fits; like R's <c>ets(restrict = TRUE)</c> it leaves out additive
    /// error with multiplicative season, which can be numerically unstable.</summary>
    public static IReadOnlyList<EtsSpecification> All { get; } = Enumerate().ToArray();

    public override string ToString()
    {
        var error = Error == EtsErrorType.Additive ? "A" : "M";
        var trend = Trend switch
        {
            EtsTrendType.None => "N",
            EtsTrendType.Additive => "A",
            _ => "Ad",
        };
        var season = Season switch
        {
            EtsSeasonType.None => "N",
            EtsSeasonType.Additive => "A",
            _ => "M",
        };
        return $"ETS({error},{trend},{season})";
    }

    private static IEnumerable<EtsSpecification> Enumerate()
    {
        foreach (var error in new[] { EtsErrorType.Additive, EtsErrorType.Multiplicative })
        {
            foreach (var trend in new[] { EtsTrendType.None, EtsTrendType.Additive, EtsTrendType.DampedAdditive })
            {
                foreach (var season in new[] { EtsSeasonType.None, EtsSeasonType.Additive, EtsSeasonType.Multiplicative })
                {
                    if (error == EtsErrorType.Additive && season == EtsSeasonType.Multiplicative)
                    {
                        continue;
                    }

                    yield return new EtsSpecification(error, trend, season);
                }
            }
        }
    }
}
