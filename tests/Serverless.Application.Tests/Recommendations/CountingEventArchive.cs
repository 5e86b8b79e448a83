using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Events;
using Serverless.Domain.Ports;

namespace Serverless.Application.Tests.Recommendations;

/// <summary>A <see cref="FakeEventArchive"/> that counts range reads, to show which hours a merge reads.</summary>
public sealed class CountingEventArchive : IEventArchive
{
    public FakeEventArchive Inner { get; } = new();

    public int Reads { get; private set; }

    public Task AppendAsync(IReadOnlyList<BehaviorEvent> events, CancellationToken cancellationToken) => Inner.AppendAsync(events, cancellationToken);

    public IAsyncEnumerable<BehaviorEvent> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        Reads++;
        return Inner.ReadAsync(from, to, cancellationToken);
    }

    public static implicit operator FakeEventArchive(CountingEventArchive archive) => archive.Inner;
}
