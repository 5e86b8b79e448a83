using Microsoft.Extensions.Logging;
using Serverless.Application.Training;

namespace Serverless.Application.Support;

/// <summary>Timer <c>SupportIntentsRetrainSchedule</c>: retrains the support intent classifier (<see cref="SupportIntentRetrainingJob"/>).</summary>
public sealed class RetrainSupportIntentsHandler(SupportIntentRetrainingJob job, ILogger<RetrainSupportIntentsHandler> logger)
{
    public async Task<RetrainReport?> HandleAsync(CancellationToken cancellationToken)
    {
        var report = await job.TryRunAsync(cancellationToken);
        if (report is null)
        {
            logger.LogWarning("Support intent retraining skipped: a run is already in progress");
        }

        return report;
    }
}
