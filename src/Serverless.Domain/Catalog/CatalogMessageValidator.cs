using Serverless.Domain.Validation;

namespace Serverless.Domain.Catalog;

/// <summary>The rules of a catalog message beyond its JSON shape (docs/contracts/catalog.schema.json).</summary>
public static class CatalogMessageValidator
{
    public const string CurrentSchemaVersion = "1";
    public const int MaxTitleLength = 512;
    public const int MaxLabelLength = 128;
    public const int MaxAttributes = 64;

    /// <summary>How far ahead of our clock an update may be stamped (a far-future stamp would freeze the product).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromDays(1);

    public static IReadOnlyList<ValidationError> Validate(CatalogMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var errors = new List<ValidationError>();

        void Add(string field, string? problem)
        {
            if (problem is not null)
            {
                errors.Add(new ValidationError(field, problem));
            }
        }

        if (message.SchemaVersion != CurrentSchemaVersion)
        {
            Add("schemaVersion", $"must be \"{CurrentSchemaVersion}\".");
        }

        var product = message.Product;
        if (product is null)
        {
            Add("product", "is required.");
            return errors;
        }

        Add("product.productId", IdentifierRules.Check(product.ProductId));
        Add("product.title", IdentifierRules.CheckText(product.Title, MaxTitleLength, required: true));
        Add("product.category", IdentifierRules.CheckText(product.Category, MaxLabelLength, required: false));
        Add("product.brand", IdentifierRules.CheckText(product.Brand, MaxLabelLength, required: false));
        if (product.Price is < 0)
        {
            Add("product.price", "must be at least 0.");
        }

        if (product.Currency is not null)
        {
            Add("product.currency", IdentifierRules.CheckCurrency(product.Currency));
        }

        if (product.Attributes is { Count: > MaxAttributes })
        {
            Add("product.attributes", $"must have at most {MaxAttributes} entries.");
        }

        if (product.UpdatedAt > now + MaxFutureSkew)
        {
            Add("product.updatedAt", $"must not be more than {MaxFutureSkew.TotalHours:0} hours in the future.");
        }
        else if (product.UpdatedAt == default)
        {
            Add("product.updatedAt", "is required.");
        }

        return errors;
    }
}
