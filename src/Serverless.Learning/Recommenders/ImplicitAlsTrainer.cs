using System.Globalization;
using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace Serverless.Learning.Recommenders;

/// <summary>
/// Matrix factorization for implicit feedback (Hu, Koren and Volinsky 2008): every user-item cell is a preference of
/// 1 (interacted) or 0 with confidence 1 + alpha * weight, fitted by alternating least squares with L2 regularization.
/// Users and items are solved in parallel; the random start comes from <see cref="Options.Seed"/>, and each row's
/// solve depends only on the other side's factors, so the result does not depend on thread scheduling.
/// </summary>
public sealed class ImplicitAlsTrainer : IRecommenderTrainer
{
    private readonly Options _options;

    public ImplicitAlsTrainer(Options? options = null)
    {
        _options = options ?? new Options();
        if (_options.Factors is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Factors, $"{nameof(Options.Factors)} must be in [1, 1024].");
        }

        if (!(_options.Regularization > 0) || !double.IsFinite(_options.Regularization))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), _options.Regularization, $"{nameof(Options.Regularization)} must be positive.");
        }

        if (!(_options.Alpha >= 0) || !double.IsFinite(_options.Alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Alpha, $"{nameof(Options.Alpha)} must not be negative.");
        }

        if (_options.Iterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Iterations, $"{nameof(Options.Iterations)} must be at least 1.");
        }

        if (!Enum.IsDefined(_options.Solver))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Solver, $"Unknown {nameof(Options.Solver)}.");
        }

        if (_options.ConjugateGradientSteps < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), _options.ConjugateGradientSteps, $"{nameof(Options.ConjugateGradientSteps)} must be at least 1.");
        }

        if (_options.MaximumDegreeOfParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), _options.MaximumDegreeOfParallelism, $"{nameof(Options.MaximumDegreeOfParallelism)} must be at least 1.");
        }
    }

    public string Kind => ImplicitAlsModel.KindName;

    public RecommenderModel Fit(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default)
    {
        var matrix = TrainingData.Build(interactions, nameof(interactions));
        var factors = _options.Factors;
        var alpha = (float)_options.Alpha;
        var random = new Random(_options.Seed);
        var userFactors = RandomFactors(random, matrix.UserCount, factors);
        var itemFactors = RandomFactors(random, matrix.ItemCount, factors);
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = TrainingData.Parallelism(_options.MaximumDegreeOfParallelism),
        };

        for (var iteration = 0; iteration < _options.Iterations; iteration++)
        {
            var itemGram = Gram(itemFactors, matrix.ItemCount, factors, _options.Regularization);
            SolveSide(userFactors, itemFactors, matrix.UserOffsets, matrix.UserItems, matrix.UserValues, itemGram, alpha, parallel);
            var userGram = Gram(userFactors, matrix.UserCount, factors, _options.Regularization);
            SolveSide(itemFactors, userFactors, matrix.ItemOffsets, matrix.ItemUsers, matrix.ItemValues, userGram, alpha, parallel);
        }

        var parameters = new Dictionary<string, string>
        {
            [nameof(Options.Factors)] = factors.ToString(CultureInfo.InvariantCulture),
            [nameof(Options.Regularization)] = _options.Regularization.ToString("R", CultureInfo.InvariantCulture),
            [nameof(Options.Alpha)] = _options.Alpha.ToString("R", CultureInfo.InvariantCulture),
            [nameof(Options.Iterations)] = _options.Iterations.ToString(CultureInfo.InvariantCulture),
            [nameof(Options.Solver)] = _options.Solver.ToString(),
            [nameof(Options.Seed)] = _options.Seed.ToString(CultureInfo.InvariantCulture),
        };
        return new ImplicitAlsModel(
            matrix.Items, factors, itemFactors, Gram(itemFactors, matrix.ItemCount, factors, _options.Regularization), alpha,
            parameters);
    }

    /// <summary>YᵀY + λI of a row-major factor matrix, in double: the part of every normal equation shared by all rows.</summary>
    internal static double[] Gram(float[] rows, int rowCount, int factors, double regularization)
    {
        var gram = new double[factors * factors];
        var row = new double[factors];
        for (var r = 0; r < rowCount; r++)
        {
            var source = rows.AsSpan(r * factors, factors);
            for (var a = 0; a < factors; a++)
            {
                row[a] = source[a];
            }

            for (var a = 0; a < factors; a++)
            {
                TensorPrimitives.MultiplyAdd(row, row[a], gram.AsSpan(a * factors, factors), gram.AsSpan(a * factors, factors));
            }
        }

        for (var a = 0; a < factors; a++)
        {
            gram[(a * factors) + a] += regularization;
        }

        return gram;
    }

    private static float[] RandomFactors(Random random, int rows, int factors)
    {
        var values = new float[rows * factors];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 0.01);
        }

        return values;
    }

    private void SolveSide(
        float[] target, float[] fixedFactors, int[] offsets, int[] indices, float[] values, double[] gram, float alpha,
        ParallelOptions parallel)
    {
        var factors = _options.Factors;
        var gramSingle = gram.Select(g => (float)g).ToArray();
        Parallel.For(
            0,
            offsets.Length - 1,
            parallel,
            () => new SolveBuffers(factors),
            (row, _, buffers) =>
            {
                var start = offsets[row];
                var length = offsets[row + 1] - start;
                var destination = target.AsSpan(row * factors, factors);
                if (_options.Solver == AlsSolver.Cholesky)
                {
                    SolveExactly(fixedFactors, indices.AsSpan(start, length), values.AsSpan(start, length), gram, alpha, destination, buffers);
                }
                else
                {
                    SolveByConjugateGradient(
                        fixedFactors, indices.AsSpan(start, length), values.AsSpan(start, length), gramSingle, alpha, destination,
                        buffers);
                }

                return buffers;
            },
            _ => { });
    }

    /// <summary>Solves (YᵀY + λI + Σ (c−1) y yᵀ) x = Σ c y exactly.</summary>
    internal static void SolveExactly(
        float[] fixedFactors, ReadOnlySpan<int> indices, ReadOnlySpan<float> weights, double[] gram, float alpha,
        Span<float> destination, SolveBuffers buffers)
    {
        var factors = destination.Length;
        var system = buffers.System;
        gram.CopyTo(system, 0);
        var rightSide = buffers.RightSide;
        Array.Clear(rightSide);
        var y = buffers.Row;
        for (var k = 0; k < indices.Length; k++)
        {
            var source = fixedFactors.AsSpan(indices[k] * factors, factors);
            for (var a = 0; a < factors; a++)
            {
                y[a] = source[a];
            }

            var confidence = 1 + (alpha * weights[k]);
            TensorPrimitives.MultiplyAdd(y, confidence, rightSide, rightSide);
            for (var a = 0; a < factors; a++)
            {
                var row = system.AsSpan(a * factors, factors);
                TensorPrimitives.MultiplyAdd(y, (confidence - 1) * y[a], row, row);
            }
        }

        // The system is symmetric, so its row-major buffer is also the column-major storage MathNet expects.
        var solution = Matrix<double>.Build.Dense(factors, factors, system).Cholesky()
            .Solve(Vector<double>.Build.Dense(rightSide));
        for (var a = 0; a < factors; a++)
        {
            destination[a] = (float)solution[a];
        }
    }

    /// <summary>
    /// Conjugate-gradient steps on the same system, starting from the current factor (the implicit library's
    /// approach): the matrix is never formed, each product costs one pass over the row's interactions.
    /// </summary>
    private void SolveByConjugateGradient(
        float[] fixedFactors, ReadOnlySpan<int> indices, ReadOnlySpan<float> weights, float[] gram, float alpha,
        Span<float> x, SolveBuffers buffers)
    {
        var factors = x.Length;
        var residual = buffers.Residual;
        var direction = buffers.Direction;
        var product = buffers.Product;

        // r = b − A x with b = Σ c y.
        Multiply(fixedFactors, indices, weights, gram, alpha, x, residual);
        TensorPrimitives.Negate(residual, residual);
        for (var k = 0; k < indices.Length; k++)
        {
            var y = fixedFactors.AsSpan(indices[k] * factors, factors);
            TensorPrimitives.MultiplyAdd(y, 1 + (alpha * weights[k]), residual, residual);
        }

        residual.CopyTo(direction, 0);
        var residualNorm = TensorPrimitives.Dot(residual, residual);
        for (var step = 0; step < _options.ConjugateGradientSteps && residualNorm > 1e-20f; step++)
        {
            Multiply(fixedFactors, indices, weights, gram, alpha, direction, product);
            var curvature = TensorPrimitives.Dot(direction, product);
            if (!(curvature > 0))
            {
                break;
            }

            var stepSize = residualNorm / curvature;
            TensorPrimitives.MultiplyAdd(direction, stepSize, x, x);
            TensorPrimitives.MultiplyAdd(product, -stepSize, residual, residual);
            var next = TensorPrimitives.Dot(residual, residual);
            TensorPrimitives.MultiplyAdd(direction, next / residualNorm, residual, direction);
            residualNorm = next;
        }
    }

    /// <summary>product = (YᵀY + λI) v + Σ (c−1)(y·v) y.</summary>
    private static void Multiply(
        float[] fixedFactors, ReadOnlySpan<int> indices, ReadOnlySpan<float> weights, float[] gram, float alpha,
        ReadOnlySpan<float> vector, Span<float> product)
    {
        var factors = vector.Length;
        for (var a = 0; a < factors; a++)
        {
            product[a] = TensorPrimitives.Dot(gram.AsSpan(a * factors, factors), vector);
        }

        for (var k = 0; k < indices.Length; k++)
        {
            var y = fixedFactors.AsSpan(indices[k] * factors, factors);
            TensorPrimitives.MultiplyAdd(y, alpha * weights[k] * TensorPrimitives.Dot(y, vector), product, product);
        }
    }

    /// <summary>Per-thread scratch space, so the solves allocate nothing per row but MathNet's factorization.</summary>
    internal sealed class SolveBuffers(int factors)
    {
        public double[] System { get; } = new double[factors * factors];

        public double[] RightSide { get; } = new double[factors];

        public double[] Row { get; } = new double[factors];

        public float[] Residual { get; } = new float[factors];

        public float[] Direction { get; } = new float[factors];

        public float[] Product { get; } = new float[factors];
    }

    /// <summary>Options of <see cref="ImplicitAlsTrainer"/>.</summary>
    public sealed class Options
    {
        /// <summary>Latent dimensions. Default 64.</summary>
        public int Factors { get; init; } = 64;

        /// <summary>
        /// L2 penalty λ on every factor. Default 50, tuned with <see cref="Alpha"/> on Online Retail validation with
        /// <see cref="InteractionWeighting"/>'s default scale (docs/quality.md); it grows with the number of users.
        /// </summary>
        public double Regularization { get; init; } = 50;

        /// <summary>Confidence slope: confidence = 1 + alpha * weight. Default 0.25 (see <see cref="Regularization"/>).</summary>
        public double Alpha { get; init; } = 0.25;

        /// <summary>Alternations (users then items). Default 15.</summary>
        public int Iterations { get; init; } = 15;

        /// <summary>Solver for each row. Default <see cref="AlsSolver.ConjugateGradient"/>.</summary>
        public AlsSolver Solver { get; init; } = AlsSolver.ConjugateGradient;

        /// <summary>Steps per row for <see cref="AlsSolver.ConjugateGradient"/>. Default 3.</summary>
        public int ConjugateGradientSteps { get; init; } = 3;

        /// <summary>Seed of the random start. Default 42.</summary>
        public int Seed { get; init; } = 42;

        /// <summary>Threads used for training; default all processors.</summary>
        public int? MaximumDegreeOfParallelism { get; init; }
    }
}
