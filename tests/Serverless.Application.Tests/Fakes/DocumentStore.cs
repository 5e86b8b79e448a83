using System.Text.Json;
using Serverless.Domain.Json;

namespace Serverless.Application.Tests.Fakes;

/// <summary>
/// An in-memory document store with the semantics the Cosmos adapters give: documents are stored as JSON (so
/// callers never share objects with the store), every write gets a new ETag, a create fails if the id exists and a
/// replace fails unless the ETag still matches. <see cref="ConflictRate"/> makes that fraction of conditional
/// writes fail as if another writer had got there first, to provoke retries.
/// </summary>
public sealed class DocumentStore<T>
    where T : class
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (string Json, string ETag)> _documents = new(StringComparer.Ordinal);
    private readonly Random _random;
    private long _version;

    public DocumentStore(int seed = 1) => _random = new Random(seed);

    /// <summary>Fraction of writes answered with a conflict without storing anything.</summary>
    public double ConflictRate { get; set; }

    public int Writes { get; private set; }

    public int Conflicts { get; private set; }

    /// <summary>Thrown (once) by the next write instead of storing it, to simulate a crash.</summary>
    public Exception? FailNextWrite { get; set; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _documents.Count;
            }
        }
    }

    public (T Value, string ETag)? Get(string id)
    {
        lock (_lock)
        {
            return _documents.TryGetValue(id, out var stored)
                ? (JsonSerializer.Deserialize<T>(stored.Json, DomainJson.Options)!, stored.ETag)
                : null;
        }
    }

    public string? TrySave(string id, T value, string? etag)
    {
        lock (_lock)
        {
            if (FailNextWrite is { } failure)
            {
                FailNextWrite = null;
                throw failure;
            }

            var exists = _documents.TryGetValue(id, out var stored);
            if ((etag is null && exists) || (etag is not null && (!exists || stored.ETag != etag)))
            {
                Conflicts++;
                return null;
            }

            if (ConflictRate > 0 && _random.NextDouble() < ConflictRate)
            {
                Conflicts++;
                return null;
            }

            var newETag = $"\"{++_version}\"";
            _documents[id] = (JsonSerializer.Serialize(value, DomainJson.Options), newETag);
            Writes++;
            return newETag;
        }
    }

    public bool Delete(string id)
    {
        lock (_lock)
        {
            return _documents.Remove(id);
        }
    }

    public List<T> All()
    {
        lock (_lock)
        {
            return _documents.Values.Select(d => JsonSerializer.Deserialize<T>(d.Json, DomainJson.Options)!).ToList();
        }
    }

    /// <summary>The stored JSON, for exact before/after comparisons.</summary>
    public string? RawJson(string id)
    {
        lock (_lock)
        {
            return _documents.TryGetValue(id, out var stored) ? stored.Json : null;
        }
    }
}
