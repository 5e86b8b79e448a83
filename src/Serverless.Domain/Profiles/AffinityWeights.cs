namespace Serverless.Domain.Profiles;

/// <summary>
/// How much one event adds to the category and brand affinities of the product concerned (configuration section
/// <c>Profiles:Weights</c>). Negative weights lower an affinity; readers floor the decayed score at 0.
/// </summary>
public sealed class AffinityWeights
{
    public double View { get; set; } = 1;

    public double Click { get; set; } = 1;

    public double AddToCart { get; set; } = 3;

    public double RemoveFromCart { get; set; } = -1;

    /// <summary>Per purchased line.</summary>
    public double Purchase { get; set; } = 5;

    /// <summary>A review adds <c>(rating - 3) * ReviewPerStar</c>: 5 stars +2, 3 stars 0, 1 star -2 with the default.</summary>
    public double ReviewPerStar { get; set; } = 1;
}
