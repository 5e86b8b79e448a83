using Serverless.Domain.Events;

namespace Serverless.Domain.Profiles;

/// <summary>Profile and lifecycle settings (configuration section <c>Profiles</c>).</summary>
public sealed class ProfileOptions
{
    public const string SectionName = "Profiles";

    /// <summary>A customer whose only order is at most this many days old is "new".</summary>
    public int NewCustomerDays { get; set; } = 30;

    /// <summary>A last purchase at most this many days ago makes the customer active.</summary>
    public int ActiveDays { get; set; } = 90;

    /// <summary>A last purchase more than this many days ago makes the customer churned (between: at risk).</summary>
    public int ChurnDays { get; set; } = 180;

    /// <summary>After this many days an affinity contribution counts half.</summary>
    public double AffinityHalfLifeDays { get; set; } = 30;

    public AffinityWeights Weights { get; set; } = new();

    public TimeSpan AffinityHalfLife => TimeSpan.FromDays(AffinityHalfLifeDays);

    /// <summary>The affinity weight of an event of <paramref name="type"/> (review: by <paramref name="rating"/>).</summary>
    public double WeightOf(BehaviorEventType type, int? rating = null) => type switch
    {
        BehaviorEventType.View => Weights.View,
        BehaviorEventType.Click => Weights.Click,
        BehaviorEventType.AddToCart => Weights.AddToCart,
        BehaviorEventType.RemoveFromCart => Weights.RemoveFromCart,
        BehaviorEventType.Purchase => Weights.Purchase,
        BehaviorEventType.Review => ((rating ?? 3) - 3) * Weights.ReviewPerStar,
        _ => 0,
    };

    /// <summary>Every broken rule, naming the setting; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (NewCustomerDays <= 0)
        {
            errors.Add($"{nameof(NewCustomerDays)} must be greater than 0.");
        }

        if (ActiveDays <= 0)
        {
            errors.Add($"{nameof(ActiveDays)} must be greater than 0.");
        }

        if (ChurnDays <= ActiveDays)
        {
            errors.Add($"{nameof(ChurnDays)} must be greater than {nameof(ActiveDays)}.");
        }

        if (NewCustomerDays > ActiveDays)
        {
            errors.Add($"{nameof(NewCustomerDays)} must not be greater than {nameof(ActiveDays)}.");
        }

        if (!double.IsFinite(AffinityHalfLifeDays) || AffinityHalfLifeDays <= 0)
        {
            errors.Add($"{nameof(AffinityHalfLifeDays)} must be a finite number greater than 0.");
        }

        if (Weights is null)
        {
            errors.Add($"{nameof(Weights)} must be set.");
            return errors;
        }

        void NonNegative(double value, string name)
        {
            if (!double.IsFinite(value) || value < 0)
            {
                errors.Add($"{nameof(Weights)}:{name} must be a finite number of at least 0.");
            }
        }

        NonNegative(Weights.View, nameof(AffinityWeights.View));
        NonNegative(Weights.Click, nameof(AffinityWeights.Click));
        NonNegative(Weights.AddToCart, nameof(AffinityWeights.AddToCart));
        NonNegative(Weights.Purchase, nameof(AffinityWeights.Purchase));
        NonNegative(Weights.ReviewPerStar, nameof(AffinityWeights.ReviewPerStar));
        if (!double.IsFinite(Weights.RemoveFromCart) || Weights.RemoveFromCart > 0)
        {
            errors.Add($"{nameof(Weights)}:{nameof(AffinityWeights.RemoveFromCart)} must be a finite number of at most 0.");
        }

        return errors;
    }
}
