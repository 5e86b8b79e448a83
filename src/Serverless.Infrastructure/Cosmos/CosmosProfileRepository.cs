using System.Runtime.CompilerServices;
using Serverless.Domain.Ports;
using Serverless.Domain.Profiles;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>Profiles in container <c>profiles</c>: id = partition key = user id.</summary>
internal sealed class CosmosProfileRepository(CosmosContainers containers) : IProfileRepository
{
    public Task<Versioned<UserProfile>?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return containers.Profiles.ReadOrNullAsync<UserProfile>(userId, userId, cancellationToken);
    }

    public Task<string?> TrySaveAsync(UserProfile profile, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var document = CosmosDocument.From(profile, profile.UserId);
        return containers.Profiles.TrySaveAsync(document, profile.UserId, etag, cancellationToken);
    }

    public async IAsyncEnumerable<UserProfile> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var profile in containers.Profiles.ReadAllThroughChangeFeedAsync<UserProfile>(cancellationToken).ConfigureAwait(false))
        {
            yield return profile;
        }
    }

    public Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return containers.Profiles.DeleteIfExistsAsync(userId, userId, cancellationToken);
    }
}
