using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Domain.Events;
using Serverless.Domain.Json;

namespace Serverless.Cli.Http;

/// <summary>
/// Posts events to a running host's <c>POST /api/events</c> as JSON arrays in batches (by count and body size).
/// 408, 429, 5xx, timeouts and connection failures are retried with doubling back-off (or the server's Retry-After);
/// re-sending a batch is safe because the backend ignores event ids it has already seen. Any other 4xx stops the run
/// with the server's problem details in the exception message.
/// </summary>
public sealed class EventPoster
{
    public const string FunctionKeyHeader = "x-functions-key";

    private readonly HttpClient _httpClient;
    private readonly EventPosterOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Uri _eventsUri;

    public EventPoster(
        HttpClient httpClient, EventPosterOptions options, TimeProvider? timeProvider = null, ILogger<EventPoster>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        if (options.BatchSize is < 1 or > EventPosterOptions.MaxApiBatchSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.BatchSize, $"BatchSize must be between 1 and {EventPosterOptions.MaxApiBatchSize}.");
        }

        if (options.MaxAttempts < 1 || options.MaxBodyBytes < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxAttempts must be at least 1 and MaxBodyBytes at least 2.");
        }

        _httpClient = httpClient;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _eventsUri = EventsUri(options.BaseAddress);
    }

    /// <summary>{base}/api/events, whether or not the base address ends with a slash.</summary>
    public static Uri EventsUri(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var text = baseAddress.AbsoluteUri;
        return new Uri(new Uri(text.EndsWith('/') ? text : text + "/"), "api/events");
    }

    public async Task<EventPostReport> PostAsync(
        IEnumerable<BehaviorEvent> events, IProgress<EventPostProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var started = _timeProvider.GetTimestamp();
        var batches = 0;
        var sent = 0;
        var accepted = 0;
        var retries = 0;

        void OnRetry()
        {
            retries++;
            progress?.Report(new EventPostProgress(batches, sent, retries));
        }

        foreach (var batch in EventBatches.Split(events, _options.BatchSize, _options.MaxBodyBytes, cancellationToken))
        {
            accepted += await SendWithRetriesAsync(batch, batches + 1, sent, OnRetry, cancellationToken).ConfigureAwait(false);
            batches++;
            sent += batch.Count;
            progress?.Report(new EventPostProgress(batches, sent, retries));
        }

        return new EventPostReport(batches, sent, accepted, retries, _timeProvider.GetElapsedTime(started));
    }

    private async Task<int> SendWithRetriesAsync(
        IReadOnlyList<byte[]> batch, int batchNumber, int eventsBefore, Action onRetry, CancellationToken cancellationToken)
    {
        var body = EventBatches.ToJsonArray(batch);
        var describe = $"batch {batchNumber} (events {eventsBefore + 1}..{eventsBefore + batch.Count})";
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string failure;
            int? status = null;
            string? responseBody = null;
            Exception? error = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _eventsUri) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                if (!string.IsNullOrEmpty(_options.FunctionKey))
                {
                    request.Headers.Add(FunctionKeyHeader, _options.FunctionKey);
                }

                using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
                responseBody = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return AcceptedCount(responseBody) ?? batch.Count;
                }

                failure = $"POST {_eventsUri} answered {status} {response.ReasonPhrase} for {describe}: {ProblemText(responseBody)}";
                if (!IsRetryable(response.StatusCode))
                {
                    if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    {
                        failure += " Check --key or the SERVERLESS_FUNCTION_KEY environment variable.";
                    }

                    throw new EventPostException(failure, batchNumber, status, responseBody);
                }

                retryAfter = RetryAfter(response.Headers.RetryAfter);
            }
            catch (HttpRequestException ex)
            {
                error = ex;
                failure = $"POST {_eventsUri} failed for {describe}: {ex.Message}";
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                error = ex;
                failure = $"POST {_eventsUri} timed out for {describe}.";
            }

            if (attempt >= _options.MaxAttempts)
            {
                throw new EventPostException(
                    $"Gave up after {attempt} attempts. Last error: {failure}", batchNumber, status, responseBody, error);
            }

            var delay = Backoff(attempt, retryAfter);
            _logger.LogWarning(
                "Attempt {Attempt} of {BatchNumber} failed ({Failure}); retrying in {DelayMs} ms",
                attempt, batchNumber, failure, (int)delay.TotalMilliseconds);
            onRetry();
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var doubling = _options.InitialBackoff * Math.Pow(2, Math.Min(attempt - 1, 20));
        var delay = retryAfter ?? doubling;
        return delay > _options.MaxBackoff ? _options.MaxBackoff : delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _timeProvider.GetUtcNow(),
        _ => null,
    };

    private static int? AcceptedCount(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("accepted", out var accepted)
                   && accepted.TryGetInt32(out var count)
                ? count
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Title, detail and field errors of an RFC 7807 body; the raw text (shortened) for anything else.</summary>
    internal static string ProblemText(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(empty body)";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && (root.TryGetProperty("title", out _) || root.TryGetProperty("detail", out _)))
            {
                var text = new StringBuilder();
                foreach (var name in new[] { "title", "detail" })
                {
                    if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        text.Append(text.Length > 0 ? " " : string.Empty).Append(value.GetString());
                    }
                }

                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in errors.EnumerateObject())
                    {
                        var messages = field.Value.ValueKind == JsonValueKind.Array
                            ? string.Join("; ", field.Value.EnumerateArray().Select(m => m.ToString()))
                            : field.Value.ToString();
                        text.Append(Environment.NewLine).Append("  ").Append(field.Name).Append(": ").Append(messages);
                    }
                }

                return text.ToString();
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the raw text.
        }

        return body.Length <= 2000 ? body : body[..2000] + "...";
    }
}
