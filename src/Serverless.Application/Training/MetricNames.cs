using System.Globalization;
using Serverless.Learning.Evaluation;

namespace Serverless.Application.Training;

/// <summary>Metric names in manifests and reports: <c>ndcg@10</c>, <c>precision@10</c>, ... and <c>users</c>.</summary>
public static class MetricNames
{
    public static IReadOnlyDictionary<string, double> ToDictionary(RecommenderMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var k = metrics.K.ToString(CultureInfo.InvariantCulture);
        return new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            [$"ndcg@{k}"] = metrics.Ndcg,
            [$"precision@{k}"] = metrics.Precision,
            [$"recall@{k}"] = metrics.Recall,
            [$"map@{k}"] = metrics.Map,
            [$"coverage@{k}"] = metrics.Coverage,
            ["users"] = metrics.Users,
        };
    }
}
