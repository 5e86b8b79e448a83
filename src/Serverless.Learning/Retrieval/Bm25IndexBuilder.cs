namespace Serverless.Learning.Retrieval;

/// <summary>Builds a <see cref="Bm25Index"/> from Markdown articles or ready passages.</summary>
public sealed class Bm25IndexBuilder
{
    private readonly Options _options;
    private readonly List<KnowledgePassage> _passages = [];

    public Bm25IndexBuilder(Options? options = null)
    {
        _options = options ?? new Options();
        if (!(_options.K1 >= 0) || double.IsInfinity(_options.K1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.K1, $"{nameof(Options.K1)} must be a finite number >= 0.");
        }

        if (_options.B is < 0 or > 1 || double.IsNaN(_options.B))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.B, $"{nameof(Options.B)} must be in [0, 1].");
        }
    }

    /// <summary>Adds the passages of one Markdown article (<see cref="MarkdownPassageSplitter"/>).</summary>
    public Bm25IndexBuilder AddArticle(string articleId, string markdown)
    {
        _passages.AddRange(MarkdownPassageSplitter.Split(articleId, markdown));
        return this;
    }

    public Bm25IndexBuilder AddPassage(KnowledgePassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        _passages.Add(passage);
        return this;
    }

    public Bm25Index Build() => new(_options, _passages.ToArray());

    /// <summary>BM25 parameters: k1 (term-frequency saturation, default 1.2) and b (length normalization, default 0.75).</summary>
    public sealed class Options
    {
        public double K1 { get; init; } = 1.2;

        public double B { get; init; } = 0.75;
    }
}
