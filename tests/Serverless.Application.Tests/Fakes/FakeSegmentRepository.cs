using Serverless.Domain.Ports;
using Serverless.Domain.Segments;

namespace Serverless.Application.Tests.Fakes;

/// <summary>Memberships, sizes and thresholds in memory with the port's semantics (Add/Remove report whether anything changed).</summary>
public sealed class FakeSegmentRepository : ISegmentRepository
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedDictionary<string, SegmentMember>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _sizes = new(StringComparer.Ordinal);
    private RfmThresholds? _thresholds;

    /// <summary>Thrown (once) by the next AddMember, to simulate a crash.</summary>
    public Exception? FailNextAdd { get; set; }

    public int ThresholdReads { get; private set; }

    public Task<RfmThresholds?> GetThresholdsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ThresholdReads++;
            return Task.FromResult(_thresholds);
        }
    }

    public Task SaveThresholdsAsync(RfmThresholds thresholds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _thresholds = thresholds;
            return Task.CompletedTask;
        }
    }

    public Task<bool> AddMemberAsync(SegmentMember member, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (FailNextAdd is { } failure)
            {
                FailNextAdd = null;
                throw failure;
            }

            if (!_members.TryGetValue(member.SegmentId, out var members))
            {
                _members[member.SegmentId] = members = new SortedDictionary<string, SegmentMember>(StringComparer.Ordinal);
            }

            return Task.FromResult(members.TryAdd(member.UserId, member));
        }
    }

    public Task<bool> RemoveMemberAsync(string segmentId, string userId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_members.TryGetValue(segmentId, out var members) && members.Remove(userId));
        }
    }

    public Task AdjustSizeAsync(string segmentId, long delta, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _sizes[segmentId] = _sizes.GetValueOrDefault(segmentId) + delta;
            return Task.CompletedTask;
        }
    }

    public Task SetSizeAsync(string segmentId, long size, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _sizes[segmentId] = size;
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyDictionary<string, long>> GetSizesAsync(IEnumerable<string> segmentIds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyDictionary<string, long> sizes = segmentIds
                .Where(_sizes.ContainsKey)
                .ToDictionary(id => id, id => _sizes[id], StringComparer.Ordinal);
            return Task.FromResult(sizes);
        }
    }

    public Task<Page<SegmentMember>> ListMembersAsync(string segmentId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // Like the Cosmos repository, a token it did not issue is an ArgumentException naming the parameter.
            const string Prefix = "after:";
            if (continuationToken is not null && !continuationToken.StartsWith(Prefix, StringComparison.Ordinal))
            {
                throw new ArgumentException("Malformed continuation token.", nameof(continuationToken));
            }

            var after = continuationToken?[Prefix.Length..];
            var all = _members.TryGetValue(segmentId, out var members) ? members.Values.OrderBy(m => m.UserId, StringComparer.Ordinal).ToList() : [];
            var remaining = all.Where(m => after is null || string.CompareOrdinal(m.UserId, after) > 0).ToList();
            var page = remaining.Take(pageSize).ToList();
            var next = remaining.Count > pageSize ? Prefix + page[^1].UserId : null;
            return Task.FromResult(new Page<SegmentMember>(page, next));
        }
    }

    /// <summary>Segment ids the user is a member of.</summary>
    public List<string> SegmentsOf(string userId)
    {
        lock (_lock)
        {
            return _members.Where(p => p.Value.ContainsKey(userId)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        }
    }

    public long SizeOf(string segmentId)
    {
        lock (_lock)
        {
            return _sizes.GetValueOrDefault(segmentId);
        }
    }

    public int MemberCount(string segmentId)
    {
        lock (_lock)
        {
            return _members.TryGetValue(segmentId, out var members) ? members.Count : 0;
        }
    }
}
