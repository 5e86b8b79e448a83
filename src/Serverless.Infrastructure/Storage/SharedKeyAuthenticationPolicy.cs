using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Serverless.Infrastructure.Storage;

/// <summary>
/// Signs every attempt (it runs per retry, so each retry gets a fresh <c>x-ms-date</c>) with the account key:
/// <c>Authorization: SharedKey {account}:{signature}</c>.
/// </summary>
public sealed class SharedKeyAuthenticationPolicy(StorageSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
        long? contentLength = request.Content is { } content && content.TryComputeLength(out var length) ? length : null;
        var stringToSign = SharedKeyStringToSign.Build(
            credential.AccountName,
            request.Method.Method,
            request.Uri.ToUri(),
            request.Headers.Select(header => KeyValuePair.Create(header.Name, header.Value)),
            contentLength);
        request.Headers.SetValue("Authorization", $"SharedKey {credential.AccountName}:{credential.ComputeSignature(stringToSign)}");
    }
}
