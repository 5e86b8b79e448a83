using Microsoft.Extensions.Logging;
using Serverless.Infrastructure.Storage;

namespace Serverless.Infrastructure.Archive;

/// <summary>
/// Appends to one hour partition for one writer id. Concurrent callers are group-committed: whoever holds the gate
/// writes everything queued so far (up to one 4 MiB block) in a single append, so many queue workers cost few requests.
/// Rolls over to the next blob index when the current blob reaches the size limit or the 50,000-block limit; the
/// service-side max-size condition keeps that right even when two instances share a writer id.
/// </summary>
internal sealed class ArchiveHourWriter(
    BlobStorageClient blobs,
    EventArchiveOptions options,
    DateTimeOffset hour,
    ILogger logger)
{
    public const int MaxBlockBytes = 4 * 1024 * 1024;
    public const int MaxBlocksPerBlob = 50_000;
    private const string ContentType = "application/x-ndjson";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<PendingAppend> _pending = [];

    // Guarded by _gate.
    private int _index;
    private bool _isOpen;
    private long _size;
    private int _blockCount;

    public DateTimeOffset Hour => hour;

    public bool IsIdle
    {
        get
        {
            lock (_pending)
            {
                return _pending.Count == 0 && _gate.CurrentCount == 1;
            }
        }
    }

    /// <summary>The largest block this writer sends: 4 MiB, or less so that a block never overfills a blob by itself.</summary>
    public static long BlockLimit(EventArchiveOptions options) => Math.Min(MaxBlockBytes, options.MaxBlobBytes);

    /// <summary>Appends the chunks (each whole lines, at most <see cref="BlockLimit"/> unless a single line is larger) and returns once all are stored.</summary>
    public async Task AppendAsync(IReadOnlyList<byte[]> chunks, CancellationToken cancellationToken)
    {
        var entries = chunks.Select(chunk => new PendingAppend(chunk)).ToList();
        lock (_pending)
        {
            _pending.AddRange(entries);
        }

        try
        {
            while (!entries.TrueForAll(entry => entry.Completion.Task.IsCompleted))
            {
                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var batch = TakeBatch();
                    if (batch.Count > 0)
                    {
                        await WriteAsync(batch).ConfigureAwait(false);
                    }
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            lock (_pending)
            {
                _pending.RemoveAll(entries.Contains);
            }

            throw;
        }

        await Task.WhenAll(entries.Select(entry => entry.Completion.Task)).ConfigureAwait(false);
    }

    private List<PendingAppend> TakeBatch()
    {
        lock (_pending)
        {
            var limit = BlockLimit(options);
            var count = 0;
            long bytes = 0;
            while (count < _pending.Count && (count == 0 || bytes + _pending[count].Data.Length <= limit))
            {
                bytes += _pending[count].Data.Length;
                count++;
            }

            var batch = _pending.GetRange(0, count);
            _pending.RemoveRange(0, count);
            return batch;
        }
    }

    private async Task WriteAsync(List<PendingAppend> batch)
    {
        var block = new byte[batch.Sum(entry => entry.Data.Length)];
        var offset = 0;
        foreach (var entry in batch)
        {
            entry.Data.CopyTo(block, offset);
            offset += entry.Data.Length;
        }

        try
        {
            // Not the caller's token: the block carries other callers' events, and the pipeline's timeouts bound it.
            await AppendBlockAsync(new BinaryData(block), CancellationToken.None).ConfigureAwait(false);
            batch.ForEach(entry => entry.Completion.TrySetResult());
        }
        catch (Exception exception)
        {
            batch.ForEach(entry => entry.Completion.TrySetException(exception));
        }
    }

    private async Task AppendBlockAsync(BinaryData block, CancellationToken cancellationToken)
    {
        // Each turn either appends or moves to a fresh blob, so a handful of turns always suffices.
        for (var attempt = 0; ; attempt++)
        {
            if (!_isOpen)
            {
                await OpenAsync(cancellationToken).ConfigureAwait(false);
            }

            // On an empty blob no condition: a single block larger than the limit must still land somewhere.
            var conditions = _size == 0 ? null : new AppendBlockConditions(MaxSize: options.MaxBlobBytes);
            try
            {
                var result = await blobs.AppendBlockAsync(options.ContainerName, BlobName, block, conditions, cancellationToken)
                    .ConfigureAwait(false);
                _size = result.AppendOffset + block.ToMemory().Length;
                _blockCount = result.CommittedBlockCount;
                if (_size >= options.MaxBlobBytes || _blockCount >= MaxBlocksPerBlob)
                {
                    RollOver();
                }

                return;
            }
            catch (StorageRequestFailedException exception) when (attempt < 8 && exception.ErrorCode is
                StorageErrorCodes.MaxBlobSizeConditionNotMet or StorageErrorCodes.BlockCountExceedsLimit)
            {
                RollOver();
            }
            catch (StorageRequestFailedException exception) when (attempt < 8 && exception.ErrorCode == StorageErrorCodes.BlobNotFound)
            {
                // Deleted underneath us (e.g. retention): create it again.
                _isOpen = false;
            }
        }
    }

    /// <summary>Finds the first blob index that exists with room left, or creates it.</summary>
    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await blobs.CreateAppendBlobAsync(options.ContainerName, BlobName, ContentType, BlobConditions.IfNotExists, cancellationToken)
                    .ConfigureAwait(false);
                (_size, _blockCount, _isOpen) = (0, 0, true);
                return;
            }
            catch (StorageRequestFailedException exception) when (exception.IsConflictOrPreconditionFailed)
            {
                // Written by an earlier process with the same writer id: continue it if it has room.
                var properties = await blobs.GetPropertiesAsync(options.ContainerName, BlobName, cancellationToken).ConfigureAwait(false);
                if (properties is null)
                {
                    continue;
                }

                if (properties.BlobType == "AppendBlob"
                    && properties.ContentLength < options.MaxBlobBytes
                    && properties.CommittedBlockCount is null or < MaxBlocksPerBlob)
                {
                    (_size, _blockCount, _isOpen) = (properties.ContentLength, properties.CommittedBlockCount ?? 0, true);
                    return;
                }

                _index++;
            }
        }
    }

    private string BlobName => new ArchiveBlobName(hour, options.WriterId, _index).Value;

    private void RollOver()
    {
        logger.LogInformation(
            "Archive blob {BlobName} is full at {Bytes} bytes and {Blocks} blocks; rolling over", BlobName, _size, _blockCount);
        _index++;
        _isOpen = false;
    }

    private sealed class PendingAppend(byte[] data)
    {
        public byte[] Data { get; } = data;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
