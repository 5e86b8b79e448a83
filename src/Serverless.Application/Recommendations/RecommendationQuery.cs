using Serverless.Application.Common;
using Serverless.Domain.Validation;

namespace Serverless.Application.Recommendations;

/// <summary>Validation of the serving endpoints' query parameters, each error naming its parameter.</summary>
public static class RecommendationQuery
{
    public const int MaxCategoryLength = 200;

    /// <summary>The count to serve: the default when absent, an error when outside 1..MaxCount.</summary>
    public static int Count(int? count, RecommendationOptions options, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (count is null)
        {
            return options.DefaultCount;
        }

        if (count < 1 || count > options.MaxCount)
        {
            errors.Add(new FieldError("count", $"must be between 1 and {options.MaxCount}."));
        }

        return count.Value;
    }

    /// <summary>home, product or cart (case-insensitive); absent means product when a productId is given, else home.</summary>
    public static RecommendationContext Context(string? context, string? productId, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(context))
        {
            return string.IsNullOrEmpty(productId) ? RecommendationContext.Home : RecommendationContext.Product;
        }

        // Names only: Enum.TryParse would also accept "1" or "home,cart".
        foreach (var value in Enum.GetValues<RecommendationContext>())
        {
            if (string.Equals(value.ToString(), context, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        errors.Add(new FieldError("context", "must be one of home, product, cart."));
        return RecommendationContext.Home;
    }

    /// <summary>The product of context product (required there, refused elsewhere).</summary>
    public static string? ProductId(string? productId, RecommendationContext context, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(productId))
        {
            if (context == RecommendationContext.Product)
            {
                errors.Add(new FieldError("productId", "is required with context=product."));
            }

            return null;
        }

        if (context != RecommendationContext.Product)
        {
            errors.Add(new FieldError("productId", "is only used with context=product."));
            return null;
        }

        if (IdentifierRules.Check(productId) is { } problem)
        {
            errors.Add(new FieldError("productId", problem));
            return null;
        }

        return productId;
    }

    public static string? Category(string? category, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(category))
        {
            return null;
        }

        if (category.Length > MaxCategoryLength || category.Any(char.IsControl))
        {
            errors.Add(new FieldError("category", $"must be at most {MaxCategoryLength} characters without control characters."));
            return null;
        }

        return category.Trim();
    }

    /// <summary>Known to the catalog, the model or the popularity lists.</summary>
    public static bool IsKnownProduct(string productId, ServingModel serving, CatalogView catalog)
    {
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Find(productId) is not null
            || serving.Model?.Contains(productId) == true
            || serving.Popularity.ItemCategories.ContainsKey(productId)
            || serving.Popularity.Popular.Any(item => item.ItemId == productId);
    }
}
