using System.Text.Json;
using Serverless.Domain.Json;
using Serverless.Domain.Models;
using Serverless.Domain.Ports;

namespace Serverless.Application.Tests.Fakes;

/// <summary>The demand snapshot in memory as its JSON text, replaced only with its current ETag.</summary>
public sealed class FakeDemandSnapshotStore : IDemandSnapshotStore
{
    private readonly Lock _lock = new();
    private string? _json;
    private string? _etag;
    private int _version;

    public int Saves { get; private set; }

    public Task<Versioned<DemandSnapshot>?> GetAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_json is null ? null : new Versioned<DemandSnapshot>(JsonSerializer.Deserialize<DemandSnapshot>(_json, DomainJson.Options)!, _etag!));
        }
    }

    public Task<string?> TrySaveAsync(DemandSnapshot snapshot, string? etag, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_etag != etag)
            {
                return Task.FromResult<string?>(null);
            }

            Saves++;
            _json = JsonSerializer.Serialize(snapshot, DomainJson.Options);
            _etag = $"\"demand-{++_version}\"";
            return Task.FromResult<string?>(_etag);
        }
    }
}
