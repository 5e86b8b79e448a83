using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Serverless.Application.Forecasts;
using Serverless.Application.Hosting;

namespace Serverless.Functions;

/// <summary>Fans out the nightly forecast refresh on the NCRONTAB schedule of the app setting <c>ForecastRefreshSchedule</c>.</summary>
public sealed class RefreshForecastsFunction(
    RefreshForecastsHandler handler,
    ILogger<RefreshForecastsFunction> logger)
{
    [Function(FunctionNames.RefreshForecasts)]
    public async Task RunAsync(
        [TimerTrigger("%ForecastRefreshSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogWarning("{Function} is running late", FunctionNames.RefreshForecasts);
        }

        var report = await handler.HandleAsync(cancellationToken);
        logger.LogInformation("{Function} report: {Report}", FunctionNames.RefreshForecasts, report);
    }
}
