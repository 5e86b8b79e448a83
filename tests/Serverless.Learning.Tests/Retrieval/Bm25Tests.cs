using Serverless.Learning.Retrieval;
using Serverless.Testing;
using Xunit;

namespace Serverless.Learning.Tests.Retrieval;

public sealed class Bm25Tests
{
    private static KnowledgePassage Passage(string id, string text) => new(id, string.Empty, string.Empty, text, "en");

    [Fact]
    public void Scores_match_the_hand_computed_formula()
    {
        // Terms after stop words: d0 = [refund, card, card] (3), d1 = [parcel, late] (2), d2 = [refund, parcel] (2).
        var index = new Bm25IndexBuilder(new Bm25IndexBuilder.Options { K1 = 1.2, B = 0.75 })
            .AddPassage(Passage("d0", "refund card card"))
            .AddPassage(Passage("d1", "parcel late"))
            .AddPassage(Passage("d2", "refund parcel"))
            .Build();

        var results = index.Search("refund card", top: 3);

        const double averageLength = 7.0 / 3;
        double Idf(int df) => Math.Log(1 + (3 - df + 0.5) / (df + 0.5));
        double Term(double idf, int tf, int length) => idf * tf * 2.2 / (tf + 1.2 * (1 - 0.75 + 0.75 * length / averageLength));
        var d0 = Term(Idf(2), 1, 3) + Term(Idf(1), 2, 3);
        var d2 = Term(Idf(2), 1, 2);
        Assert.Equal(["d0", "d2"], results.Select(r => r.Passage.ArticleId));
        Assert.Equal(d0, results[0].Score, 10);
        Assert.Equal(d2, results[1].Score, 10);
        Assert.Empty(index.Search("zebra"));
    }

    [Fact]
    public void Markdown_is_split_into_passages_under_their_headings()
    {
        const string markdown = "# Returns\n\n## Window\nReturn within **30 days**.\nUnused items only.\n\n- Print the [label](http://x).\n- Drop it off.\n\n## 退货\n三十天内可以退货。\n";

        var passages = MarkdownPassageSplitter.Split("returns", markdown);

        Assert.Equal(3, passages.Count);
        Assert.All(passages, p => Assert.Equal("Returns", p.ArticleTitle));
        Assert.Equal(("Window", "Return within 30 days. Unused items only.", "en"), (passages[0].Heading, passages[0].Text, passages[0].Language));
        Assert.Equal("Print the label. Drop it off.", passages[1].Text);
        Assert.Equal(("退货", "zh"), (passages[2].Heading, passages[2].Language));
    }

    [Theory]
    [InlineData("退款多久到账", "refunds", "zh")]
    [InlineData("我想修改收货地址", "shipping", "zh")]
    [InlineData("忘记密码怎么办", "account", "zh")]
    [InlineData("保修多久", "warranty", "zh")]
    [InlineData("how long does a refund take", "refunds", "en")]
    [InlineData("can I pay with paypal", "payment", "en")]
    [InlineData("how do I return an item", "returns", "en")]
    public void Finds_the_right_seed_article_in_english_and_chinese(string query, string article, string language)
    {
        var builder = new Bm25IndexBuilder();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs", "knowledge"), "*.md")
                     .Where(f => Path.GetFileName(f) != "README.md").Order(StringComparer.Ordinal))
        {
            builder.AddArticle(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file));
        }

        var best = builder.Build().Search(query, top: 1)[0];

        Assert.Equal(article, best.Passage.ArticleId);
        Assert.Equal(language, best.Passage.Language);
        Assert.True(best.Score > 0);
    }

    [Fact]
    public void Options_are_validated_with_their_names()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Bm25IndexBuilder(new Bm25IndexBuilder.Options { B = 2 }));
        Assert.Contains(nameof(Bm25IndexBuilder.Options.B), error.Message, StringComparison.Ordinal);
    }
}
