using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Serverless.Domain.Ports;

namespace Serverless.Infrastructure.Cosmos;

/// <summary>
/// The operations the adapters use, with the expected outcomes (missing, conflict, stale ETag) turned into
/// null/false instead of exceptions. Only point operations, single-partition queries and full change-feed reads:
/// what both Cosmos DB and the local server support. 429/503 are retried by the SDK itself.
/// </summary>
internal static class ContainerOperations
{
    public static async Task<Versioned<T>?> ReadOrNullAsync<T>(this Container container, string id, string partitionKey, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.ReadItemAsync<T>(id, new PartitionKey(partitionKey), cancellationToken: cancellationToken).ConfigureAwait(false);
            return new Versioned<T>(response.Resource, response.ETag);
        }
        catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Creates when <paramref name="etag"/> is null, else replaces if the ETag still matches; the new ETag, or null when another writer won.</summary>
    public static Task<string?> TrySaveAsync(this Container container, JsonObject document, string partitionKey, string? etag, CancellationToken cancellationToken) =>
        etag is null
            ? container.CreateOrNullAsync(document, partitionKey, cancellationToken)
            : container.ReplaceIfMatchOrNullAsync(document, partitionKey, etag, cancellationToken);

    /// <summary>The new ETag, or null when a document with that id already exists (409).</summary>
    public static async Task<string?> CreateOrNullAsync(this Container container, JsonObject document, string partitionKey, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.CreateItemAsync(document, new PartitionKey(partitionKey), cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.ETag;
        }
        catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    /// <summary>The new ETag, or null when the stored ETag differs (412) or the document is gone (404).</summary>
    public static async Task<string?> ReplaceIfMatchOrNullAsync(this Container container, JsonObject document, string partitionKey, string etag, CancellationToken cancellationToken)
    {
        var id = document["id"]?.GetValue<string>() ?? throw new ArgumentException("The document has no id.", nameof(document));
        try
        {
            var response = await container.ReplaceItemAsync(
                document,
                id,
                new PartitionKey(partitionKey),
                new ItemRequestOptions { IfMatchEtag = etag },
                cancellationToken).ConfigureAwait(false);
            return response.ETag;
        }
        catch (CosmosException exception) when (exception.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public static async Task<string> UpsertAsync(this Container container, JsonObject document, string partitionKey, CancellationToken cancellationToken)
    {
        var response = await container.UpsertItemAsync(document, new PartitionKey(partitionKey), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.ETag;
    }

    /// <summary>True when the document existed and was deleted, false when it was not there (404).</summary>
    public static async Task<bool> DeleteIfExistsAsync(this Container container, string id, string partitionKey, CancellationToken cancellationToken)
    {
        // The stream variant reports 404 as a status instead of throwing.
        using var response = await container.DeleteItemStreamAsync(id, new PartitionKey(partitionKey), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>
    /// Deletes every document the single-partition <paramref name="query"/> finds, one by one (deleting a whole
    /// partition key is not available on the local server); the number actually deleted.
    /// </summary>
    public static async Task<int> DeleteMatchingAsync(this Container container, QueryDefinition query, string partitionKey, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var document in container.QueryPartitionAsync<DocumentId>(query, partitionKey, cancellationToken).ConfigureAwait(false))
        {
            ids.Add(document.Id);
        }

        var deleted = 0;
        foreach (var id in ids)
        {
            if (await container.DeleteIfExistsAsync(id, partitionKey, cancellationToken).ConfigureAwait(false))
            {
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>Every result of a query confined to one partition (the only kind the local server answers).</summary>
    public static async IAsyncEnumerable<T> QueryPartitionAsync<T>(
        this Container container,
        QueryDefinition query,
        string partitionKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new QueryRequestOptions { PartitionKey = new PartitionKey(partitionKey) };
        using var iterator = container.GetItemQueryIterator<T>(query, continuationToken: null, options);
        while (iterator.HasMoreResults)
        {
            var page = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            foreach (var item in page)
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// One page of a single-partition query. A page may come back empty while more remain; such pages are skipped so
    /// that callers only see an empty page at the end. A malformed <paramref name="continuationToken"/> (it comes
    /// from clients) is an <see cref="ArgumentException"/> naming that parameter.
    /// </summary>
    public static async Task<Page<T>> QueryPartitionPageAsync<T>(
        this Container container,
        QueryDefinition query,
        string partitionKey,
        int pageSize,
        string? continuationToken,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var options = new QueryRequestOptions { PartitionKey = new PartitionKey(partitionKey), MaxItemCount = pageSize };
        using var iterator = container.GetItemQueryIterator<T>(query, continuationToken, options);
        while (iterator.HasMoreResults)
        {
            FeedResponse<T> page;
            try
            {
                page = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.BadRequest && continuationToken is not null)
            {
                throw new ArgumentException("The continuation token is not one this listing issued.", nameof(continuationToken), exception);
            }

            if (page.Count > 0 || !iterator.HasMoreResults)
            {
                return new Page<T>([.. page], iterator.HasMoreResults ? page.ContinuationToken : null);
            }
        }

        return new Page<T>([], null);
    }

    /// <summary>
    /// Every document once, through the change feed from the beginning until it reports nothing new (304). A full read
    /// only: the local server ignores change-feed continuation tokens.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAllThroughChangeFeedAsync<T>(this Container container, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var iterator = container.GetChangeFeedIterator<T>(ChangeFeedStartFrom.Beginning(), ChangeFeedMode.LatestVersion);
        while (iterator.HasMoreResults)
        {
            var page = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            if (page.StatusCode == HttpStatusCode.NotModified)
            {
                yield break;
            }

            foreach (var item in page)
            {
                yield return item;
            }
        }
    }
}
