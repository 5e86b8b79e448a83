using Serverless.Learning.Classification;
using Xunit;

namespace Serverless.Learning.Tests.Classification;

public sealed class SentimentBlendTests
{
    [Fact]
    public void The_lexicon_scores_the_mean_of_its_matches_at_half_strength_for_a_single_word()
    {
        var lexicon = SentimentLexicon.Default;

        Assert.Null(SentimentBlend.Lexicon("what payment methods do you accept", lexicon));
        Assert.Equal(-0.5, SentimentBlend.Lexicon("this is terrible", lexicon)!.Value, 6);
        Assert.Equal(-1.0, SentimentBlend.Lexicon("terrible and awful", lexicon)!.Value, 6);
        Assert.Equal(-0.35, SentimentBlend.Lexicon("not good", lexicon)!.Value, 6);
    }

    [Fact]
    public void The_model_counts_at_its_weight_times_the_share_of_words_it_knows()
    {
        var sure = new SentimentScore(0, ModelPositiveProbability: 0.1, KnownWordShare: 1.0, LexiconMatches: 0); // model score -0.8
        var halfKnown = sure with { KnownWordShare = 0.5 };

        Assert.Equal(0.0, SentimentBlend.Combine(null, null, 0.35), 6);
        Assert.Equal(-0.5, SentimentBlend.Combine(null, -0.5, 0.35), 6);
        Assert.Equal(-0.28, SentimentBlend.Combine(sure, null, 0.35), 6);
        Assert.Equal((0.35 * -0.8) + (0.65 * 0.5), SentimentBlend.Combine(sure, 0.5, 0.35), 6);
        Assert.Equal((0.175 * -0.8) + (0.825 * 0.5), SentimentBlend.Combine(halfKnown, 0.5, 0.35), 6);
        Assert.Equal(-0.8, SentimentBlend.Combine(sure, 0.9, 1.0), 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => SentimentBlend.Combine(sure, 0.5, 1.5));
    }
}
