using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Serverless.Application.Hosting;
using Serverless.Application.Segments;

namespace Serverless.Functions;

/// <summary>Recomputes the RFM quintile thresholds on the NCRONTAB schedule of the app setting <c>RfmRecomputeSchedule</c>.</summary>
public sealed class RecomputeRfmThresholdsFunction(
    RecomputeRfmThresholdsHandler handler,
    ILogger<RecomputeRfmThresholdsFunction> logger)
{
    [Function(FunctionNames.RecomputeRfmThresholds)]
    public async Task RunAsync(
        [TimerTrigger("%RfmRecomputeSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogWarning("{Function} is running late", FunctionNames.RecomputeRfmThresholds);
        }

        var report = await handler.HandleAsync(cancellationToken);
        logger.LogInformation("{Function} report: {Report}", FunctionNames.RecomputeRfmThresholds, report);
    }
}
