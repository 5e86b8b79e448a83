namespace Serverless.Learning.Text;

/// <summary>
/// Fits hashed TF-IDF features: word n-grams and character n-grams (<see cref="NgramCounter"/>) hashed into
/// 2^<see cref="Options.HashBits"/> buckets per family; the buckets seen in at least
/// <see cref="Options.MinimumDocumentFrequency"/> training texts become columns with a smoothed IDF,
/// ln((1 + n) / (1 + df)) + 1 (as scikit-learn's <c>smooth_idf</c>).
/// </summary>
public sealed class HashedTfIdfTrainer
{
    private readonly Options _options;

    public HashedTfIdfTrainer(Options? options = null)
    {
        _options = options ?? new Options();
        if (_options.HashBits is < 10 or > 28)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.HashBits, $"{nameof(Options.HashBits)} must be between 10 and 28.");
        }

        if (!IsRange(_options.MinimumWordNgramLength, _options.MaximumWordNgramLength, 5))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), $"{nameof(Options.MinimumWordNgramLength)}..{nameof(Options.MaximumWordNgramLength)} must be a range within 1..5 (maximum 0 turns word n-grams off).");
        }

        if (!IsRange(_options.MinimumCharacterNgramLength, _options.MaximumCharacterNgramLength, 8))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), $"{nameof(Options.MinimumCharacterNgramLength)}..{nameof(Options.MaximumCharacterNgramLength)} must be a range within 1..8 (maximum 0 turns character n-grams off).");
        }

        if (_options.MaximumWordNgramLength == 0 && _options.MaximumCharacterNgramLength == 0)
        {
            throw new ArgumentException("At least one of word or character n-grams must be on.", nameof(options));
        }

        if (_options.MinimumDocumentFrequency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MinimumDocumentFrequency, $"{nameof(Options.MinimumDocumentFrequency)} must be at least 1.");
        }
    }

    public HashedTfIdfModel Fit(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var wordFrequency = new Dictionary<int, int>();
        var characterFrequency = new Dictionary<int, int>();
        var words = new Dictionary<int, int>();
        var characters = new Dictionary<int, int>();
        foreach (var text in texts)
        {
            words.Clear();
            characters.Clear();
            NgramCounter.Count(text, _options, words, characters);
            AddDocument(wordFrequency, words);
            AddDocument(characterFrequency, characters);
        }

        return new HashedTfIdfModel(
            _options,
            texts.Count,
            Columns(wordFrequency, _options.MinimumDocumentFrequency, texts.Count),
            Columns(characterFrequency, _options.MinimumDocumentFrequency, texts.Count));
    }

    private static bool IsRange(int minimum, int maximum, int limit) =>
        maximum == 0 || (minimum >= 1 && maximum >= minimum && maximum <= limit);

    private static void AddDocument(Dictionary<int, int> frequency, Dictionary<int, int> counts)
    {
        foreach (var bucket in counts.Keys)
        {
            frequency[bucket] = frequency.TryGetValue(bucket, out var df) ? df + 1 : 1;
        }
    }

    private static (int[] Buckets, float[] Idf) Columns(Dictionary<int, int> frequency, int minimum, int documents)
    {
        var buckets = frequency.Where(p => p.Value >= minimum).Select(p => p.Key).Order().ToArray();
        var idf = buckets.Select(b => (float)(Math.Log((1.0 + documents) / (1.0 + frequency[b])) + 1.0)).ToArray();
        return (buckets, idf);
    }

    /// <summary>Feature settings. Defaults: word 1-2-grams and character 2-5-grams, 2^20 buckets each, sublinear tf.</summary>
    public sealed class Options
    {
        /// <summary>Each n-gram family hashes into 2^HashBits buckets (10..28; default 20 = 1,048,576).</summary>
        public int HashBits { get; init; } = 20;

        public int MinimumWordNgramLength { get; init; } = 1;

        /// <summary>Longest word n-gram; 0 turns word n-grams off.</summary>
        public int MaximumWordNgramLength { get; init; } = 2;

        public int MinimumCharacterNgramLength { get; init; } = 2;

        /// <summary>Longest character n-gram; 0 turns character n-grams off.</summary>
        public int MaximumCharacterNgramLength { get; init; } = 5;

        /// <summary>Term frequency 1 + ln(count) instead of count.</summary>
        public bool SublinearTermFrequency { get; init; } = true;

        /// <summary>Buckets seen in fewer training texts get no column (1 keeps every bucket).</summary>
        public int MinimumDocumentFrequency { get; init; } = 1;
    }
}
