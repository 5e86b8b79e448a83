using System.Text.Json;
using Microsoft.Extensions.Logging;
using Serverless.Application.Common;
using Serverless.Domain.Catalog;
using Serverless.Domain.Json;
using Serverless.Domain.Ports;
using Serverless.Domain.Validation;

namespace Serverless.Application.Catalog;

/// <summary>
/// Consumes one message of the <c>catalog</c> queue: a product upsert, applied last-writer-wins by
/// <see cref="Product.UpdatedAt"/> with an ETag-guarded read-modify-write, so late or repeated messages change nothing.
/// </summary>
public sealed class ProcessCatalogMessageHandler(
    ICatalogRepository catalog,
    TimeProvider timeProvider,
    ILogger<ProcessCatalogMessageHandler> logger)
{
    private static readonly string[] RequiredProductMembers = ["productId", "title", "updatedAt"];

    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var product = Parse(message);
        for (var attempt = 1; attempt <= OptimisticConcurrency.MaxAttempts; attempt++)
        {
            var stored = await catalog.GetAsync(product.ProductId, cancellationToken);
            if (!ProductVersioning.Supersedes(product, stored?.Value))
            {
                logger.LogInformation("Skipped stale update of {ProductId} stamped {UpdatedAt}", product.ProductId, product.UpdatedAt);
                return;
            }

            if (await catalog.TrySaveAsync(product, stored?.ETag, cancellationToken) is not null)
            {
                logger.LogInformation("Upserted {ProductId} stamped {UpdatedAt}", product.ProductId, product.UpdatedAt);
                return;
            }

            await OptimisticConcurrency.BackoffAsync(attempt, cancellationToken);
        }

        throw new ConcurrencyConflictException($"Product {product.ProductId} kept changing for {OptimisticConcurrency.MaxAttempts} attempts.");
    }

    private Product Parse(string message)
    {
        var errors = new List<ValidationError>();
        var parsed = Read(message ?? string.Empty, errors);
        if (parsed is not null)
        {
            errors.AddRange(CatalogMessageValidator.Validate(parsed, timeProvider.GetUtcNow()));
        }

        if (errors.Count > 0)
        {
            var reason = $"Invalid catalog message: {errors.Describe()}";
            logger.LogWarning("Rejected catalog message: {Reason}", reason);
            throw new PermanentMessageException(reason);
        }

        return parsed!.Product;
    }

    private static CatalogMessage? Read(string message, List<ValidationError> errors)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ValidationError(string.Empty, "must be a JSON object."));
                return null;
            }

            if (!JsonMembers.TryGet(root, "product", out var product) || product.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ValidationError("product", "is required and must be an object."));
                return null;
            }

            foreach (var name in RequiredProductMembers.Where(n => !JsonMembers.TryGet(product, n, out _)))
            {
                errors.Add(new ValidationError($"product.{name}", "is required."));
            }

            if (JsonMembers.TryGet(product, "updatedAt", out var updatedAt) && updatedAt.ValueKind == JsonValueKind.String && !JsonMembers.HasUtcOffset(updatedAt.GetString()!))
            {
                errors.Add(new ValidationError("product.updatedAt", "must be an ISO 8601 date-time with a UTC offset (Z or +hh:mm)."));
            }

            if (errors.Count > 0)
            {
                return null;
            }

            try
            {
                return root.Deserialize<CatalogMessage>(DomainJson.Options);
            }
            catch (JsonException ex)
            {
                errors.Add(new ValidationError(JsonMembers.FieldOf(ex.Path), "has a value of the wrong type or format."));
                return null;
            }
        }
        catch (JsonException ex)
        {
            errors.Add(new ValidationError(string.Empty, $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine})."));
            return null;
        }
    }
}
