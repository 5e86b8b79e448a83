using Microsoft.Extensions.Logging;

namespace Serverless.Application.Training;

/// <summary>
/// The recommender's retraining timer (<c>RecommenderRetrainSchedule</c>, nightly by default). A failure throws, so the
/// host records a failed invocation; the live model keeps serving. A run already in progress makes this one a no-op.
/// </summary>
public sealed class RetrainRecommenderHandler(RecommenderRetrainingJob job, ILogger<RetrainRecommenderHandler> logger)
{
    /// <returns>The run's report; null when another run was in progress.</returns>
    public async Task<RetrainReport?> HandleAsync(CancellationToken cancellationToken)
    {
        var report = await job.TryRunAsync(cancellationToken);
        if (report is null)
        {
            logger.LogWarning("Recommender retraining skipped: a run is already in progress");
        }

        return report;
    }
}
