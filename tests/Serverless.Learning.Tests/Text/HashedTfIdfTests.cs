using Serverless.Learning.Text;
using Xunit;

namespace Serverless.Learning.Tests.Text;

public sealed class HashedTfIdfTests
{
    private static readonly string[] Corpus = ["a b", "a c", "a a b"];

    private static HashedTfIdfModel WordsOnly(bool sublinear) => new HashedTfIdfTrainer(new HashedTfIdfTrainer.Options
    {
        MaximumWordNgramLength = 1,
        MaximumCharacterNgramLength = 0,
        SublinearTermFrequency = sublinear,
    }).Fit(Corpus);

    private static double Idf(int documentFrequency) => Math.Log((1.0 + 3) / (1.0 + documentFrequency)) + 1;

    [Fact]
    public void Raw_term_frequency_times_smoothed_idf_then_l2()
    {
        var vector = WordsOnly(sublinear: false).Transform("a a b");

        // a: tf 2, df 3; b: tf 1, df 2.
        double a = 2 * Idf(3), b = 1 * Idf(2), norm = Math.Sqrt(a * a + b * b);
        Assert.Equal([a / norm, b / norm], vector.Values.Select(v => (double)v).OrderDescending(), new Tolerance(1e-6));
    }

    [Fact]
    public void Sublinear_term_frequency_uses_one_plus_log_count()
    {
        var vector = WordsOnly(sublinear: true).Transform("c c c b");

        // c: 1 + ln 3, df 1; b: 1, df 2.
        double c = (1 + Math.Log(3)) * Idf(1), b = Idf(2), norm = Math.Sqrt(c * c + b * b);
        Assert.Equal([c / norm, b / norm], vector.Values.Select(v => (double)v).OrderDescending(), new Tolerance(1e-6));
    }

    [Fact]
    public void Unseen_ngrams_are_dropped()
    {
        var model = WordsOnly(sublinear: true);

        Assert.Equal(0, model.Transform("zebra").Count);
        Assert.Equal(1, model.Transform("zebra a").Count);
        Assert.True(model.IsKnownWord("a"));
        Assert.False(model.IsKnownWord("zebra"));
    }

    [Fact]
    public void Word_and_character_blocks_are_each_unit_length()
    {
        var model = new HashedTfIdfTrainer().Fit(["where is my order", "my parcel is late", "我的订单到哪了"]);

        var vector = model.Transform("where is my parcel 订单");
        double words = 0, characters = 0;
        for (var i = 0; i < vector.Count; i++)
        {
            if (vector.Indices[i] < model.WordFeatureCount)
            {
                words += vector.Values[i] * vector.Values[i];
            }
            else
            {
                characters += vector.Values[i] * vector.Values[i];
            }
        }

        Assert.Equal(1.0, words, 5);
        Assert.Equal(1.0, characters, 5);
        Assert.Equal(model.TransformAll(["where is my parcel 订单"])[0].Values, vector.Values);
    }

    [Fact]
    public void Chinese_gets_character_ngrams_without_a_segmenter()
    {
        var model = new HashedTfIdfTrainer(new HashedTfIdfTrainer.Options { MaximumWordNgramLength = 0 }).Fit(["我要退款"]);

        // Padded " 我要退款 " (6 characters) has 5 bigrams, 4 trigrams, 3 four-grams and 2 five-grams.
        Assert.Equal(5 + 4 + 3 + 2, model.FeatureCount);
        Assert.Equal(model.FeatureCount, model.Transform("我要退款").Count);
    }

    [Fact]
    public void Options_are_validated_with_their_names()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HashedTfIdfTrainer(new HashedTfIdfTrainer.Options { HashBits = 40 }));
        Assert.Contains(nameof(HashedTfIdfTrainer.Options.HashBits), error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new HashedTfIdfTrainer(new HashedTfIdfTrainer.Options
        {
            MaximumWordNgramLength = 0,
            MaximumCharacterNgramLength = 0,
        }));
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
