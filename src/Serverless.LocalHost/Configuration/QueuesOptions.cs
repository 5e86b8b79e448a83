using Serverless.Infrastructure.Storage;

namespace Serverless.LocalHost.Configuration;

/// <summary>
/// host.json <c>extensions.queues</c>, with the defaults and limits of the Functions Storage Queues extension (5.x).
/// </summary>
public sealed record QueuesOptions
{
    /// <summary>The Storage service returns at most 32 messages per Get Messages call.</summary>
    public const int MaxBatchSize = 32;

    /// <summary>The shortest polling interval of the runtime's back-off (and the smallest allowed maximum).</summary>
    public static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly int? _newBatchThreshold;

    public int BatchSize { get; init; } = 16;

    /// <summary>When the messages in flight drop to this number, the next batch is fetched (default: half the batch size).</summary>
    public int NewBatchThreshold
    {
        get => _newBatchThreshold ?? BatchSize / 2;
        init => _newBatchThreshold = value;
    }

    /// <summary>The longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a message that failed stays invisible before it is retried.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>Attempts before a message is moved to <c>&lt;queue&gt;-poison</c>.</summary>
    public int MaxDequeueCount { get; init; } = 5;

    public QueueMessageEncoding MessageEncoding { get; init; } = QueueMessageEncoding.Base64;

    /// <summary>Most messages in flight at once: a full batch fetched when the threshold is reached.</summary>
    public int MaxConcurrentMessages => BatchSize + NewBatchThreshold;
}
