using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Serverless.Infrastructure.Storage;

/// <summary>The Queue service operations this project needs, over the Storage REST API.</summary>
public sealed class QueueStorageClient
{
    /// <summary>The service hands out at most 32 messages per receive.</summary>
    public const int MaxMessagesPerReceive = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly StoragePipeline _pipeline;
    private readonly string _endpoint;

    public QueueStorageClient(StorageAccount account, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        options ??= new StorageClientOptions();
        _pipeline = new StoragePipeline(account, options);
        _endpoint = account.QueueEndpoint.AbsoluteUri.TrimEnd('/');
        MessageEncoding = options.MessageEncoding;
    }

    public QueueMessageEncoding MessageEncoding { get; }

    /// <summary>Creates the queue; false when it already existed.</summary>
    public async Task<bool> CreateQueueIfNotExistsAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, QueueUri(queue));
        // 204: exists with the same metadata; 409: exists with other metadata. Either way it exists.
        var response = await _pipeline.SendAsync(message, cancellationToken, 409).ConfigureAwait(false);
        return response.Status == 201;
    }

    /// <summary>Deletes the queue and its messages; false when it did not exist.</summary>
    public async Task<bool> DeleteQueueIfExistsAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, QueueUri(queue));
        var response = await _pipeline.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>Adds a message (at most 64 KiB once encoded).</summary>
    /// <param name="visibilityDelay">Keep it invisible this long first (default: visible at once).</param>
    /// <param name="timeToLive">How long it lives (default 7 days; <see cref="Timeout.InfiniteTimeSpan"/> = never expires).</param>
    public async Task<SendReceipt> SendMessageAsync(
        string queue,
        string text,
        TimeSpan? visibilityDelay = null,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var message = _pipeline.CreateMessage(RequestMethod.Post, MessagesUri(queue));
        if (visibilityDelay is { } delay)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(delay));
        }

        if (timeToLive is { } ttl)
        {
            message.Request.Uri.AppendQuery("messagettl", ttl == Timeout.InfiniteTimeSpan ? "-1" : Seconds(ttl));
        }

        SetMessageBody(message.Request, text);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var sent = MessageElements(response).Single();
        return new SendReceipt(
            Required(sent, "MessageId"),
            Required(sent, "PopReceipt"),
            RequiredDate(sent, "InsertionTime"),
            RequiredDate(sent, "ExpirationTime"),
            RequiredDate(sent, "TimeNextVisible"));
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> messages, hiding each for <paramref name="visibilityTimeout"/> (default 30 s).</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(
        string queue,
        int maxMessages = 1,
        TimeSpan? visibilityTimeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxMessagesPerReceive);
        using var message = _pipeline.CreateMessage(RequestMethod.Get, MessagesUri(queue));
        message.Request.Uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture));
        if (visibilityTimeout is { } timeout)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(timeout));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return MessageElements(response)
            .Select(element =>
            {
                var (body, failed) = Decode(element.Element("MessageText")?.Value ?? string.Empty);
                return new QueueMessage(
                    Required(element, "MessageId"),
                    Required(element, "PopReceipt"),
                    body,
                    long.Parse(Required(element, "DequeueCount"), CultureInfo.InvariantCulture),
                    RequiredDate(element, "InsertionTime"),
                    RequiredDate(element, "ExpirationTime"),
                    RequiredDate(element, "TimeNextVisible"),
                    failed);
            })
            .ToList();
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> visible messages without receiving them.</summary>
    public async Task<IReadOnlyList<PeekedQueueMessage>> PeekMessagesAsync(
        string queue, int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxMessagesPerReceive);
        using var message = _pipeline.CreateMessage(RequestMethod.Get, MessagesUri(queue));
        message.Request.Uri.AppendQuery("peekonly", "true");
        message.Request.Uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return MessageElements(response)
            .Select(element =>
            {
                var (body, failed) = Decode(element.Element("MessageText")?.Value ?? string.Empty);
                return new PeekedQueueMessage(
                    Required(element, "MessageId"),
                    body,
                    long.Parse(Required(element, "DequeueCount"), CultureInfo.InvariantCulture),
                    RequiredDate(element, "InsertionTime"),
                    RequiredDate(element, "ExpirationTime"),
                    failed);
            })
            .ToList();
    }

    /// <summary>Deletes a received message; false when it is already gone (deleted, expired or the receipt is stale).</summary>
    public async Task<bool> DeleteMessageAsync(
        string queue, string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(popReceipt);
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, MessageUri(queue, messageId));
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        var response = await _pipeline.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>Changes how long a received message stays hidden (0 = visible now), optionally replacing its text.</summary>
    public async Task<UpdateReceipt> UpdateMessageAsync(
        string queue,
        string messageId,
        string popReceipt,
        TimeSpan visibilityTimeout,
        string? text = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(popReceipt);
        using var message = _pipeline.CreateMessage(RequestMethod.Put, MessageUri(queue, messageId));
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout));
        if (text is not null)
        {
            SetMessageBody(message.Request, text);
        }

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return new UpdateReceipt(
            StoragePipeline.GetHeader(response, "x-ms-popreceipt") ?? throw new InvalidDataException("The update answer has no pop receipt."),
            StoragePipeline.GetDateHeader(response, "x-ms-time-next-visible"));
    }

    /// <summary>The service's approximate count of messages (visible or not) in the queue.</summary>
    public async Task<int> GetApproximateMessageCountAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, QueueUri(queue));
        message.Request.Uri.AppendQuery("comp", "metadata");
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var count = StoragePipeline.GetHeader(response, "x-ms-approximate-messages-count")
            ?? throw new InvalidDataException("The metadata answer has no message count.");
        return int.Parse(count, CultureInfo.InvariantCulture);
    }

    /// <summary>Deletes every message in the queue.</summary>
    public async Task ClearMessagesAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, MessagesUri(queue));
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private Uri QueueUri(string queue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        return new Uri($"{_endpoint}/{Uri.EscapeDataString(queue)}");
    }

    private Uri MessagesUri(string queue) => new($"{QueueUri(queue).AbsoluteUri}/messages");

    private Uri MessageUri(string queue, string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        return new Uri($"{MessagesUri(queue).AbsoluteUri}/{Uri.EscapeDataString(messageId)}");
    }

    private void SetMessageBody(Request request, string text)
    {
        var wireText = MessageEncoding == QueueMessageEncoding.Base64
            ? Convert.ToBase64String(StrictUtf8.GetBytes(text))
            : text;
        var xml = new XElement("QueueMessage", new XElement("MessageText", wireText)).ToString(SaveOptions.DisableFormatting);
        request.Headers.SetValue("Content-Type", "application/xml");
        request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(xml));
    }

    private (string Body, bool Failed) Decode(string wireText)
    {
        if (MessageEncoding == QueueMessageEncoding.None)
        {
            return (wireText, false);
        }

        var buffer = new byte[wireText.Length];
        if (!Convert.TryFromBase64String(wireText, buffer, out var length))
        {
            return (wireText, true);
        }

        try
        {
            return (StrictUtf8.GetString(buffer, 0, length), false);
        }
        catch (DecoderFallbackException)
        {
            return (wireText, true);
        }
    }

    private static IEnumerable<XElement> MessageElements(Response response) =>
        StoragePipeline.ParseXml(response).Root?.Elements("QueueMessage") ?? [];

    private static string Required(XElement element, string name) =>
        element.Element(name)?.Value ?? throw new InvalidDataException($"The queue answer has no {name}.");

    private static DateTimeOffset RequiredDate(XElement element, string name) =>
        StoragePipeline.ParseDate(Required(element, name));

    private static string Seconds(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        return ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
