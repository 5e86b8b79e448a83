using Serverless.Learning.Text;

namespace Serverless.Learning.Classification;

/// <summary>
/// A small polarity lexicon (English and Chinese, written for this project; weights in [-1, 1]) used by
/// <see cref="SentimentModel"/> for words its training data never contained. English entries match whole normalized
/// words; a negator ("not", "never", "no", "dont"...) up to two words before flips the sign. Chinese entries match
/// inside CJK runs, longest first; 不/没/没有/别 right before an entry flips it.
/// </summary>
public sealed class SentimentLexicon
{
    private static readonly HashSet<string> EnglishNegators = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "cant", "cannot", "wont",
        "wouldnt", "couldnt", "shouldnt", "hardly", "without", "nothing",
    };

    private static readonly string[] ChineseNegators = ["没有", "不", "没", "别", "未"];

    private readonly Dictionary<string, double> _words;
    private readonly Dictionary<string, double> _cjk;
    private readonly int _longestCjk;

    public SentimentLexicon(IReadOnlyDictionary<string, double> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _words = new Dictionary<string, double>(StringComparer.Ordinal);
        _cjk = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (entry, weight) in entries)
        {
            if (weight is < -1 or > 1 || double.IsNaN(weight))
            {
                throw new ArgumentOutOfRangeException(nameof(entries), weight, $"The weight of '{entry}' must be in [-1, 1].");
            }

            var normalized = TextNormalizer.Normalize(entry);
            var tokens = TextTokenizer.Tokenize(normalized);
            if (tokens.Count == 1 && tokens[0].Script == TokenScript.Cjk)
            {
                _cjk[normalized] = weight;
                _longestCjk = Math.Max(_longestCjk, normalized.Length);
            }
            else if (tokens.Count == 1)
            {
                _words[normalized] = weight;
            }
            else
            {
                throw new ArgumentException($"Lexicon entry '{entry}' must be one word or one CJK run.", nameof(entries));
            }
        }
    }

    /// <summary>The built-in lexicon.</summary>
    public static SentimentLexicon Default { get; } = new(DefaultSentimentLexiconEntries.Entries);

    public int Count => _words.Count + _cjk.Count;

    /// <summary>
    /// The lexicon's matches in tokenized text, each with its (possibly negated) weight; <paramref name="include"/>
    /// selects which words may match (the model's unseen ones).
    /// </summary>
    public IReadOnlyList<double> Matches(IReadOnlyList<TextToken> tokens, Func<string, bool> include)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(include);
        var matches = new List<double>();
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Script == TokenScript.Word)
            {
                if (_words.TryGetValue(token.Text, out var weight) && include(token.Text))
                {
                    var negated = (t >= 1 && EnglishNegators.Contains(tokens[t - 1].Text))
                                  || (t >= 2 && EnglishNegators.Contains(tokens[t - 2].Text));
                    matches.Add(negated ? -weight : weight);
                }

                continue;
            }

            var text = token.Text;
            for (var i = 0; i < text.Length;)
            {
                var matched = 0;
                for (var length = Math.Min(_longestCjk, text.Length - i); length >= 1; length--)
                {
                    var candidate = text.Substring(i, length);
                    if (_cjk.TryGetValue(candidate, out var weight) && include(candidate))
                    {
                        var before = text[..i];
                        var negated = ChineseNegators.Any(n => before.EndsWith(n, StringComparison.Ordinal))
                                      && !ChineseNegators.Any(n => candidate.StartsWith(n, StringComparison.Ordinal));
                        matches.Add(negated ? -weight : weight);
                        matched = length;
                        break;
                    }
                }

                i += Math.Max(1, matched);
            }
        }

        return matches;
    }
}
