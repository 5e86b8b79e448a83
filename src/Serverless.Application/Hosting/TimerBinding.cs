namespace Serverless.Application.Hosting;

/// <summary>A timer trigger: the app setting holding its NCRONTAB schedule (bound as <c>%Setting%</c>) and the default schedule.</summary>
public sealed record TimerBinding(string ScheduleSetting, string DefaultSchedule);
