using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Serverless.Infrastructure.Storage;

/// <summary>The Blob service operations this project needs, over the Storage REST API (containers, block and append blobs, listing).</summary>
public sealed class BlobStorageClient
{
    private const int MaxListPageSize = 5000;

    private readonly StoragePipeline _pipeline;
    private readonly string _endpoint;

    public BlobStorageClient(StorageAccount account, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        _pipeline = new StoragePipeline(account, options ?? new StorageClientOptions());
        _endpoint = account.BlobEndpoint.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>Creates the container; false when it already existed.</summary>
    public async Task<bool> CreateContainerIfNotExistsAsync(string container, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, ContainerUri(container));
        var response = await _pipeline.SendAsync(message, cancellationToken, 409).ConfigureAwait(false);
        return response.Status != 409;
    }

    /// <summary>Deletes the container and everything in it; false when it did not exist.</summary>
    public async Task<bool> DeleteContainerIfExistsAsync(string container, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, ContainerUri(container));
        var response = await _pipeline.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>
    /// Writes a block blob only if it is absent (<paramref name="etag"/> null, <c>If-None-Match: *</c>) or still has
    /// <paramref name="etag"/> (<c>If-Match</c>): returns the new ETag, or null when another writer got there first.
    /// </summary>
    public async Task<string?> TryPutBlockBlobAsync(
        string container, string blobName, BinaryData content, string contentType, string? etag, CancellationToken cancellationToken = default)
    {
        try
        {
            var written = await PutBlockBlobAsync(
                container,
                blobName,
                content,
                contentType,
                etag is null ? BlobConditions.IfNotExists : BlobConditions.IfETagMatches(etag),
                cancellationToken).ConfigureAwait(false);
            return written.ETag;
        }
        catch (StorageRequestFailedException exception) when (exception.IsConflictOrPreconditionFailed)
        {
            return null;
        }
    }

    /// <summary>Uploads a whole block blob (up to 5,000 MiB in one request, far more than this project writes).</summary>
    /// <exception cref="StorageRequestFailedException">412 when <c>If-Match</c> fails; 409 (Azure) or 412 when <c>If-None-Match: *</c> meets an existing blob.</exception>
    public async Task<BlobInfo> PutBlockBlobAsync(
        string container,
        string blobName,
        BinaryData content,
        string? contentType = null,
        BlobConditions? conditions = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var message = _pipeline.CreateMessage(RequestMethod.Put, BlobUri(container, blobName));
        var request = message.Request;
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        SetBlobContentType(request, contentType);
        SetConditions(request, conditions);
        request.Content = RequestContent.Create(content);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return ReadBlobInfo(response);
    }

    /// <summary>Creates an empty append blob (pass <see cref="BlobConditions.IfNotExists"/> to never replace an existing one).</summary>
    public async Task<BlobInfo> CreateAppendBlobAsync(
        string container,
        string blobName,
        string? contentType = null,
        BlobConditions? conditions = null,
        CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, BlobUri(container, blobName));
        message.Request.Headers.SetValue("x-ms-blob-type", "AppendBlob");
        SetBlobContentType(message.Request, contentType);
        SetConditions(message.Request, conditions);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return ReadBlobInfo(response);
    }

    /// <summary>Appends one block (at most 4 MiB) atomically to the end of an append blob.</summary>
    public async Task<AppendBlockResult> AppendBlockAsync(
        string container,
        string blobName,
        BinaryData content,
        AppendBlockConditions? conditions = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var message = _pipeline.CreateMessage(RequestMethod.Put, BlobUri(container, blobName));
        var request = message.Request;
        request.Uri.AppendQuery("comp", "appendblock");
        if (conditions?.MaxSize is { } maxSize)
        {
            request.Headers.SetValue("x-ms-blob-condition-maxsize", maxSize.ToString(CultureInfo.InvariantCulture));
        }

        if (conditions?.AppendPosition is { } position)
        {
            request.Headers.SetValue("x-ms-blob-condition-appendpos", position.ToString(CultureInfo.InvariantCulture));
        }

        if (conditions?.IfMatch is { } ifMatch)
        {
            request.Headers.SetValue("If-Match", ifMatch);
        }

        request.Content = RequestContent.Create(content);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return new AppendBlockResult(
            StoragePipeline.GetETag(response),
            StoragePipeline.GetDateHeader(response, "Last-Modified"),
            long.Parse(StoragePipeline.GetHeader(response, "x-ms-blob-append-offset") ?? "0", CultureInfo.InvariantCulture),
            int.Parse(StoragePipeline.GetHeader(response, "x-ms-blob-committed-block-count") ?? "0", CultureInfo.InvariantCulture));
    }

    /// <summary>Reads the whole blob; null when the blob (or its container) does not exist.</summary>
    public async Task<BlobDownload?> GetBlobAsync(string container, string blobName, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, BlobUri(container, blobName));
        var response = await _pipeline.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return response.Status == 404 ? null : new BlobDownload(response.Content, ReadProperties(response));
    }

    /// <summary>The blob's properties; null when it does not exist.</summary>
    public async Task<BlobProperties?> GetPropertiesAsync(string container, string blobName, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Head, BlobUri(container, blobName));
        var response = await _pipeline.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return response.Status == 404 ? null : ReadProperties(response);
    }

    /// <summary>Deletes the blob; false when it did not exist.</summary>
    public async Task<bool> DeleteBlobAsync(string container, string blobName, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, BlobUri(container, blobName));
        var response = await _pipeline.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>Blobs whose names start with <paramref name="prefix"/>, in name order, fetched page by page (NextMarker).</summary>
    /// <param name="pageSize">Results per request (1 to 5,000; the service default is 5,000).</param>
    public async IAsyncEnumerable<BlobItem> ListBlobsAsync(
        string container,
        string? prefix = null,
        int? pageSize = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > MaxListPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"A page holds 1 to {MaxListPageSize} blobs.");
        }

        string? marker = null;
        do
        {
            XDocument page;
            using (var message = _pipeline.CreateMessage(RequestMethod.Get, ContainerUri(container)))
            {
                var uri = message.Request.Uri;
                uri.AppendQuery("comp", "list");
                if (!string.IsNullOrEmpty(prefix))
                {
                    uri.AppendQuery("prefix", prefix);
                }

                if (marker is not null)
                {
                    uri.AppendQuery("marker", marker);
                }

                if (pageSize is { } size)
                {
                    uri.AppendQuery("maxresults", size.ToString(CultureInfo.InvariantCulture));
                }

                var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
                page = StoragePipeline.ParseXml(response);
            }

            var root = page.Root ?? throw new InvalidDataException("The blob listing has no root element.");
            foreach (var blob in root.Element("Blobs")?.Elements("Blob") ?? [])
            {
                yield return ReadListedBlob(blob);
            }

            marker = root.Element("NextMarker")?.Value;
        }
        while (!string.IsNullOrEmpty(marker));
    }

    private Uri ContainerUri(string container)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        return new Uri($"{_endpoint}/{Uri.EscapeDataString(container)}?restype=container");
    }

    private Uri BlobUri(string container, string blobName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        return new Uri($"{_endpoint}/{Uri.EscapeDataString(container)}/{StoragePipeline.EscapePath(blobName)}");
    }

    private static void SetBlobContentType(Request request, string? contentType)
    {
        if (!string.IsNullOrEmpty(contentType))
        {
            request.Headers.SetValue("x-ms-blob-content-type", contentType);
        }
    }

    private static void SetConditions(Request request, BlobConditions? conditions)
    {
        if (conditions?.IfMatch is { } ifMatch)
        {
            request.Headers.SetValue("If-Match", ifMatch);
        }

        if (conditions?.IfNoneMatch is { } ifNoneMatch)
        {
            request.Headers.SetValue("If-None-Match", ifNoneMatch);
        }
    }

    private static BlobInfo ReadBlobInfo(Response response) =>
        new(StoragePipeline.GetETag(response), StoragePipeline.GetDateHeader(response, "Last-Modified"));

    private static BlobProperties ReadProperties(Response response)
    {
        var blockCount = StoragePipeline.GetHeader(response, "x-ms-blob-committed-block-count");
        return new BlobProperties(
            StoragePipeline.GetETag(response),
            StoragePipeline.GetDateHeader(response, "Last-Modified"),
            long.Parse(StoragePipeline.GetHeader(response, "Content-Length") ?? "0", CultureInfo.InvariantCulture),
            StoragePipeline.GetHeader(response, "Content-Type"),
            StoragePipeline.GetHeader(response, "x-ms-blob-type"),
            blockCount is null ? null : int.Parse(blockCount, CultureInfo.InvariantCulture));
    }

    private static BlobItem ReadListedBlob(XElement blob)
    {
        var properties = blob.Element("Properties");
        var etag = properties?.Element("Etag")?.Value ?? string.Empty;
        return new BlobItem(
            blob.Element("Name")?.Value ?? throw new InvalidDataException("A listed blob has no name."),
            // Listings give the ETag unquoted; headers quote it. Quote it so both compare and work in If-Match.
            etag.StartsWith('"') ? etag : $"\"{etag}\"",
            StoragePipeline.ParseDate(properties?.Element("Last-Modified")?.Value ?? throw new InvalidDataException("A listed blob has no Last-Modified.")),
            long.Parse(properties.Element("Content-Length")?.Value ?? "0", CultureInfo.InvariantCulture),
            properties.Element("Content-Type")?.Value is { Length: > 0 } contentType ? contentType : null,
            properties.Element("BlobType")?.Value);
    }
}
