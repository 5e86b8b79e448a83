using Serverless.Domain.Ports;

namespace Serverless.Application.Tests.Fakes;

public sealed class FakeHealthProbe(string name, Func<CancellationToken, Task<bool>> check) : IHealthProbe
{
    public string Name { get; } = name;

    public Task<bool> CheckAsync(CancellationToken cancellationToken) => check(cancellationToken);
}
