using System.Runtime.CompilerServices;
using Serverless.Domain.Ports;
using Serverless.Domain.Profiles;

namespace Serverless.Application.Tests.Fakes;

public sealed class FakeProfileRepository : IProfileRepository
{
    public DocumentStore<UserProfile> Store { get; } = new(seed: 7);

    public async Task<Versioned<UserProfile>?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var found = Store.Get(userId);

        // Yield as a network call would, so that concurrent writers interleave between their read and their write.
        await Task.Yield();
        return found is { } document ? new Versioned<UserProfile>(document.Value, document.ETag) : null;
    }

    public Task<string?> TrySaveAsync(UserProfile profile, string? etag, CancellationToken cancellationToken) =>
        Task.FromResult(Store.TrySave(profile.UserId, profile, etag));

    public async IAsyncEnumerable<UserProfile> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var profile in Store.All())
        {
            await Task.Yield();
            yield return profile;
        }
    }

    public Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(Store.Delete(userId));
}
