using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Serverless.Application.Hosting;
using Serverless.Application.Support;

namespace Serverless.Functions;

/// <summary>Retrains the support intent classifier on the NCRONTAB schedule of the app setting <c>SupportIntentsRetrainSchedule</c>.</summary>
public sealed class RetrainSupportIntentsFunction(
    RetrainSupportIntentsHandler handler,
    ILogger<RetrainSupportIntentsFunction> logger)
{
    [Function(FunctionNames.RetrainSupportIntents)]
    public async Task RunAsync(
        [TimerTrigger("%SupportIntentsRetrainSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogWarning("{Function} is running late", FunctionNames.RetrainSupportIntents);
        }

        var report = await handler.HandleAsync(cancellationToken);
        logger.LogInformation("{Function} report: {Report}", FunctionNames.RetrainSupportIntents, report);
    }
}
