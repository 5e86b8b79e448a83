namespace Serverless.Learning.Recommenders;

/// <summary>
/// Turns raw events into <see cref="Interaction.Weight"/>s on one scale shared by training and request-time history:
/// weight = kind weight × log(1 + quantity) / log 2 (so a quantity of 1 gives exactly the kind weight and large orders
/// count only logarithmically more), halved every <see cref="Options.HalfLife"/> of age when one is set.
/// </summary>
public sealed class InteractionWeighting
{
    private readonly Options _options;

    public InteractionWeighting(Options? options = null)
    {
        _options = options ?? new Options();
        foreach (var (name, value) in new[]
                 {
                     (nameof(Options.ViewWeight), _options.ViewWeight),
                     (nameof(Options.AddToCartWeight), _options.AddToCartWeight),
                     (nameof(Options.PurchaseWeight), _options.PurchaseWeight),
                 })
        {
            if (!(value >= 0) || !double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(options), value, $"{name} must be finite and not negative.");
            }
        }

        if (_options.HalfLife is { } halfLife && halfLife <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), halfLife, $"{nameof(Options.HalfLife)} must be positive when set.");
        }
    }

    /// <summary>
    /// The weight of one event. <paramref name="quantity"/> below 1 counts as 1 (a view has no quantity); ages are
    /// measured back from <paramref name="asOf"/>, and events after it count fully.
    /// </summary>
    public double Weigh(InteractionKind kind, double quantity, DateTimeOffset timestamp, DateTimeOffset asOf)
    {
        var kindWeight = kind switch
        {
            InteractionKind.View => _options.ViewWeight,
            InteractionKind.AddToCart => _options.AddToCartWeight,
            InteractionKind.Purchase => _options.PurchaseWeight,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown interaction kind."),
        };
        var amount = double.IsFinite(quantity) ? Math.Max(1, quantity) : 1;
        var weight = kindWeight * Math.Log(1 + amount) / Math.Log(2);
        if (_options.HalfLife is { } halfLife)
        {
            var age = Math.Max(0, (asOf - timestamp).Ticks);
            weight *= Math.Pow(0.5, age / (double)halfLife.Ticks);
        }

        return weight;
    }

    /// <summary>An <see cref="Interaction"/> weighed by <see cref="Weigh"/>.</summary>
    public Interaction Create(
        string userId, string itemId, InteractionKind kind, double quantity, DateTimeOffset timestamp, DateTimeOffset asOf) =>
        new(userId, itemId, timestamp, Weigh(kind, quantity, timestamp, asOf));

    /// <summary>Options of <see cref="InteractionWeighting"/>.</summary>
    public sealed class Options
    {
        /// <summary>Weight of a product view. Default 1.</summary>
        public double ViewWeight { get; init; } = 1;

        /// <summary>Weight of an add-to-cart. Default 3.</summary>
        public double AddToCartWeight { get; init; } = 3;

        /// <summary>Weight of a purchase line. Default 5.</summary>
        public double PurchaseWeight { get; init; } = 5;

        /// <summary>Age at which an event counts half; null (the default) for no decay.</summary>
        public TimeSpan? HalfLife { get; init; }
    }
}
