using Serverless.Application.Hosting;
using Serverless.Application.Telemetry;

namespace Serverless.LocalHost.Timers;

/// <summary>
/// Runs one timer function on its schedule. Runs never overlap: the next occurrence is computed when a run ends, so
/// occurrences missed by a long run are skipped (as with the Functions timer, which has one instance run it).
/// A failed run is logged and the schedule goes on.
/// </summary>
public sealed class TimerTriggerService(
    TimerTrigger trigger,
    IServiceProvider services,
    TimeProvider timeProvider,
    ILogger<TimerTriggerService> logger) : BackgroundService
{
    /// <summary>Task.Delay takes at most about 49 days; longer waits are taken in steps.</summary>
    private static readonly TimeSpan LongestDelay = TimeSpan.FromDays(1);

    public TimerTrigger Trigger => trigger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (trigger.RunOnStartup)
        {
            await RunOnceAsync(stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = trigger.Schedule.GetNextOccurrence(timeProvider.GetUtcNow());
            logger.LogInformation("Timer {Function} ({Schedule}): next run at {Next:O}", trigger.FunctionName, trigger.Schedule, next);
            try
            {
                for (var wait = next - timeProvider.GetUtcNow(); wait > TimeSpan.Zero; wait = next - timeProvider.GetUtcNow())
                {
                    await Task.Delay(wait < LongestDelay ? wait : LongestDelay, timeProvider, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await RunOnceAsync(stoppingToken);
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        using var scope = logger.BeginInvocationScope(trigger.FunctionName, Guid.NewGuid().ToString());
        var started = timeProvider.GetTimestamp();
        var outcome = InvocationOutcome.Succeeded;
        try
        {
            logger.LogInformation("Timer {Function} started", trigger.FunctionName);
            await trigger.RunAsync(services, stoppingToken);
            logger.LogInformation(
                "Timer {Function} succeeded in {ElapsedMs:F0} ms", trigger.FunctionName, timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            outcome = InvocationOutcome.Cancelled;
            logger.LogInformation("Timer {Function} was cancelled by shutdown", trigger.FunctionName);
        }
        catch (Exception exception)
        {
            outcome = InvocationOutcomes.Of(exception);
            logger.LogError(exception, "Timer {Function} failed after {ElapsedMs:F0} ms", trigger.FunctionName, timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            services.GetService<ApplicationMetrics>()?.RecordInvocation(
                trigger.FunctionName, TriggerKind.Timer, outcome, timeProvider.GetElapsedTime(started));
        }
    }
}
