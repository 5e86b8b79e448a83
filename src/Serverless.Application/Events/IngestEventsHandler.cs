using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Common;
using Serverless.Application.Hosting;
using Serverless.Domain.Events;
using Serverless.Domain.Json;
using Serverless.Domain.Ports;
using Serverless.Domain.Validation;

namespace Serverless.Application.Events;

/// <summary>
/// POST /api/events: accepts one event object or a JSON array of events, validates all of them (all or nothing) and
/// queues each as its own message on <c>events</c> (or the queue the <c>EventsQueueName</c> setting names, so that
/// <c>ProcessEvent</c> reads it). Processing is asynchronous; duplicates are harmless.
/// </summary>
public sealed class IngestEventsHandler(
    IMessagePublisher publisher,
    IOptions<IngestionOptions> options,
    TimeProvider timeProvider,
    ILogger<IngestEventsHandler> logger,
    ConfiguredQueueNames? queueNames = null)
{
    /// <summary>Enough to fix a request without flooding the response.</summary>
    private const int MaxReportedErrors = 100;

    private readonly IngestionOptions _options = options.Value;

    private readonly string _eventsQueue = queueNames?.For(FunctionNames.ProcessEvent) ?? QueueNames.Events;

    public async Task<HandlerResult<IngestResponse>> HandleAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!JsonRequestBody.IsJson(request.ContentType))
        {
            return Problem.UnsupportedMediaType("The body must be application/json (UTF-8).");
        }

        if (request.ContentLength > _options.MaxBodyBytes)
        {
            return Problem.PayloadTooLarge("body", $"The body must be at most {_options.MaxBodyBytes} bytes.");
        }

        var body = await JsonRequestBody.ReadLimitedAsync(request.Body, _options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problem.PayloadTooLarge("body", $"The body must be at most {_options.MaxBodyBytes} bytes.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return Problem.Validation([new FieldError("body", $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}).")]);
        }

        using (document)
        {
            var (events, errors) = ReadEvents(document.RootElement);
            if (errors.Count > 0)
            {
                logger.LogInformation("Rejected an ingestion request with {ErrorCount} invalid fields", errors.Count);
                return Problem.Validation(errors.Take(MaxReportedErrors).ToList());
            }

            await Parallel.ForEachAsync(
                events,
                new ParallelOptions { MaxDegreeOfParallelism = _options.PublishParallelism, CancellationToken = cancellationToken },
                async (behaviorEvent, ct) => await publisher.PublishAsync(_eventsQueue, behaviorEvent, ct));

            logger.LogInformation("Queued {EventCount} events", events.Count);
            return HandlerResult<IngestResponse>.Accepted(new IngestResponse(events.Count, events.Select(e => e.EventId).ToList()));
        }
    }

    private (List<BehaviorEvent> Events, List<FieldError> Errors) ReadEvents(JsonElement root)
    {
        var events = new List<BehaviorEvent>();
        var errors = new List<FieldError>();
        var now = timeProvider.GetUtcNow();
        if (root.ValueKind == JsonValueKind.Array)
        {
            var count = root.GetArrayLength();
            if (count == 0)
            {
                errors.Add(new FieldError("body", "must contain at least one event."));
            }
            else if (count > _options.MaxBatchSize)
            {
                errors.Add(new FieldError("body", $"must contain at most {_options.MaxBatchSize} events."));
            }
            else
            {
                var index = 0;
                foreach (var element in root.EnumerateArray())
                {
                    ReadOne(element, $"[{index}]", now, events, errors);
                    index++;
                }
            }
        }
        else
        {
            ReadOne(root, string.Empty, now, events, errors);
        }

        return (events, errors);
    }

    private static void ReadOne(JsonElement element, string prefix, DateTimeOffset now, List<BehaviorEvent> events, List<FieldError> errors)
    {
        var problems = new List<ValidationError>();
        var behaviorEvent = BehaviorEventReader.Read(element, problems);
        if (behaviorEvent is not null)
        {
            problems.AddRange(BehaviorEventValidator.Validate(behaviorEvent, now));
            if (problems.Count == 0 && JsonSerializer.SerializeToUtf8Bytes(behaviorEvent, DomainJson.Options).Length > IngestionOptions.MaxEventBytes)
            {
                problems.Add(new ValidationError(string.Empty, $"is larger than {IngestionOptions.MaxEventBytes} bytes as JSON, too large for a queue message."));
            }
        }

        if (problems.Count > 0)
        {
            errors.AddRange(problems.ToFieldErrors(prefix));
        }
        else
        {
            events.Add(behaviorEvent!);
        }
    }
}
