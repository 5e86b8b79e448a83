using Serverless.Learning.Text;
using Xunit;

namespace Serverless.Learning.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("ＡＢＣ１２３", "abc123")] // full-width forms (NFKC)
    [InlineData("ﬁle", "file")] // ligature (NFKC)
    [InlineData("e\u0301te\u0301", "été")] // combining acute composed (canonical composition)
    [InlineData("\u212B", "å")] // Angstrom sign: singleton decomposition, then case folding
    [InlineData("①②", "12")] // circled digits (compatibility)
    [InlineData("ｶﾀｶﾅ", "カタカナ")] // half-width katakana
    [InlineData("한국어", "한국어")] // Hangul syllables survive decomposition and recomposition
    [InlineData("Straße", "strasse")] // full case folding
    [InlineData("HELLO, World!!", "hello world")]
    [InlineData("Don't  stop", "dont stop")] // apostrophe inside a word dropped
    [InlineData("你好，世界！", "你好 世界")] // CJK punctuation is a separator
    [InlineData("order\u3000#12345", "order 12345")] // ideographic space, symbols
    [InlineData("  ", "")]
    public void Normalizes_unicode_case_and_punctuation(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void Tokenizer_splits_where_the_script_changes_and_words_are_cjk_characters()
    {
        var tokens = TextTokenizer.Tokenize(TextNormalizer.Normalize("我的Order到哪了？"));

        Assert.Equal(
            [new TextToken("我的", TokenScript.Cjk), new TextToken("order", TokenScript.Word), new TextToken("到哪了", TokenScript.Cjk)],
            tokens);
        Assert.Equal(["我", "的", "order", "到", "哪", "了"], TextTokenizer.Words(tokens));
    }

    [Fact]
    public void A_supplementary_plane_ideograph_stays_one_word()
    {
        var tokens = TextTokenizer.Tokenize("𠀀好");

        Assert.Equal([new TextToken("𠀀好", TokenScript.Cjk)], tokens);
        Assert.Equal(["𠀀", "好"], TextTokenizer.Words(tokens));
    }
}
