using Serverless.Application.Health;
using Serverless.Application.Tests.Fakes;
using Xunit;

namespace Serverless.Application.Tests.Health;

public sealed class HealthCheckHandlerTests
{
    [Fact]
    public async Task All_probes_passing_is_200_healthy()
    {
        using var app = new TestApplication(probes: [new FakeHealthProbe("cosmos", _ => Task.FromResult(true)), new FakeHealthProbe("storage", _ => Task.FromResult(true))]);

        var result = await app.Get<HealthCheckHandler>().HandleAsync(CancellationToken.None);

        Assert.Equal(200, result.Status);
        Assert.Equal(HealthReport.Healthy, result.Value!.Status);
        Assert.Equal(["cosmos", "storage"], result.Value.Probes.Select(p => p.Name));
    }

    [Fact]
    public async Task A_failing_probe_is_503_with_each_probe_state_and_no_error_details()
    {
        using var app = new TestApplication(probes:
        [
            new FakeHealthProbe("cosmos", _ => Task.FromResult(true)),
            new FakeHealthProbe("storage", _ => throw new HttpRequestException("connection refused to secret-host:10001")),
            new FakeHealthProbe("models", _ => Task.FromResult(false)),
        ]);

        var result = await app.Get<HealthCheckHandler>().HandleAsync(CancellationToken.None);

        Assert.Equal(503, result.Status);
        Assert.Null(result.Problem);
        var probes = result.Value!.Probes.ToDictionary(p => p.Name);
        Assert.Equal(HealthReport.Unhealthy, result.Value.Status);
        Assert.Equal(HealthReport.Healthy, probes["cosmos"].Status);
        Assert.Equal(HealthReport.Unhealthy, probes["storage"].Status);
        Assert.Equal("HttpRequestException", probes["storage"].Error);
        Assert.Equal(HealthReport.Unhealthy, probes["models"].Status);
    }
}
