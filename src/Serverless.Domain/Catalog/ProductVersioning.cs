using System.Text.Json;
using Serverless.Domain.Json;

namespace Serverless.Domain.Catalog;

/// <summary>Last writer wins by <see cref="Product.UpdatedAt"/>, so catalog upserts may arrive in any order.</summary>
public static class ProductVersioning
{
    /// <summary>
    /// True when <paramref name="incoming"/> should replace <paramref name="existing"/>: it is newer, or equally new and
    /// its JSON sorts after the stored one (a deterministic tie-break that also makes a redelivery a no-op).
    /// </summary>
    public static bool Supersedes(Product incoming, Product? existing)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (existing is null)
        {
            return true;
        }

        if (incoming.UpdatedAt != existing.UpdatedAt)
        {
            return incoming.UpdatedAt > existing.UpdatedAt;
        }

        return string.CompareOrdinal(JsonSerializer.Serialize(incoming, DomainJson.Options), JsonSerializer.Serialize(existing, DomainJson.Options)) > 0;
    }
}
