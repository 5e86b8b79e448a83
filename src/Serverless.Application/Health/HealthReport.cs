namespace Serverless.Application.Health;

/// <summary>GET /api/health: "healthy" (200) when every probe passed, otherwise "unhealthy" (503).</summary>
public sealed record HealthReport(string Status, DateTimeOffset CheckedAt, IReadOnlyList<HealthProbeReport> Probes)
{
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";
}
