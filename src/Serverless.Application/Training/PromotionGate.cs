using System.Globalization;
using Serverless.Learning.Evaluation;

namespace Serverless.Application.Training;

/// <summary>
/// Decides whether a candidate replaces the live model: promoted unless its NDCG@K on the shared hold-out is below
/// the live model's by more than <c>margin</c> × the live NDCG (a relative margin, so it means the same at any level).
/// </summary>
public static class PromotionGate
{
    public static PromotionVerdict Decide(RecommenderMetrics candidate, RecommenderMetrics live, double margin)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(live);
        if (!(margin is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "The margin must be in [0, 1).");
        }

        var floor = live.Ndcg * (1 - margin);
        var comparison = string.Format(
            CultureInfo.InvariantCulture,
            "candidate NDCG@{0} {1:0.0000} vs live {2:0.0000} on {3} hold-out users (floor {4:0.0000} at a {5:0.#%} margin)",
            candidate.K,
            candidate.Ndcg,
            live.Ndcg,
            candidate.Users,
            floor,
            margin);
        return candidate.Ndcg >= floor
            ? new PromotionVerdict(true, (candidate.Ndcg >= live.Ndcg ? "not worse: " : "within the margin: ") + comparison)
            : new PromotionVerdict(false, "worse than the live model: " + comparison);
    }
}
