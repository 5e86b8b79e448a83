using Microsoft.Extensions.Options;
using Serverless.Application.Recommendations;
using Serverless.Domain.Catalog;
using Serverless.Learning.Retrieval;

namespace Serverless.Application.Support;

/// <summary>
/// Product questions: BM25 search over the catalog (title, category, brand and attribute values, Chinese by
/// character bigrams), answered with each match's title, price and stock as the catalog states them.
/// </summary>
public sealed class ProductSearchDialogue(CatalogViewProvider catalogs, IOptions<SupportOptions> options)
{
    private readonly SupportOptions _options = options.Value;
    private volatile ProductIndex? _index;

    public async Task<DialogueReply> RespondAsync(DialogueTurn turn, CancellationToken cancellationToken)
    {
        var catalog = await catalogs.GetAsync(cancellationToken);
        var index = _index;
        if (index is null || !ReferenceEquals(index.Catalog, catalog))
        {
            _index = index = new ProductIndex(catalog, Build(catalog));
        }

        var hits = index.Search.Search(turn.Message, _options.ProductsPerReply);
        if (hits.Count == 0)
        {
            return new DialogueReply(SupportReplies.NoProductFound(turn.Locale), [], [SupportActions.NoProductFound]);
        }

        var products = hits.Select(h => catalog.Find(h.Passage.ArticleId)!).ToList();
        var lines = products.Select(p => SupportReplies.Product(turn.Locale, p.Title, p.Price, p.Currency, p.InStock)).ToList();
        var text = SupportReplies.ProductsFound(turn.Locale, lines);
        return new DialogueReply(text, products.Select(p => SupportSources.Product(p.ProductId)).ToList(), [SupportActions.ProductSearch]) { Facts = lines };
    }

    private static Bm25Index Build(CatalogView catalog)
    {
        var builder = new Bm25IndexBuilder();
        foreach (var product in catalog.Products.OrderBy(p => p.ProductId, StringComparer.Ordinal))
        {
            builder.AddPassage(Passage(product));
        }

        return builder.Build();
    }

    private static KnowledgePassage Passage(Product product)
    {
        var heading = string.Join(' ', new[] { product.Category, product.Brand }.Where(v => !string.IsNullOrWhiteSpace(v)));
        var text = product.Attributes is null ? string.Empty : string.Join(' ', product.Attributes.Values);
        return new KnowledgePassage(product.ProductId, product.Title, heading, text, MarkdownPassageSplitter.LanguageOf(product.Title));
    }

    private sealed record ProductIndex(CatalogView Catalog, Bm25Index Search);
}
