namespace Serverless.Application.Health;

/// <summary>One dependency's state: "healthy" or "unhealthy", how long the check took, and the error type if any.</summary>
public sealed record HealthProbeReport(string Name, string Status, double DurationMs, string? Error);
