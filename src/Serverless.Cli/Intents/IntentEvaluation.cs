using System.Diagnostics;
using Serverless.Learning.Classification;

namespace Serverless.Cli.Intents;

/// <summary>Scores a trained intent model on a labelled test set and measures its single-text classify latency.</summary>
internal static class IntentEvaluation
{
    public static IntentTestResult Evaluate(string name, IntentClassifierModel model, IReadOnlyList<LabeledText> test, string? outOfScopeLabel)
    {
        var expected = test.Select(t => t.Label).ToList();
        var predictions = new IntentPrediction[test.Count];
        Parallel.For(0, test.Count, i => predictions[i] = model.Predict(test[i].Text));
        var predicted = predictions
            .Select(p => outOfScopeLabel is not null && p.IsOutOfScope ? outOfScopeLabel : p.Label).ToList();
        var hasOutOfScope = outOfScopeLabel is not null && expected.Contains(outOfScopeLabel);
        return new IntentTestResult(
            name,
            test.Count,
            ClassificationMetrics.Accuracy(expected, predicted),
            ClassificationMetrics.MacroF1(expected, predicted),
            hasOutOfScope ? ClassificationMetrics.InScopeAccuracy(expected, predicted, outOfScopeLabel!) : null,
            hasOutOfScope ? ClassificationMetrics.OutOfScopeRecall(expected, predicted, outOfScopeLabel!) : null,
            hasOutOfScope ? ClassificationMetrics.InScopeAccuracy(expected, predictions.Select(p => p.Label).ToList(), outOfScopeLabel!) : null);
    }

    /// <summary>Median and 99th percentile of one-text <c>Predict</c> calls on one thread (first 1,000 texts, after a warm-up).</summary>
    public static (double MedianMilliseconds, double P99Milliseconds) Latency(IntentClassifierModel model, IReadOnlyList<string> texts)
    {
        var sample = texts.Take(1000).ToList();
        foreach (var text in sample.Take(50))
        {
            model.Predict(text);
        }

        var timings = new List<double>(sample.Count);
        foreach (var text in sample)
        {
            var started = Stopwatch.GetTimestamp();
            model.Predict(text);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        timings.Sort();
        return timings.Count == 0 ? (0, 0) : (Percentile(timings, 0.5), Percentile(timings, 0.99));
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(q * sorted.Count))];
}
