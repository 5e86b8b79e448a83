namespace Serverless.Learning.Text;

/// <summary>
/// Splits normalized text (<see cref="TextNormalizer"/>) into tokens: space-separated words, with a boundary wherever
/// the script changes between CJK and other letters ("我的order" gives "我的" and "order"). CJK runs are kept whole
/// as <see cref="TokenScript.Cjk"/> tokens; features treat their characters as the words, so Chinese needs no segmenter.
/// </summary>
public static class TextTokenizer
{
    public static IReadOnlyList<TextToken> Tokenize(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var tokens = new List<TextToken>();
        var start = -1;
        var startIsCjk = false;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var atEnd = i == normalized.Length;
            var c = atEnd ? ' ' : normalized[i];
            var isSpace = c == ' ' || char.IsWhiteSpace(c);
            // A low surrogate belongs to the token of its high surrogate.
            var isCjk = !isSpace && (char.IsLowSurrogate(c) && start >= 0 ? startIsCjk : IsCjk(c));
            if (start >= 0 && (isSpace || isCjk != startIsCjk))
            {
                tokens.Add(new TextToken(normalized[start..i], startIsCjk ? TokenScript.Cjk : TokenScript.Word));
                start = -1;
            }

            if (!isSpace && start < 0)
            {
                start = i;
                startIsCjk = isCjk;
            }
        }

        return tokens;
    }

    /// <summary>The words of the text for word n-grams: non-CJK tokens as they are, CJK tokens one word per character.</summary>
    public static IReadOnlyList<string> Words(IReadOnlyList<TextToken> tokens)
    {
        var words = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Script == TokenScript.Cjk)
            {
                foreach (var rune in token.Text.EnumerateRunes())
                {
                    words.Add(rune.ToString());
                }
            }
            else
            {
                words.Add(token.Text);
            }
        }

        return words;
    }

    /// <summary>CJK ideographs (unified, extension A, compatibility, and the high surrogates of planes 2-3), kana, 々〆〇.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF'
            or >= '\u3400' and <= '\u4DBF'
            or >= '\uF900' and <= '\uFAFF'
            or >= '\u3040' and <= '\u30FF'
            or >= '\u3005' and <= '\u3007'
            or >= '\uD840' and <= '\uD87F'; // high surrogates of planes 2-3 (CJK extensions B-H)
}
