using Azure.Core;

namespace Serverless.Infrastructure.Storage;

/// <summary>Pipeline options (retries, diagnostics, transport) shared by the Blob and Queue clients.</summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>The REST API version sent as <c>x-ms-version</c> (accepted by Azure and by Azurite 3.37).</summary>
    public const string ServiceVersion = "2021-12-02";

    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(10);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(60);
        Diagnostics.LoggedHeaderNames.Add("x-ms-request-id");
        Diagnostics.LoggedHeaderNames.Add("x-ms-error-code");
    }

    /// <summary>How queue message text is encoded on the wire: Base64 (the Functions default) or as is.</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;
}
