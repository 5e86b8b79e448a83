using System.Text;

namespace Serverless.Cli.Datasets;

/// <summary>
/// A deterministic, seeded sample of customers: each id gets a rank from a seeded 64-bit hash and the lowest ranks are
/// kept. The same seed always selects the same customers, on any machine and .NET version (no System.Random), and the
/// sample of N is contained in the sample of N + 1.
/// </summary>
public static class CustomerSample
{
    public static IReadOnlySet<string> Select(IEnumerable<string> customerIds, int? size, int seed)
    {
        if (size is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The sample size cannot be negative.");
        }

        var distinct = customerIds.Distinct(StringComparer.Ordinal);
        var chosen = size is { } n
            ? distinct.OrderBy(id => Rank(id, seed)).ThenBy(id => id, StringComparer.Ordinal).Take(n)
            : distinct;
        return chosen.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>FNV-1a over the seed and the UTF-8 id, then the SplitMix64 finaliser to spread the bits.</summary>
    public static ulong Rank(string customerId, int seed)
    {
        const ulong Prime = 1099511628211UL;
        var hash = 14695981039346656037UL;
        for (var shift = 0; shift < 32; shift += 8)
        {
            hash = (hash ^ (byte)(seed >> shift)) * Prime;
        }

        foreach (var b in Encoding.UTF8.GetBytes(customerId))
        {
            hash = (hash ^ b) * Prime;
        }

        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        hash ^= hash >> 31;
        return hash;
    }
}
