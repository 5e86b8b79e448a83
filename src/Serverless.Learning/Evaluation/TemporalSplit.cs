using Serverless.Learning.Recommenders;

namespace Serverless.Learning.Evaluation;

/// <summary>
/// A time-based hold-out: everything before the cutoff trains, what happens at or after it tests. Split rules:
/// a test user has training history and at least one relevant item; a relevant item is one the user touched at or after
/// the cutoff, had not touched before it (items new to the user), and that exists in the training data (no model can
/// rank an item it never saw, so keeping those would only lower every model's score alike).
/// </summary>
public sealed class TemporalSplit
{
    private TemporalSplit(
        DateTimeOffset cutoff, IReadOnlyList<Interaction> train, IReadOnlyList<EvaluationUser> users, int catalogSize,
        int testInteractions, int repeatPairs, int unknownItemPairs, int usersWithoutHistory)
    {
        Cutoff = cutoff;
        Train = train;
        Users = users;
        CatalogSize = catalogSize;
        TestInteractions = testInteractions;
        RepeatPairs = repeatPairs;
        UnknownItemPairs = unknownItemPairs;
        UsersWithoutHistory = usersWithoutHistory;
    }

    public DateTimeOffset Cutoff { get; }

    /// <summary>Interactions strictly before <see cref="Cutoff"/>.</summary>
    public IReadOnlyList<Interaction> Train { get; }

    /// <summary>Test users in ordinal user-id order.</summary>
    public IReadOnlyList<EvaluationUser> Users { get; }

    /// <summary>Distinct items in <see cref="Train"/>.</summary>
    public int CatalogSize { get; }

    /// <summary>Interactions at or after the cutoff, before any rule.</summary>
    public int TestInteractions { get; }

    /// <summary>Test user-item pairs dropped because the user already had the item in training.</summary>
    public int RepeatPairs { get; }

    /// <summary>Test user-item pairs dropped because the item is not in the training data.</summary>
    public int UnknownItemPairs { get; }

    /// <summary>Users active after the cutoff only (cold start), not evaluated.</summary>
    public int UsersWithoutHistory { get; }

    public static TemporalSplit Create(IReadOnlyList<Interaction> interactions, DateTimeOffset cutoff)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var train = new List<Interaction>();
        var test = new List<Interaction>();
        foreach (var interaction in interactions)
        {
            (interaction.Timestamp < cutoff ? train : test).Add(interaction);
        }

        var catalog = new HashSet<string>(train.Select(i => i.ItemId), StringComparer.Ordinal);
        var histories = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var interaction in train)
        {
            if (!histories.TryGetValue(interaction.UserId, out var history))
            {
                history = new Dictionary<string, double>(StringComparer.Ordinal);
                histories[interaction.UserId] = history;
            }

            history[interaction.ItemId] = history.GetValueOrDefault(interaction.ItemId) + interaction.Weight;
        }

        var relevant = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var pairs = new HashSet<(string, string)>();
        var repeatPairs = 0;
        var unknownPairs = 0;
        var coldUsers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var interaction in test)
        {
            if (!histories.TryGetValue(interaction.UserId, out var history))
            {
                coldUsers.Add(interaction.UserId);
                continue;
            }

            if (!pairs.Add((interaction.UserId, interaction.ItemId)))
            {
                continue;
            }

            if (history.ContainsKey(interaction.ItemId))
            {
                repeatPairs++;
            }
            else if (!catalog.Contains(interaction.ItemId))
            {
                unknownPairs++;
            }
            else
            {
                if (!relevant.TryGetValue(interaction.UserId, out var items))
                {
                    items = new HashSet<string>(StringComparer.Ordinal);
                    relevant[interaction.UserId] = items;
                }

                items.Add(interaction.ItemId);
            }
        }

        var users = relevant.Keys.Order(StringComparer.Ordinal)
            .Select(user => new EvaluationUser(
                user,
                histories[user].OrderBy(pair => pair.Key, StringComparer.Ordinal)
                    .Select(pair => new WeightedItem(pair.Key, pair.Value)).ToArray(),
                relevant[user]))
            .ToArray();
        return new TemporalSplit(cutoff, train, users, catalog.Count, test.Count, repeatPairs, unknownPairs, coldUsers.Count);
    }
}
