namespace Serverless.Learning.Classification;

/// <summary>
/// Chooses the confidence below which a prediction is declared out of scope, from validation outcomes.
/// With out-of-scope examples in the validation data: the threshold maximizing in-scope accuracy (correct and
/// accepted) plus out-of-scope recall (rejected), the two rates weighted equally whatever the class sizes.
/// Without: the threshold that rejects at most <c>inScopeRejectionRate</c> of the in-scope validation examples.
/// </summary>
public static class OutOfScopeThreshold
{
    public static double Tune(IReadOnlyList<ValidationOutcome> outcomes, double inScopeRejectionRate)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (inScopeRejectionRate is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inScopeRejectionRate), inScopeRejectionRate, "The rate must be in [0, 1).");
        }

        var inScope = outcomes.Where(o => !o.IsOutOfScope).ToList();
        var outOfScope = outcomes.Where(o => o.IsOutOfScope).ToList();
        if (inScope.Count == 0)
        {
            return 0;
        }

        if (outOfScope.Count == 0)
        {
            if (inScopeRejectionRate == 0)
            {
                return 0;
            }

            var sorted = inScope.Select(o => o.Confidence).Order().ToArray();
            return sorted[(int)Math.Floor(inScopeRejectionRate * sorted.Length)];
        }

        // Sweep candidate thresholds upwards: at threshold t every example with confidence < t is rejected.
        var events = outcomes.Select(o => o.Confidence).Distinct().Order().ToArray();
        double bestScore = double.NegativeInfinity, best = 0;
        var byConfidence = outcomes.OrderBy(o => o.Confidence).ToArray();
        int correctAccepted = inScope.Count(o => o.IsCorrect), rejectedOutOfScope = 0, next = 0;
        foreach (var threshold in events.Prepend(0.0))
        {
            while (next < byConfidence.Length && byConfidence[next].Confidence < threshold)
            {
                if (byConfidence[next].IsOutOfScope)
                {
                    rejectedOutOfScope++;
                }
                else if (byConfidence[next].IsCorrect)
                {
                    correctAccepted--;
                }

                next++;
            }

            var score = (double)correctAccepted / inScope.Count + (double)rejectedOutOfScope / outOfScope.Count;
            if (score > bestScore)
            {
                bestScore = score;
                best = threshold;
            }
        }

        return best;
    }
}
