using Serverless.Domain.Orders;
using Serverless.Domain.Validation;

namespace Serverless.Domain.Events;

/// <summary>
/// The contract rules of a behaviour event beyond its JSON shape (docs/contracts/event.schema.json): which fields each
/// type needs, id syntax, ranges, and a clock-skew limit. Field paths are camelCase as on the wire (<c>lines[0].quantity</c>).
/// </summary>
public static class BehaviorEventValidator
{
    /// <summary>How far in the future (producer clock ahead of ours) an event may claim to have happened.</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromDays(1);

    /// <summary>Older timestamps are almost always a default value sent by mistake.</summary>
    public static readonly DateTimeOffset EarliestOccurredAt = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const int MaxLines = 500;
    public const int MaxQuantity = 1_000_000;
    public const decimal MaxUnitPrice = 1_000_000_000m;
    public const int MaxQueryLength = 512;
    public const int MaxTextLength = 8_000;
    public const int MaxLabelLength = 128;
    public const int MaxProperties = 64;
    public const int MaxPropertyValueLength = 1_024;

    public static IReadOnlyList<ValidationError> Validate(BehaviorEvent e, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        var errors = new List<ValidationError>();

        void Add(string field, string? problem)
        {
            if (problem is not null)
            {
                errors.Add(new ValidationError(field, problem));
            }
        }

        if (e.SchemaVersion != BehaviorEvent.CurrentSchemaVersion)
        {
            Add("schemaVersion", $"must be \"{BehaviorEvent.CurrentSchemaVersion}\".");
        }

        Add("eventId", IdentifierRules.Check(e.EventId));
        Add("userId", IdentifierRules.Check(e.UserId));
        if (e.SessionId is not null)
        {
            Add("sessionId", IdentifierRules.Check(e.SessionId));
        }

        if (!Enum.IsDefined(e.Type))
        {
            Add("type", "is not a known event type.");
        }

        if (e.OccurredAt > now + MaxFutureSkew)
        {
            Add("occurredAt", $"must not be more than {MaxFutureSkew.TotalHours:0} hours in the future.");
        }
        else if (e.OccurredAt < EarliestOccurredAt)
        {
            Add("occurredAt", "must not be before 2000-01-01.");
        }

        Add("category", IdentifierRules.CheckText(e.Category, MaxLabelLength, required: false));
        Add("brand", IdentifierRules.CheckText(e.Brand, MaxLabelLength, required: false));
        ValidateProperties(e.Properties, Add);

        switch (e.Type)
        {
            case BehaviorEventType.View:
            case BehaviorEventType.Click:
                Add("productId", IdentifierRules.Check(e.ProductId));
                ValidateOptionalPrice(e.Price, Add);
                break;
            case BehaviorEventType.AddToCart:
            case BehaviorEventType.RemoveFromCart:
                Add("productId", IdentifierRules.Check(e.ProductId));
                if (e.Quantity is { } quantity && (quantity <= 0 || quantity > MaxQuantity))
                {
                    Add("quantity", $"must be between 1 and {MaxQuantity}.");
                }

                ValidateOptionalPrice(e.Price, Add);
                break;
            case BehaviorEventType.Search:
                Add("query", IdentifierRules.CheckText(e.Query, MaxQueryLength, required: true));
                break;
            case BehaviorEventType.Purchase:
                Add("orderId", IdentifierRules.Check(e.OrderId));
                Add("currency", IdentifierRules.CheckCurrency(e.Currency));
                if (e.Lines is null || e.Lines.Count == 0)
                {
                    Add("lines", "must contain at least one line.");
                }
                else
                {
                    ValidateLines(e.Lines, Add);
                }

                break;
            case BehaviorEventType.Refund:
                Add("orderId", IdentifierRules.Check(e.OrderId));
                if (e.Currency is not null)
                {
                    Add("currency", IdentifierRules.CheckCurrency(e.Currency));
                }

                if (e.Amount is { } amount && amount <= 0)
                {
                    Add("amount", "must be greater than 0.");
                }
                else if (e.Amount is null && (e.Lines is null || e.Lines.Count == 0))
                {
                    Add("amount", "is required (greater than 0) unless lines are given.");
                }

                if (e.Lines is { Count: > 0 })
                {
                    ValidateLines(e.Lines, Add);
                }

                break;
            case BehaviorEventType.Review:
                Add("productId", IdentifierRules.Check(e.ProductId));
                if (e.Rating is not (>= 1 and <= 5))
                {
                    Add("rating", "is required and must be between 1 and 5.");
                }

                Add("text", IdentifierRules.CheckText(e.Text, MaxTextLength, required: false));
                break;
            case BehaviorEventType.OrderStatus:
                Add("orderId", IdentifierRules.Check(e.OrderId));
                if (!OrderStatuses.IsKnown(e.Status))
                {
                    Add("status", $"must be one of {string.Join(", ", OrderStatuses.All)}.");
                }

                break;
        }

        return errors;
    }

    private static void ValidateOptionalPrice(decimal? price, Action<string, string?> add)
    {
        if (price is { } value && (value < 0 || value > MaxUnitPrice))
        {
            add("price", $"must be between 0 and {MaxUnitPrice}.");
        }
    }

    private static void ValidateLines(IReadOnlyList<OrderLine> lines, Action<string, string?> add)
    {
        if (lines.Count > MaxLines)
        {
            add("lines", $"must contain at most {MaxLines} lines.");
            return;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var prefix = $"lines[{i}]";
            if (line is null)
            {
                add(prefix, "must be an object.");
                continue;
            }

            add($"{prefix}.productId", IdentifierRules.Check(line.ProductId));
            if (line.Quantity <= 0 || line.Quantity > MaxQuantity)
            {
                add($"{prefix}.quantity", $"must be between 1 and {MaxQuantity}.");
            }

            if (line.UnitPrice < 0 || line.UnitPrice > MaxUnitPrice)
            {
                add($"{prefix}.unitPrice", $"must be between 0 and {MaxUnitPrice}.");
            }

            add($"{prefix}.category", IdentifierRules.CheckText(line.Category, MaxLabelLength, required: false));
            add($"{prefix}.brand", IdentifierRules.CheckText(line.Brand, MaxLabelLength, required: false));
        }
    }

    private static void ValidateProperties(IReadOnlyDictionary<string, string>? properties, Action<string, string?> add)
    {
        if (properties is null)
        {
            return;
        }

        if (properties.Count > MaxProperties)
        {
            add("properties", $"must have at most {MaxProperties} entries.");
            return;
        }

        foreach (var (key, value) in properties)
        {
            if (key.Length is 0 or > MaxLabelLength)
            {
                add("properties", $"keys must have 1 to {MaxLabelLength} characters.");
            }
            else if (value is null || value.Length > MaxPropertyValueLength)
            {
                add($"properties.{key}", $"must be a string of at most {MaxPropertyValueLength} characters.");
            }
        }
    }
}
