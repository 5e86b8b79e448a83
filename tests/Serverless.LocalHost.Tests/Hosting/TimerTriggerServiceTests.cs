using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.LocalHost.Timers;
using Xunit;

namespace Serverless.LocalHost.Tests.Hosting;

public sealed class TimerTriggerServiceTests
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    [Fact]
    public async Task Runs_follow_the_schedule_and_never_overlap()
    {
        var running = 0;
        var maxRunning = 0;
        var runs = 0;
        var logger = new ListLogger<TimerTriggerService>();
        var trigger = new TimerTrigger("EverySecond", CronSchedule.Parse("* * * * * *"), RunOnStartup: false, async (_, cancellationToken) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            // Longer than the one-second period: an overlapping scheduler would start the next run meanwhile.
            await Task.Delay(TimeSpan.FromMilliseconds(1_300), cancellationToken);
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref runs);
        });
        using var service = new TimerTriggerService(trigger, NoServices, TimeProvider.System, logger);

        await service.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Volatile.Read(ref runs) >= 2, TimeSpan.FromSeconds(10), "two runs completed");
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(1, maxRunning);
        Assert.Contains(logger.Entries, entry => entry.Message.Contains("EverySecond", StringComparison.Ordinal) && entry.Message.Contains("next run at", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_on_startup_runs_once_before_the_first_occurrence()
    {
        var runs = 0;
        var trigger = new TimerTrigger("Yearly", CronSchedule.Parse("0 0 0 1 1 *"), RunOnStartup: true, (_, _) =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });
        using var service = new TimerTriggerService(trigger, NoServices, TimeProvider.System, new ListLogger<TimerTriggerService>());

        await service.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Volatile.Read(ref runs) == 1, TimeSpan.FromSeconds(5), "the startup run");
        await Task.Delay(300);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Without_run_on_startup_nothing_runs_before_the_first_occurrence()
    {
        var runs = 0;
        var trigger = new TimerTrigger("Yearly", CronSchedule.Parse("0 0 0 1 1 *"), RunOnStartup: false, (_, _) =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });
        using var service = new TimerTriggerService(trigger, NoServices, TimeProvider.System, new ListLogger<TimerTriggerService>());

        await service.StartAsync(CancellationToken.None);
        await Task.Delay(500);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task A_failed_run_is_logged_and_the_schedule_goes_on()
    {
        var runs = 0;
        var logger = new ListLogger<TimerTriggerService>();
        var trigger = new TimerTrigger("Failing", CronSchedule.Parse("* * * * * *"), RunOnStartup: false, (_, _) =>
        {
            Interlocked.Increment(ref runs);
            throw new InvalidOperationException("recompute failed");
        });
        using var service = new TimerTriggerService(trigger, NoServices, TimeProvider.System, logger);

        await service.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Volatile.Read(ref runs) >= 2, TimeSpan.FromSeconds(10), "a second run after a failure");
        await service.StopAsync(CancellationToken.None);

        Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Error && entry.Message.Contains("Failing failed", StringComparison.Ordinal));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
