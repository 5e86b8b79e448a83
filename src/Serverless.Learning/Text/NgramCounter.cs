namespace Serverless.Learning.Text;

/// <summary>
/// Hashes the word n-grams and character n-grams of one text into buckets and counts them (feature hashing: no
/// vocabulary is kept). Words: the tokens of <see cref="TextTokenizer.Words"/> joined by single spaces, so a word
/// bigram is hashed as "w1 w2". Characters: each token padded with one space on both sides (scikit-learn's
/// <c>char_wb</c>), so n-grams do not span words; a CJK run is one token, so its character n-grams cover Chinese words.
/// </summary>
internal static class NgramCounter
{
    /// <summary>Hash seeds of the two feature families; part of the saved-model format.</summary>
    public const uint WordSeed = 0x2F0B_1A01, CharacterSeed = 0x2F0B_1A02;

    public static void Count(
        string text, HashedTfIdfTrainer.Options options, Dictionary<int, int> wordCounts, Dictionary<int, int> characterCounts)
    {
        var mask = (1 << options.HashBits) - 1;
        var tokens = TextTokenizer.Tokenize(TextNormalizer.Normalize(text));
        var words = TextTokenizer.Words(tokens);
        if (words.Count > 0 && options.MaximumWordNgramLength > 0)
        {
            var joined = string.Join(' ', words);
            var starts = new int[words.Count + 1];
            for (var i = 0; i < words.Count; i++)
            {
                starts[i + 1] = starts[i] + words[i].Length + 1;
            }

            for (var n = options.MinimumWordNgramLength; n <= options.MaximumWordNgramLength; n++)
            {
                for (var i = 0; i + n <= words.Count; i++)
                {
                    var span = joined.AsSpan(starts[i], starts[i + n] - starts[i] - 1);
                    Increment(wordCounts, (int)(FeatureHasher.Hash(span, WordSeed) & (uint)mask));
                }
            }
        }

        if (options.MaximumCharacterNgramLength > 0)
        {
            foreach (var token in tokens)
            {
                var padded = " " + token.Text + " ";
                for (var n = options.MinimumCharacterNgramLength; n <= options.MaximumCharacterNgramLength && n <= padded.Length; n++)
                {
                    for (var i = 0; i + n <= padded.Length; i++)
                    {
                        Increment(characterCounts, (int)(FeatureHasher.Hash(padded.AsSpan(i, n), CharacterSeed) & (uint)mask));
                    }
                }
            }
        }
    }

    /// <summary>The bucket of one word unigram (already normalized).</summary>
    public static int WordBucket(string word, int hashBits) =>
        (int)(FeatureHasher.Hash(word.AsSpan(), WordSeed) & (uint)((1 << hashBits) - 1));

    private static void Increment(Dictionary<int, int> counts, int bucket)
    {
        counts[bucket] = counts.TryGetValue(bucket, out var count) ? count + 1 : 1;
    }
}
