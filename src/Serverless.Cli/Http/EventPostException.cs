namespace Serverless.Cli.Http;

/// <summary>A batch was refused (4xx) or kept failing after every retry; the message carries the server's problem text.</summary>
public sealed class EventPostException : Exception
{
    public EventPostException(string message, int batchNumber, int? statusCode, string? responseBody, Exception? innerException = null)
        : base(message, innerException)
    {
        BatchNumber = batchNumber;
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    /// <summary>1-based number of the batch that failed (earlier batches were accepted).</summary>
    public int BatchNumber { get; }

    /// <summary>The last HTTP status, or null when the host could not be reached.</summary>
    public int? StatusCode { get; }

    public string? ResponseBody { get; }
}
