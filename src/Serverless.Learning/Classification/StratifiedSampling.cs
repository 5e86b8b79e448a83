namespace Serverless.Learning.Classification;

/// <summary>Seeded, label-stratified splits and folds (the same seed gives the same split on every machine).</summary>
public static class StratifiedSampling
{
    /// <summary>Indices of a hold-out of about <paramref name="fraction"/> of each label (a label with one example stays in training).</summary>
    public static (int[] Training, int[] HoldOut) Split(IReadOnlyList<string> labels, double fraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (fraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be in (0, 1).");
        }

        var random = new Random(seed);
        var training = new List<int>();
        var holdOut = new List<int>();
        foreach (var group in Groups(labels))
        {
            Shuffle(group, random);
            var take = group.Count < 2 ? 0 : Math.Clamp((int)Math.Round(group.Count * fraction), 1, group.Count - 1);
            holdOut.AddRange(group.Take(take));
            training.AddRange(group.Skip(take));
        }

        training.Sort();
        holdOut.Sort();
        return (training.ToArray(), holdOut.ToArray());
    }

    /// <summary>A fold number in 0..folds-1 for every example, each label dealt round-robin after a seeded shuffle.</summary>
    public static int[] Folds(IReadOnlyList<string> labels, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "At least two folds are needed.");
        }

        var random = new Random(seed);
        var result = new int[labels.Count];
        var offset = 0;
        foreach (var group in Groups(labels))
        {
            Shuffle(group, random);
            for (var i = 0; i < group.Count; i++)
            {
                result[group[i]] = (offset + i) % folds;
            }

            offset += group.Count; // so small labels do not all start at fold 0
        }

        return result;
    }

    private static List<List<int>> Groups(IReadOnlyList<string> labels)
    {
        var groups = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            if (!groups.TryGetValue(labels[i], out var group))
            {
                groups[labels[i]] = group = [];
            }

            group.Add(i);
        }

        return groups.Values.ToList();
    }

    private static void Shuffle(List<int> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
