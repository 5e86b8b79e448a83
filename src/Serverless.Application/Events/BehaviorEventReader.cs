using System.Text.Json;
using Serverless.Application.Common;
using Serverless.Domain.Events;
using Serverless.Domain.Json;
using Serverless.Domain.Validation;

namespace Serverless.Application.Events;

/// <summary>
/// Reads one behaviour event from JSON (DomainJson shape) and reports shape problems with the path of the field,
/// so both the HTTP ingestion and the queue consumer can say exactly what is wrong.
/// </summary>
public static class BehaviorEventReader
{
    private static readonly string[] RequiredMembers = ["eventId", "userId", "type", "occurredAt"];
    private static readonly string[] RequiredLineMembers = ["productId", "quantity", "unitPrice"];

    /// <summary>The event, or null with at least one entry added to <paramref name="errors"/> (paths relative to the event).</summary>
    public static BehaviorEvent? Read(JsonElement element, ICollection<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError(string.Empty, "must be a JSON object."));
            return null;
        }

        var before = errors.Count;
        foreach (var name in RequiredMembers)
        {
            if (!JsonMembers.TryGet(element, name, out _))
            {
                errors.Add(new ValidationError(name, "is required."));
            }
        }

        if (JsonMembers.TryGet(element, "occurredAt", out var occurredAt) && occurredAt.ValueKind == JsonValueKind.String && !JsonMembers.HasUtcOffset(occurredAt.GetString()!))
        {
            errors.Add(new ValidationError("occurredAt", "must be an ISO 8601 date-time with a UTC offset (Z or +hh:mm)."));
        }

        if (JsonMembers.TryGet(element, "lines", out var lines) && lines.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var line in lines.EnumerateArray())
            {
                if (line.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new ValidationError($"lines[{index}]", "must be a JSON object."));
                }
                else
                {
                    foreach (var name in RequiredLineMembers.Where(n => !JsonMembers.TryGet(line, n, out _)))
                    {
                        errors.Add(new ValidationError($"lines[{index}].{name}", "is required."));
                    }
                }

                index++;
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        try
        {
            var behaviorEvent = element.Deserialize<BehaviorEvent>(DomainJson.Options);
            if (behaviorEvent is null)
            {
                errors.Add(new ValidationError(string.Empty, "must be a JSON object."));
            }

            return behaviorEvent;
        }
        catch (JsonException ex)
        {
            var field = JsonMembers.FieldOf(ex.Path);
            errors.Add(new ValidationError(field, MessageFor(field)));
            return null;
        }
    }

    /// <summary>Parses a whole message holding one event; shape errors are added to <paramref name="errors"/>.</summary>
    public static BehaviorEvent? Read(string json, ICollection<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement, errors);
        }
        catch (JsonException ex)
        {
            errors.Add(new ValidationError(string.Empty, $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine})."));
            return null;
        }
    }

    private static string MessageFor(string field) => field switch
    {
        "type" => $"must be one of {string.Join(", ", Enum.GetValues<BehaviorEventType>().Select(t => t.WireName()))}.",
        "occurredAt" => "must be an ISO 8601 date-time with a UTC offset.",
        "properties" => "must be an object whose values are strings.",
        _ => "has a value of the wrong type or format.",
    };
}
