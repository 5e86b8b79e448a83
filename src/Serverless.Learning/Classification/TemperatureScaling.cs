namespace Serverless.Learning.Classification;

/// <summary>
/// Temperature scaling (Guo et al. 2017, "On Calibration of Modern Neural Networks"): one scalar T divides every logit
/// so that softmax(z / T) minimizes the negative log-likelihood of held-out data. It does not change which class wins.
/// </summary>
public static class TemperatureScaling
{
    public const double MinimumTemperature = 0.05, MaximumTemperature = 20.0;

    /// <summary>The temperature in [0.05, 20] minimizing <see cref="NegativeLogLikelihood"/> (golden-section search on ln T).</summary>
    public static double Fit(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (logits.Count == 0 || logits.Count != labels.Count)
        {
            throw new ArgumentException("Logits and labels must be non-empty and of the same length.", nameof(labels));
        }

        var ratio = (Math.Sqrt(5) - 1) / 2;
        double low = Math.Log(MinimumTemperature), high = Math.Log(MaximumTemperature);
        var a = high - ratio * (high - low);
        var b = low + ratio * (high - low);
        var fa = NegativeLogLikelihood(logits, labels, Math.Exp(a));
        var fb = NegativeLogLikelihood(logits, labels, Math.Exp(b));
        for (var i = 0; i < 60; i++)
        {
            if (fa <= fb)
            {
                high = b;
                b = a;
                fb = fa;
                a = high - ratio * (high - low);
                fa = NegativeLogLikelihood(logits, labels, Math.Exp(a));
            }
            else
            {
                low = a;
                a = b;
                fa = fb;
                b = low + ratio * (high - low);
                fb = NegativeLogLikelihood(logits, labels, Math.Exp(b));
            }
        }

        return Math.Exp((low + high) / 2);
    }

    /// <summary>Mean negative log-likelihood of the true labels under softmax(logits / T); range [0, +inf), lower is better.</summary>
    public static double NegativeLogLikelihood(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels, double temperature)
    {
        double total = 0;
        for (var i = 0; i < logits.Count; i++)
        {
            var row = logits[i];
            var max = double.NegativeInfinity;
            foreach (var z in row)
            {
                max = Math.Max(max, z / temperature);
            }

            double sum = 0;
            foreach (var z in row)
            {
                sum += Math.Exp(z / temperature - max);
            }

            total += Math.Log(sum) + max - row[labels[i]] / temperature;
        }

        return total / logits.Count;
    }
}
