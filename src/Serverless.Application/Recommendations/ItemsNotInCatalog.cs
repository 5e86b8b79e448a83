namespace Serverless.Application.Recommendations;

/// <summary>What serving does with an item the model knows but the catalog does not (setting <c>Recommendations:ItemsNotInCatalog</c>).</summary>
public enum ItemsNotInCatalog
{
    /// <summary>
    /// The default: never recommend it once the catalog holds any product (it may be discontinued, and there is no
    /// title, price or stock to show); while the catalog is empty (no feed connected yet, as in the sample replay),
    /// recommend it as if in stock.
    /// </summary>
    ExcludeUnlessCatalogEmpty,

    /// <summary>Never recommend it.</summary>
    Exclude,

    /// <summary>Always recommend it as if in stock.</summary>
    Include,
}
