namespace Serverless.Learning.Retrieval;

/// <summary>
/// An immutable BM25 index over knowledge passages (Robertson &amp; Zaragoza 2009). The score of passage d for query q is
/// Σ over distinct query terms t of idf(t) · f(t,d)·(k1 + 1) / (f(t,d) + k1·(1 − b + b·|d|/avgdl)), with
/// idf(t) = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5)) (always positive, as in Lucene), |d| the passage's term count.
/// Terms come from <see cref="RetrievalTerms"/> (article title and heading are indexed with the passage text).
/// </summary>
public sealed class Bm25Index
{
    private readonly KnowledgePassage[] _passages;
    private readonly Dictionary<string, (int Passage, int Frequency)[]> _postings;
    private readonly int[] _lengths;
    private readonly double _averageLength;

    internal Bm25Index(Bm25IndexBuilder.Options options, KnowledgePassage[] passages)
    {
        Options = options;
        _passages = passages;
        _lengths = new int[passages.Length];
        var postings = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        for (var p = 0; p < passages.Length; p++)
        {
            var terms = RetrievalTerms.Extract(IndexedText(passages[p]));
            _lengths[p] = terms.Count;
            foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(group.Key, out var list))
                {
                    postings[group.Key] = list = [];
                }

                list.Add((p, group.Count()));
            }
        }

        _postings = postings.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _averageLength = passages.Length == 0 ? 0 : _lengths.Average();
    }

    public Bm25IndexBuilder.Options Options { get; }

    public IReadOnlyList<KnowledgePassage> Passages => _passages;

    /// <summary>The text a passage is indexed by: its article title, heading and text.</summary>
    public static string IndexedText(KnowledgePassage passage) =>
        passage.ArticleTitle + "\n" + passage.Heading + "\n" + passage.Text;

    /// <summary>The inverse document frequency of an index term (0 when no passage has it).</summary>
    public double InverseDocumentFrequency(string term)
    {
        var df = _postings.TryGetValue(term, out var list) ? list.Length : 0;
        return df == 0 ? 0 : Math.Log(1 + (_passages.Length - df + 0.5) / (df + 0.5));
    }

    /// <summary>
    /// The best <paramref name="top"/> passages with a positive score, best first (ties by passage order), optionally
    /// only those in <paramref name="language"/> ("en" or "zh").
    /// </summary>
    public IReadOnlyList<RetrievedPassage> Search(string query, int top = 3, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var scores = new Dictionary<int, double>();
        var k1 = Options.K1;
        var b = Options.B;
        foreach (var term in RetrievalTerms.Extract(query).Distinct(StringComparer.Ordinal))
        {
            if (!_postings.TryGetValue(term, out var list))
            {
                continue;
            }

            var idf = InverseDocumentFrequency(term);
            foreach (var (passage, frequency) in list)
            {
                var norm = k1 * (1 - b + b * _lengths[passage] / _averageLength);
                var score = idf * frequency * (k1 + 1) / (frequency + norm);
                scores[passage] = scores.TryGetValue(passage, out var sum) ? sum + score : score;
            }
        }

        return scores
            .Where(s => language is null || _passages[s.Key].Language == language)
            .OrderByDescending(s => s.Value).ThenBy(s => s.Key)
            .Take(top)
            .Select(s => new RetrievedPassage(_passages[s.Key], s.Value))
            .ToArray();
    }
}
