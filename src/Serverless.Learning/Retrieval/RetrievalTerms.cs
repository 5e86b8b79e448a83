using Serverless.Learning.Text;

namespace Serverless.Learning.Retrieval;

/// <summary>
/// The index terms of a text for BM25: normalized words (<see cref="TextNormalizer"/>) except a short list of English
/// function words, a light English plural/inflection folding ("returns", "returned" → "return"), and for CJK runs
/// every character bigram plus the single characters that are not function characters, so Chinese matches without a
/// word segmenter.
/// </summary>
public static class RetrievalTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "is", "are", "was", "be", "it", "its", "i", "my", "me",
        "you", "your", "we", "our", "us", "do", "does", "did", "can", "could", "would", "will", "how", "what", "when", "where",
        "which", "who", "this", "that", "with", "at", "by", "from", "as", "if", "have", "has", "had", "am", "so", "not",
        "please", "there", "they", "them", "about", "want", "need", "get",
        "的", "了", "吗", "呢", "吧", "啊", "我", "你", "您", "是", "在", "有", "和", "就", "也", "都", "要", "请", "怎", "么", "么",
    };

    public static IReadOnlyList<string> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        foreach (var token in TextTokenizer.Tokenize(TextNormalizer.Normalize(text)))
        {
            if (token.Script == TokenScript.Word)
            {
                if (!StopWords.Contains(token.Text))
                {
                    terms.Add(Stem(token.Text));
                }

                continue;
            }

            var characters = token.Text.EnumerateRunes().Select(r => r.ToString()).ToArray();
            for (var i = 0; i < characters.Length; i++)
            {
                if (!StopWords.Contains(characters[i]))
                {
                    terms.Add(characters[i]);
                }

                if (i + 1 < characters.Length)
                {
                    terms.Add(characters[i] + characters[i + 1]);
                }
            }
        }

        return terms;
    }

    private static string Stem(string word)
    {
        if (word.Length <= 4 || !word.All(char.IsAsciiLetterLower))
        {
            return word;
        }

        foreach (var suffix in (ReadOnlySpan<string>)["ies", "ing", "ed", "es", "s"])
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 3)
            {
                var stem = word[..^suffix.Length];
                return suffix == "ies" ? stem + "y" : stem;
            }
        }

        return word;
    }
}
