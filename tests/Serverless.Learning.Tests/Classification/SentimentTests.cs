using Serverless.Learning.Classification;
using Serverless.Learning.Text;
using Xunit;

namespace Serverless.Learning.Tests.Classification;

public sealed class SentimentTests
{
    private static readonly Lazy<SentimentModel> Yelp = new(() => new SentimentClassifierTrainer().Fit(TextSamples.YelpSentences()));

    [Fact]
    public void Scores_real_review_language_on_both_sides_of_zero()
    {
        var model = Yelp.Value;

        var positive = model.Score("The food was delicious and the staff were friendly, loved it.");
        var negative = model.Score("Terrible service, the worst meal I have had, never again.");

        Assert.InRange(positive.Value, 0.2, 1);
        Assert.InRange(negative.Value, -1, -0.2);
        Assert.True(positive.KnownWordShare > 0.8);
    }

    [Fact]
    public void Chinese_falls_back_to_the_lexicon_with_negation()
    {
        var model = Yelp.Value; // trained on English only: every Chinese character is unseen

        var angry = model.Score("服务太差了，我很生气！");
        var happy = model.Score("非常满意，谢谢你们");
        var notGood = model.Score("不好");

        Assert.True(angry.Value <= -0.7, $"{angry}");
        Assert.True(happy.Value >= 0.5, $"{happy}"); // one character hashes onto a bucket of the English vocabulary
        Assert.Equal(-0.7, notGood.Value, 6);
        Assert.Equal(0, angry.KnownWordShare);
        Assert.Equal(0, model.Score("今天星期三").Value);
    }

    [Fact]
    public void Unseen_english_words_are_filled_in_by_the_lexicon()
    {
        var lexicon = SentimentLexicon.Default;
        var tokens = TextTokenizer.Tokenize(TextNormalizer.Normalize("This is not awesome"));

        Assert.Equal([-1.0], lexicon.Matches(tokens, _ => true));
        Assert.Empty(lexicon.Matches(tokens, _ => false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SentimentLexicon(new Dictionary<string, double> { ["good"] = 2 }));
    }

    [Fact]
    public void Round_trip_keeps_the_scores()
    {
        using var stream = new MemoryStream();
        Yelp.Value.Save(stream);
        stream.Position = 0;

        var loaded = SentimentModel.Load(stream);

        foreach (var text in new[] { "great pizza", "slow and rude", "服务太差了" })
        {
            Assert.Equal(Yelp.Value.Score(text), loaded.Score(text));
        }
    }
}
