using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Serverless.Learning.Serialization;

namespace Serverless.Learning.Recommenders;

/// <summary>
/// Item factors of an implicit ALS model. Users are not stored: a user's factor is solved from their history at request
/// time (fold-in, the same normal equation training uses), so clicks since the last training count at once.
/// Produced by <see cref="ImplicitAlsTrainer"/>.
/// </summary>
public sealed class ImplicitAlsModel : RecommenderModel
{
    internal const string KindName = "als";
    private readonly float[] _itemFactors;
    private readonly double[] _gram;
    private readonly float[] _norms;

    internal ImplicitAlsModel(
        string[] items, int factors, float[] itemFactors, double[] gram, float alpha, IReadOnlyDictionary<string, string> parameters)
        : base(items, parameters)
    {
        if (itemFactors.Length != items.Length * factors || gram.Length != factors * factors)
        {
            throw new ArgumentException("Factor shapes do not match the catalog.", nameof(itemFactors));
        }

        Factors = factors;
        Alpha = alpha;
        _itemFactors = itemFactors;
        _gram = gram;
        _norms = new float[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            _norms[i] = TensorPrimitives.Norm(itemFactors.AsSpan(i * factors, factors));
        }
    }

    public override string Kind => KindName;

    public override bool IsPersonalized => true;

    /// <summary>Latent dimensions.</summary>
    public int Factors { get; }

    /// <summary>Confidence slope used in fold-in: confidence = 1 + alpha * weight.</summary>
    public float Alpha { get; }

    /// <summary>Row-major item factors (items × <see cref="Factors"/>).</summary>
    internal ReadOnlySpan<float> ItemFactors => _itemFactors;

    internal override void WriteBody(BinaryWriter writer)
    {
        writer.Write(Factors);
        writer.Write(Alpha);
        ModelBinary.WriteFloats(writer, _itemFactors);
        ModelBinary.WriteDoubles(writer, _gram);
    }

    internal static ImplicitAlsModel ReadBody(BinaryReader reader, string[] items, IReadOnlyDictionary<string, string> parameters)
    {
        var factors = reader.ReadInt32();
        if (factors is < 1 or > 1024)
        {
            throw new InvalidDataException($"Implausible ALS factor count {factors}.");
        }

        var alpha = reader.ReadSingle();
        var itemFactors = ModelBinary.ReadFloats(reader, checked(items.Length * factors));
        var gram = ModelBinary.ReadDoubles(reader, factors * factors);
        return new ImplicitAlsModel(items, factors, itemFactors, gram, alpha, parameters);
    }

    internal override object? Score(ReadOnlySpan<HistoryEntry> history, Span<float> scores)
    {
        var (solver, userFactor) = FoldIn(history);
        ScoreAll(userFactor, scores);
        return solver;
    }

    /// <summary>Scores every item against a user factor: one dot product per item.</summary>
    internal void ScoreAll(ReadOnlySpan<float> userFactor, Span<float> scores)
    {
        var factors = Factors;
        var itemFactors = _itemFactors.AsSpan();
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = TensorPrimitives.Dot(itemFactors.Slice(i * factors, factors), userFactor);
        }
    }

    /// <summary>
    /// The user's factor x solving (YᵀY + λI + Σ (c−1) y yᵀ) x = Σ c y over the history, with the factorization kept
    /// to explain scores afterwards.
    /// </summary>
    internal (Cholesky<double> Solver, float[] UserFactor) FoldIn(ReadOnlySpan<HistoryEntry> history)
    {
        var factors = Factors;
        var system = (double[])_gram.Clone();
        var rightSide = new double[factors];
        var y = new double[factors];
        foreach (var entry in history)
        {
            var source = _itemFactors.AsSpan(entry.Item * factors, factors);
            for (var a = 0; a < factors; a++)
            {
                y[a] = source[a];
            }

            var confidence = 1 + ((double)Alpha * entry.Weight);
            TensorPrimitives.MultiplyAdd(y, confidence, rightSide, rightSide);
            for (var a = 0; a < factors; a++)
            {
                var row = system.AsSpan(a * factors, factors);
                TensorPrimitives.MultiplyAdd(y, (confidence - 1) * y[a], row, row);
            }
        }

        var solver = Matrix<double>.Build.Dense(factors, factors, system).Cholesky();
        var solution = solver.Solve(Vector<double>.Build.Dense(rightSide));
        var userFactor = new float[factors];
        for (var a = 0; a < factors; a++)
        {
            userFactor[a] = (float)solution[a];
        }

        return (solver, userFactor);
    }

    /// <summary>
    /// score(i) = yᵢᵀ A⁻¹ Σ c_h y_h, so history item h contributes c_h · yᵢᵀ A⁻¹ y_h (Hu et al. 2008, section 5).
    /// </summary>
    internal override void Contribute(object? state, int item, ReadOnlySpan<HistoryEntry> history, Span<float> contributions)
    {
        var solver = (Cholesky<double>)state!;
        var factors = Factors;
        var target = Vector<double>.Build.Dense(factors);
        var source = _itemFactors.AsSpan(item * factors, factors);
        for (var a = 0; a < factors; a++)
        {
            target[a] = source[a];
        }

        var weighted = solver.Solve(target).ToArray();
        var y = new double[factors];
        for (var h = 0; h < history.Length; h++)
        {
            var other = _itemFactors.AsSpan(history[h].Item * factors, factors);
            for (var a = 0; a < factors; a++)
            {
                y[a] = other[a];
            }

            contributions[h] = (float)((1 + ((double)Alpha * history[h].Weight)) * TensorPrimitives.Dot(weighted, y));
        }
    }

    /// <summary>Cosine of the item factors.</summary>
    internal override void ScoreSimilar(int item, Span<float> scores)
    {
        var factors = Factors;
        var query = _itemFactors.AsSpan(item * factors, factors);
        var queryNorm = _norms[item];
        for (var i = 0; i < scores.Length; i++)
        {
            var denominator = queryNorm * _norms[i];
            scores[i] = denominator > 0
                ? TensorPrimitives.Dot(_itemFactors.AsSpan(i * factors, factors), query) / denominator
                : 0;
        }
    }
}
