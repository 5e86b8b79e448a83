using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Serverless.Application.Hosting;
using Serverless.Application.Training;

namespace Serverless.Functions;

/// <summary>Retrains the recommender on the NCRONTAB schedule of the app setting <c>RecommenderRetrainSchedule</c>.</summary>
public sealed class RetrainRecommenderFunction(
    RetrainRecommenderHandler handler,
    ILogger<RetrainRecommenderFunction> logger)
{
    [Function(FunctionNames.RetrainRecommender)]
    public async Task RunAsync(
        [TimerTrigger("%RecommenderRetrainSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogWarning("{Function} is running late", FunctionNames.RetrainRecommender);
        }

        var report = await handler.HandleAsync(cancellationToken);
        logger.LogInformation("{Function} report: {Report}", FunctionNames.RetrainRecommender, report);
    }
}
