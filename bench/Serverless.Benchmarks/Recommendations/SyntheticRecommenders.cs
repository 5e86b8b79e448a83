using Serverless.Learning.Recommenders;

namespace Serverless.Benchmarks.Recommendations;

/// <summary>
/// Models of catalog size the real data does not reach (Online Retail has ~3,400 items): random item factors and random
/// neighbour lists with a fixed seed. Scoring cost depends on the shapes, not on the values, so this measures serving.
/// </summary>
internal static class SyntheticRecommenders
{
    public static string[] Items(int count) => Enumerable.Range(0, count).Select(i => $"item-{i:D6}").ToArray();

    public static ImplicitAlsModel Als(string[] items, int factors, int seed)
    {
        var random = new Random(seed);
        var values = new float[items.Length * factors];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() - 0.5) * 0.2);
        }

        var gram = ImplicitAlsTrainer.Gram(values, items.Length, factors, regularization: 1);
        return new ImplicitAlsModel(items, factors, values, gram, alpha: 1, new Dictionary<string, string> { ["Synthetic"] = "true" });
    }

    public static ItemKnnModel ItemKnn(string[] items, int neighbors, int seed)
    {
        var random = new Random(seed);
        var rows = new int[items.Length][];
        var similarities = new float[items.Length][];
        for (var i = 0; i < items.Length; i++)
        {
            var row = new HashSet<int>();
            while (row.Count < neighbors)
            {
                var other = random.Next(items.Length);
                if (other != i)
                {
                    row.Add(other);
                }
            }

            rows[i] = row.Order().ToArray();
            similarities[i] = rows[i].Select(_ => (float)random.NextDouble()).ToArray();
        }

        return ItemKnnModel.Create(items, rows, similarities, new Dictionary<string, string> { ["Synthetic"] = "true" });
    }

    /// <summary>Histories of distinct random items with weights like a few purchases (log-scaled quantities).</summary>
    public static WeightedItem[][] Histories(string[] items, int users, int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, users)
            .Select(_ => Enumerable.Range(0, length)
                .Select(_ => items[random.Next(items.Length)])
                .Distinct()
                .Select(item => new WeightedItem(item, 5 * Math.Log2(1 + random.Next(1, 12))))
                .ToArray())
            .ToArray();
    }
}
