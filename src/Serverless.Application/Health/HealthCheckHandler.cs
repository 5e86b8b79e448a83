using Microsoft.Extensions.Logging;
using Serverless.Application.Common;
using Serverless.Domain.Ports;

namespace Serverless.Application.Health;

/// <summary>
/// GET /api/health (anonymous): runs every registered <see cref="IHealthProbe"/> concurrently, each bounded by
/// <see cref="ProbeTimeout"/>. Only the exception type is reported, since the endpoint needs no key.
/// </summary>
public sealed class HealthCheckHandler(IEnumerable<IHealthProbe> probes, TimeProvider timeProvider, ILogger<HealthCheckHandler> logger)
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<IHealthProbe> _probes = probes.ToList();

    public async Task<HandlerResult<HealthReport>> HandleAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(_probes.Select(p => RunAsync(p, cancellationToken)));
        var healthy = results.All(r => r.Status == HealthReport.Healthy);
        var report = new HealthReport(healthy ? HealthReport.Healthy : HealthReport.Unhealthy, timeProvider.GetUtcNow(), results);
        return healthy ? HandlerResult<HealthReport>.Ok(report) : HandlerResult<HealthReport>.WithStatus(503, report);
    }

    private async Task<HealthProbeReport> RunAsync(IHealthProbe probe, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            var ok = await probe.CheckAsync(timeout.Token).WaitAsync(ProbeTimeout, timeProvider, cancellationToken);
            var elapsed = timeProvider.GetElapsedTime(started).TotalMilliseconds;
            if (!ok)
            {
                logger.LogWarning("Health probe {Probe} reported unhealthy", probe.Name);
            }

            return new HealthProbeReport(probe.Name, ok ? HealthReport.Healthy : HealthReport.Unhealthy, elapsed, ok ? null : "check returned false");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Health probe {Probe} failed", probe.Name);
            var error = ex is TimeoutException or OperationCanceledException ? "timeout" : ex.GetType().Name;
            return new HealthProbeReport(probe.Name, HealthReport.Unhealthy, timeProvider.GetElapsedTime(started).TotalMilliseconds, error);
        }
    }
}
