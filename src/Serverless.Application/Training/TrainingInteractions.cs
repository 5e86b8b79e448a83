using Serverless.Domain.Events;
using Serverless.Domain.Models;
using Serverless.Learning.Recommenders;

namespace Serverless.Application.Training;

/// <summary>
/// The trainers' input from the snapshot: views and clicks count as views, add-to-cart and purchase lines as
/// themselves, each weighed by <see cref="InteractionWeighting"/> (ages measured from the latest interaction, so a
/// fit is repeatable). Removals from the cart and reviews are not interest signals a trainer takes, so they are left out.
/// </summary>
public static class TrainingInteractions
{
    public static InteractionKind? KindOf(BehaviorEventType type) => type switch
    {
        BehaviorEventType.View or BehaviorEventType.Click => InteractionKind.View,
        BehaviorEventType.AddToCart => InteractionKind.AddToCart,
        BehaviorEventType.Purchase => InteractionKind.Purchase,
        _ => null,
    };

    public static IReadOnlyList<Interaction> From(InteractionSnapshot snapshot, InteractionWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(weighting);
        var usable = snapshot.Interactions().Where(i => KindOf(i.Kind) is not null && i.Amount > 0).ToList();
        if (usable.Count == 0)
        {
            return [];
        }

        var asOf = usable.Max(i => i.At);
        return usable.Select(i => weighting.Create(i.UserId, i.ProductId, KindOf(i.Kind)!.Value, i.Amount, i.At, asOf)).ToList();
    }
}
