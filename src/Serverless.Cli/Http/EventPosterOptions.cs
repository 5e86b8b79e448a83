namespace Serverless.Cli.Http;

/// <summary>Where and how <see cref="EventPoster"/> sends events.</summary>
public sealed record EventPosterOptions
{
    /// <summary>The API accepts at most this many events per request (Ingestion:MaxBatchSize).</summary>
    public const int MaxApiBatchSize = 500;

    /// <summary>A little under the API's default body limit (Ingestion:MaxBodyBytes, 1 MiB).</summary>
    public const int DefaultMaxBodyBytes = 1_000_000;

    /// <summary>The running host, e.g. http://localhost:7071; events go to {BaseAddress}/api/events.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>Sent as x-functions-key when set.</summary>
    public string? FunctionKey { get; init; }

    public int BatchSize { get; init; } = MaxApiBatchSize;

    /// <summary>A batch is closed early when the next event would make the body larger than this.</summary>
    public int MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>Attempts per batch, the first included, before a retryable failure becomes an error.</summary>
    public int MaxAttempts { get; init; } = 6;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Caps both the doubling back-off and a server's Retry-After.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(15);
}
