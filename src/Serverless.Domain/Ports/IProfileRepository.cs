using Serverless.Domain.Profiles;

namespace Serverless.Domain.Ports;

/// <summary>User profiles (Cosmos container <c>profiles</c>, partition key /userId).</summary>
public interface IProfileRepository
{
    Task<Versioned<UserProfile>?> GetAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the profile when <paramref name="etag"/> is null, otherwise replaces it if the stored ETag still matches.
    /// Returns the new ETag, or null when another writer got there first (conflict or precondition failed).
    /// </summary>
    Task<string?> TrySaveAsync(UserProfile profile, string? etag, CancellationToken cancellationToken);

    /// <summary>Every profile, read through the change feed (a full read; the local server cannot read incrementally).</summary>
    IAsyncEnumerable<UserProfile> ReadAllAsync(CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken);
}
