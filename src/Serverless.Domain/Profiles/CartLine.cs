namespace Serverless.Domain.Profiles;

/// <summary>
/// One product in the cart as the adds and removes since it was last bought or emptied. Keeping the deltas
/// (not a running total) makes the quantity independent of the order events arrive in.
/// </summary>
public sealed class CartLine
{
    /// <summary>The last purchase of this product; deltas older than this no longer count.</summary>
    public DateTimeOffset? ClearedAt { get; set; }

    public List<CartDelta> Deltas { get; set; } = [];

    /// <summary>Units in the cart now (never negative).</summary>
    public int Quantity => Math.Max(0, Deltas.Where(d => ClearedAt is null || d.At > ClearedAt).Sum(d => d.Quantity));
}
