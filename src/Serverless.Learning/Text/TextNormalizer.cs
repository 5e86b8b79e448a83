using System.Globalization;
using System.Text;
using Serverless.Learning.Text.Unicode;

namespace Serverless.Learning.Text;

/// <summary>
/// Brings text to the form every text feature is computed from: Unicode NFKC (full-width letters and digits, ligatures,
/// compatibility ideographs become their plain forms), full case folding, punctuation and symbols replaced by a space
/// (an apostrophe inside a word is dropped, so "don't" and "dont" match), whitespace collapsed to single spaces.
/// CJK text keeps its characters; <see cref="TextTokenizer"/> splits it into characters.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The Unicode version of the normalization and case-folding tables.</summary>
    public static string UnicodeVersion => UnicodeTables.Version;

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Case folding can produce decomposed sequences (e.g. U+0130), so NFKC runs again after it.
        var folded = UnicodeNormalization.NormalizeKC(UnicodeNormalization.CaseFold(UnicodeNormalization.NormalizeKC(text)));
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (IsApostrophe(c) && i > 0 && i + 1 < folded.Length && char.IsLetter(folded[i - 1]) && char.IsLetter(folded[i + 1]))
            {
                continue;
            }

            if (IsSeparator(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static bool IsSeparator(char c)
    {
        if (char.IsWhiteSpace(c))
        {
            return true;
        }

        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol
                or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol
                or UnicodeCategory.Control or UnicodeCategory.Format => true,
            _ => false,
        };
    }
}
