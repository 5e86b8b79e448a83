namespace Serverless.Learning.Classification;

/// <summary>Classification metrics (pure functions over expected and predicted labels of equal length).</summary>
public static class ClassificationMetrics
{
    /// <summary>Fraction of predictions equal to the expected label; range [0, 1], 1 is best (0 for no examples).</summary>
    public static double Accuracy(IReadOnlyList<string> expected, IReadOnlyList<string> predicted)
    {
        Check(expected, predicted);
        var correct = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            correct += string.Equals(expected[i], predicted[i], StringComparison.Ordinal) ? 1 : 0;
        }

        return expected.Count == 0 ? 0 : (double)correct / expected.Count;
    }

    /// <summary>Unweighted mean over expected labels of the per-label F1; range [0, 1], 1 is best.</summary>
    public static double MacroF1(IReadOnlyList<string> expected, IReadOnlyList<string> predicted)
    {
        Check(expected, predicted);
        var labels = expected.Distinct(StringComparer.Ordinal).ToList();
        if (labels.Count == 0)
        {
            return 0;
        }

        double sum = 0;
        foreach (var label in labels)
        {
            int truePositive = 0, falsePositive = 0, falseNegative = 0;
            for (var i = 0; i < expected.Count; i++)
            {
                var isExpected = expected[i] == label;
                var isPredicted = predicted[i] == label;
                truePositive += isExpected && isPredicted ? 1 : 0;
                falsePositive += !isExpected && isPredicted ? 1 : 0;
                falseNegative += isExpected && !isPredicted ? 1 : 0;
            }

            sum += truePositive == 0 ? 0 : 2.0 * truePositive / (2.0 * truePositive + falsePositive + falseNegative);
        }

        return sum / labels.Count;
    }

    /// <summary>
    /// Accuracy over the examples whose expected label is not <paramref name="outOfScopeLabel"/> (a rejected in-scope
    /// example counts as wrong); range [0, 1], 1 is best.
    /// </summary>
    public static double InScopeAccuracy(IReadOnlyList<string> expected, IReadOnlyList<string> predicted, string outOfScopeLabel)
    {
        Check(expected, predicted);
        var indices = Enumerable.Range(0, expected.Count).Where(i => expected[i] != outOfScopeLabel).ToList();
        return indices.Count == 0 ? 0 : (double)indices.Count(i => predicted[i] == expected[i]) / indices.Count;
    }

    /// <summary>Fraction of out-of-scope examples predicted as out of scope; range [0, 1], 1 is best (0 for none).</summary>
    public static double OutOfScopeRecall(IReadOnlyList<string> expected, IReadOnlyList<string> predicted, string outOfScopeLabel)
    {
        Check(expected, predicted);
        var indices = Enumerable.Range(0, expected.Count).Where(i => expected[i] == outOfScopeLabel).ToList();
        return indices.Count == 0 ? 0 : (double)indices.Count(i => predicted[i] == outOfScopeLabel) / indices.Count;
    }

    private static void Check(IReadOnlyList<string> expected, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(predicted);
        if (expected.Count != predicted.Count)
        {
            throw new ArgumentException("Expected and predicted labels must have the same length.", nameof(predicted));
        }
    }
}
