namespace Serverless.LocalHost.Timers;

/// <summary>A timer-triggered function: its name, schedule and what it runs.</summary>
public sealed record TimerTrigger(
    string FunctionName,
    CronSchedule Schedule,
    bool RunOnStartup,
    Func<IServiceProvider, CancellationToken, Task> RunAsync);
