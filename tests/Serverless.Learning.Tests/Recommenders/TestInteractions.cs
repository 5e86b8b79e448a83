using Serverless.Learning.Recommenders;
using Xunit;

namespace Serverless.Learning.Tests.Recommenders;

/// <summary>Small hand-checkable interaction sets.</summary>
internal static class TestInteractions
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One interaction per (user, item) pair with weight 1, a day apart in the listed order.</summary>
    public static List<Interaction> Pairs(params (string User, string Item)[] pairs) =>
        pairs.Select((pair, n) => new Interaction(pair.User, pair.Item, Start.AddDays(n), 1)).ToList();

    /// <summary>
    /// Two taste groups: users g1-* buy from {a1..a4}, users g2-* from {b1..b4}, each user three of the four items
    /// (a different one missing per user), plus a popular item "hit" everybody buys.
    /// </summary>
    public static List<Interaction> TwoGroups()
    {
        var result = new List<Interaction>();
        var day = 0;
        foreach (var group in new[] { "a", "b" })
        {
            for (var user = 0; user < 8; user++)
            {
                for (var item = 1; item <= 4; item++)
                {
                    if (item != (user % 4) + 1)
                    {
                        result.Add(new Interaction($"g{group}-{user}", $"{group}{item}", Start.AddDays(day++), 1));
                    }
                }

                result.Add(new Interaction($"g{group}-{user}", "hit", Start.AddDays(day++), 1));
            }
        }

        return result;
    }

    public static WeightedItem[] History(params string[] items) => items.Select(i => new WeightedItem(i, 1)).ToArray();
}
