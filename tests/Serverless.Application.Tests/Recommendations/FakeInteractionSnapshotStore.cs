using Serverless.Domain.Models;
using Serverless.Domain.Ports;

namespace Serverless.Application.Tests.Recommendations;

/// <summary>The snapshot in memory, replaced only with its current ETag.</summary>
public sealed class FakeInteractionSnapshotStore : IInteractionSnapshotStore
{
    private readonly Lock _lock = new();
    private Versioned<InteractionSnapshot>? _stored;
    private int _etag;

    /// <summary>When set, GetAsync waits for it (to hold a run in progress).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public int Saves { get; private set; }

    public InteractionSnapshot? Current
    {
        get
        {
            lock (_lock)
            {
                return _stored?.Value;
            }
        }
    }

    public async Task<Versioned<InteractionSnapshot>?> GetAsync(CancellationToken cancellationToken)
    {
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        lock (_lock)
        {
            return _stored;
        }
    }

    public Task<string?> GetETagAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_stored?.ETag);
        }
    }

    public Task<string?> TrySaveAsync(InteractionSnapshot snapshot, string? etag, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_stored?.ETag != etag)
            {
                return Task.FromResult<string?>(null);
            }

            Saves++;
            _stored = new Versioned<InteractionSnapshot>(snapshot, $"\"snapshot-{++_etag}\"");
            return Task.FromResult<string?>(_stored.ETag);
        }
    }
}
