using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Serverless.Infrastructure.Storage;

/// <summary>
/// The Azure.Core pipeline (request id, retries with backoff on 408/429/5xx and network errors, logging, per-try
/// authorization) plus the small pieces every Storage REST call shares: version header, error mapping, date parsing.
/// </summary>
internal sealed class StoragePipeline
{
    /// <summary>The OAuth scope of Azure Storage data-plane access.</summary>
    public const string TokenScope = "https://storage.azure.com/.default";

    private readonly HttpPipeline _pipeline;

    public StoragePipeline(StorageAccount account, StorageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        HttpPipelinePolicy authorization = account.SharedKey is { } sharedKey
            ? new SharedKeyAuthenticationPolicy(sharedKey)
            : new BearerTokenAuthenticationPolicy(
                account.TokenCredential ?? throw new ArgumentException("The account has no credential.", nameof(account)),
                TokenScope);
        _pipeline = HttpPipelineBuilder.Build(options, [], [authorization], new ResponseClassifier());
    }

    public HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.SetValue("x-ms-version", StorageClientOptions.ServiceVersion);
        return message;
    }

    /// <summary>Sends the message; an error status throws <see cref="StorageRequestFailedException"/> unless listed in <paramref name="tolerated"/>.</summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, params int[] tolerated)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status >= 400 && Array.IndexOf(tolerated, response.Status) < 0)
        {
            throw CreateException(message.Request, response);
        }

        return response;
    }

    /// <summary>Escapes each segment of a blob or message path, keeping the '/' separators.</summary>
    public static string EscapePath(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    public static string? GetHeader(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? value : null;

    public static string GetETag(Response response) =>
        GetHeader(response, "ETag") ?? throw new InvalidOperationException("The storage response has no ETag.");

    public static DateTimeOffset GetDateHeader(Response response, string name) =>
        ParseDate(GetHeader(response, name) ?? throw new InvalidOperationException($"The storage response has no {name} header."));

    /// <summary>Storage dates are RFC 1123 (<c>Fri, 05 Jun 2026 10:00:00 GMT</c>).</summary>
    public static DateTimeOffset ParseDate(string value) =>
        DateTimeOffset.ParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static XDocument ParseXml(Response response)
    {
        using var stream = response.ContentStream ?? throw new InvalidOperationException("The storage response has no body.");
        return XDocument.Load(stream);
    }

    private static StorageRequestFailedException CreateException(Request request, Response response)
    {
        var code = GetHeader(response, "x-ms-error-code");
        string? detail = null;
        var body = response.Content;
        if (body.ToMemory().Length > 0)
        {
            try
            {
                var error = XDocument.Parse(body.ToString()).Root;
                code ??= error?.Element("Code")?.Value;
                detail = error?.Element("Message")?.Value.Split('\n')[0].Trim();
            }
            catch (System.Xml.XmlException)
            {
                // Not every error (e.g. from a proxy) has the XML error body: status and header still tell enough.
            }
        }

        var resource = request.Uri.ToUri().GetLeftPart(UriPartial.Path);
        var text = $"{request.Method} {resource} failed with {response.Status} {code ?? response.ReasonPhrase}"
            + (detail is null ? "." : $": {detail}");
        return new StorageRequestFailedException(response.Status, code, text);
    }
}
