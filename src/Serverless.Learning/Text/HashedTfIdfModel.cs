namespace Serverless.Learning.Text;

/// <summary>
/// Fitted hashed TF-IDF features (immutable). A text becomes one sparse vector: the word block (columns
/// 0..<see cref="WordFeatureCount"/>) and the character block after it, each L2-normalized on its own (as
/// scikit-learn's <c>FeatureUnion</c> of two <c>TfidfVectorizer</c>s), so the whole vector has norm sqrt(2) when both
/// blocks are non-empty. Buckets not seen in training are dropped, like words outside a vocabulary.
/// </summary>
public sealed class HashedTfIdfModel
{
    private readonly Dictionary<int, int> _wordColumns;
    private readonly Dictionary<int, int> _characterColumns;
    private readonly int[] _wordBuckets;
    private readonly float[] _wordIdf;
    private readonly int[] _characterBuckets;
    private readonly float[] _characterIdf;

    internal HashedTfIdfModel(
        HashedTfIdfTrainer.Options options, int documentCount, (int[] Buckets, float[] Idf) words, (int[] Buckets, float[] Idf) characters)
    {
        Options = options;
        DocumentCount = documentCount;
        (_wordBuckets, _wordIdf) = words;
        (_characterBuckets, _characterIdf) = characters;
        _wordColumns = Index(_wordBuckets, 0);
        _characterColumns = Index(_characterBuckets, _wordBuckets.Length);
    }

    public HashedTfIdfTrainer.Options Options { get; }

    /// <summary>How many texts the IDF was computed from.</summary>
    public int DocumentCount { get; }

    public int WordFeatureCount => _wordBuckets.Length;

    public int FeatureCount => _wordBuckets.Length + _characterBuckets.Length;

    public SparseVector Transform(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new Dictionary<int, int>();
        var characters = new Dictionary<int, int>();
        NgramCounter.Count(text, Options, words, characters);
        var entries = new List<(int Column, float Value)>(words.Count + characters.Count);
        AddBlock(entries, words, _wordColumns, _wordIdf, 0);
        AddBlock(entries, characters, _characterColumns, _characterIdf, _wordBuckets.Length);
        entries.Sort((a, b) => a.Column.CompareTo(b.Column));
        return new SparseVector(entries.Select(e => e.Column).ToArray(), entries.Select(e => e.Value).ToArray());
    }

    /// <summary>Transforms many texts in parallel (the order of the result follows the input).</summary>
    public SparseVector[] TransformAll(IReadOnlyList<string> texts)
    {
        var result = new SparseVector[texts.Count];
        Parallel.For(0, texts.Count, i => result[i] = Transform(texts[i]));
        return result;
    }

    /// <summary>Whether a normalized word appeared (as a unigram) in the training texts.</summary>
    public bool IsKnownWord(string normalizedWord) =>
        Options.MinimumWordNgramLength == 1 && Options.MaximumWordNgramLength >= 1
        && _wordColumns.ContainsKey(NgramCounter.WordBucket(normalizedWord, Options.HashBits));

    internal void Write(BinaryWriter writer)
    {
        writer.Write(Options.HashBits);
        writer.Write(Options.MinimumWordNgramLength);
        writer.Write(Options.MaximumWordNgramLength);
        writer.Write(Options.MinimumCharacterNgramLength);
        writer.Write(Options.MaximumCharacterNgramLength);
        writer.Write(Options.SublinearTermFrequency);
        writer.Write(Options.MinimumDocumentFrequency);
        writer.Write(DocumentCount);
        WriteColumns(writer, _wordBuckets, _wordIdf);
        WriteColumns(writer, _characterBuckets, _characterIdf);
    }

    internal static HashedTfIdfModel Read(BinaryReader reader)
    {
        var options = new HashedTfIdfTrainer.Options
        {
            HashBits = reader.ReadInt32(),
            MinimumWordNgramLength = reader.ReadInt32(),
            MaximumWordNgramLength = reader.ReadInt32(),
            MinimumCharacterNgramLength = reader.ReadInt32(),
            MaximumCharacterNgramLength = reader.ReadInt32(),
            SublinearTermFrequency = reader.ReadBoolean(),
            MinimumDocumentFrequency = reader.ReadInt32(),
        };
        _ = new HashedTfIdfTrainer(options); // validates what was read
        var documents = reader.ReadInt32();
        return new HashedTfIdfModel(options, documents, ReadColumns(reader, options.HashBits), ReadColumns(reader, options.HashBits));
    }

    private void AddBlock(
        List<(int Column, float Value)> entries, Dictionary<int, int> counts, Dictionary<int, int> columns, float[] idf, int offset)
    {
        var first = entries.Count;
        double squares = 0;
        foreach (var (bucket, count) in counts)
        {
            if (columns.TryGetValue(bucket, out var column))
            {
                var tf = Options.SublinearTermFrequency ? 1.0 + Math.Log(count) : count;
                var value = tf * idf[column - offset];
                squares += value * value;
                entries.Add((column, (float)value));
            }
        }

        if (squares > 0)
        {
            var scale = 1.0 / Math.Sqrt(squares);
            for (var i = first; i < entries.Count; i++)
            {
                entries[i] = (entries[i].Column, (float)(entries[i].Value * scale));
            }
        }
    }

    private static Dictionary<int, int> Index(int[] buckets, int offset)
    {
        var index = new Dictionary<int, int>(buckets.Length);
        for (var i = 0; i < buckets.Length; i++)
        {
            index.Add(buckets[i], offset + i);
        }

        return index;
    }

    private static void WriteColumns(BinaryWriter writer, int[] buckets, float[] idf)
    {
        writer.Write(buckets.Length);
        for (var i = 0; i < buckets.Length; i++)
        {
            writer.Write(buckets[i]);
            writer.Write(idf[i]);
        }
    }

    private static (int[] Buckets, float[] Idf) ReadColumns(BinaryReader reader, int hashBits)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > 1 << hashBits)
        {
            throw new InvalidDataException($"Invalid feature column count {count}.");
        }

        var buckets = new int[count];
        var idf = new float[count];
        for (var i = 0; i < count; i++)
        {
            buckets[i] = reader.ReadInt32();
            idf[i] = reader.ReadSingle();
            if (buckets[i] < 0 || buckets[i] >= 1 << hashBits || (i > 0 && buckets[i] <= buckets[i - 1]))
            {
                throw new InvalidDataException("Feature buckets must be increasing and within the hash space.");
            }
        }

        return (buckets, idf);
    }
}
