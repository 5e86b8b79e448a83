using Serverless.Domain.Profiles;
using Serverless.Learning.Recommenders;

namespace Serverless.Application.Recommendations;

/// <summary>
/// A user's history at request time from the profile's recent items (kept current by the event pipeline within
/// seconds), weighed on the training scale (<see cref="InteractionWeighting"/>) and halved every
/// <c>HistoryHalfLifeHours</c>, so the latest clicks lead: this is what the model folds in.
/// </summary>
public sealed class UserHistory
{
    // RecentItem.Action holds the wire names of the event types (BehaviorEventTypeNames.WireName).
    public const string ViewAction = "view";
    public const string ClickAction = "click";
    public const string AddToCartAction = "add_to_cart";
    public const string RemoveFromCartAction = "remove_from_cart";
    public const string PurchaseAction = "purchase";
    public const string ReviewAction = "review";

    private readonly Dictionary<string, UserHistoryItem> _items;

    private UserHistory(Dictionary<string, UserHistoryItem> items, IReadOnlySet<string> cart)
    {
        _items = items;
        Cart = cart;
    }

    public static UserHistory Empty { get; } = new(new Dictionary<string, UserHistoryItem>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

    public IReadOnlyCollection<UserHistoryItem> Items => _items.Values;

    /// <summary>Products in the cart now (quantity above 0).</summary>
    public IReadOnlySet<string> Cart { get; }

    public UserHistoryItem? Find(string productId) => _items.GetValueOrDefault(productId);

    public static UserHistory From(UserProfile? profile, InteractionWeighting weighting, TimeSpan halfLife, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(weighting);
        if (profile is null)
        {
            return Empty;
        }

        var items = new Dictionary<string, UserHistoryItem>(StringComparer.Ordinal);
        var strongest = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var recent in profile.RecentItems)
        {
            var kind = KindOf(recent.Action);
            var age = Math.Max(0, (now - recent.At).Ticks);
            var weight = kind is null ? 0 : weighting.Weigh(kind.Value, 1, recent.At, now) * Math.Pow(0.5, age / (double)halfLife.Ticks);
            var isPurchase = recent.Action == PurchaseAction;
            var seen = !isPurchase && recent.Action != RemoveFromCartAction;
            var existing = items.GetValueOrDefault(recent.ProductId);
            var action = existing?.StrongestAction ?? recent.Action;
            if (kind is not null && weight > strongest.GetValueOrDefault(recent.ProductId, -1))
            {
                strongest[recent.ProductId] = weight;
                action = recent.Action;
            }

            items[recent.ProductId] = new UserHistoryItem(
                recent.ProductId,
                (existing?.Weight ?? 0) + weight,
                action,
                (existing?.Seen ?? false) || seen,
                isPurchase && (existing?.LastPurchasedAt is not { } last || recent.At > last) ? recent.At : existing?.LastPurchasedAt);
        }

        var cart = profile.Cart.Where(line => line.Value.Quantity > 0).Select(line => line.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var product in cart.Where(product => !items.ContainsKey(product)))
        {
            // Fell out of the recent items but is still in the cart.
            items[product] = new UserHistoryItem(product, weighting.Weigh(InteractionKind.AddToCart, 1, now, now), AddToCartAction, true, null);
        }

        return new UserHistory(items, cart);
    }

    private static InteractionKind? KindOf(string action) => action switch
    {
        ViewAction or ClickAction or ReviewAction => InteractionKind.View,
        AddToCartAction => InteractionKind.AddToCart,
        PurchaseAction => InteractionKind.Purchase,
        _ => null,
    };
}
