using System.Numerics.Tensors;

namespace Serverless.Learning.Recommenders;

/// <summary>
/// In-place inverse of a dense symmetric positive definite matrix (row-major, n × n) through a blocked Cholesky
/// factorization A = L Lᵀ, V = (L⁻¹)ᵀ column by column, and A⁻¹ = V Vᵀ restricted to the overlapping parts. Every inner
/// loop is a SIMD dot product of contiguous row segments, and the blocks keep them in cache.
/// Why not MathNet: with its managed provider (no native MKL/OpenBLAS provider is available here) the EASE fit on the
/// 3,388-item Online Retail training split took 199 s on this 2-core machine, about 20 s with this (docs/benchmarks.md).
/// MathNet stays the reference in the tests and the solver for ALS's small systems.
/// </summary>
internal static class PositiveDefiniteInverse
{
    private const int Block = 128;

    /// <summary>Replaces <paramref name="matrix"/> by its inverse. Throws when it is not positive definite.</summary>
    public static void Invert(double[] matrix, int n, int parallelism, CancellationToken cancellationToken)
    {
        if (matrix.Length != (long)n * n)
        {
            throw new ArgumentException("The matrix must be n x n.", nameof(matrix));
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        Factor(matrix, n, options);
        var inverseFactor = InvertFactor(matrix, n, options);
        MultiplyTransposed(inverseFactor, matrix, n, options);
    }

    /// <summary>Lower Cholesky factor in the lower triangle (the upper triangle is left as it was).</summary>
    private static void Factor(double[] a, int n, ParallelOptions options)
    {
        for (var k0 = 0; k0 < n; k0 += Block)
        {
            options.CancellationToken.ThrowIfCancellationRequested();
            var k1 = Math.Min(k0 + Block, n);

            // Diagonal block: earlier blocks' contributions were already subtracted by the trailing updates.
            for (var j = k0; j < k1; j++)
            {
                var rowJ = a.AsSpan((j * n) + k0, j - k0);
                var pivot = a[(j * n) + j] - TensorPrimitives.Dot(rowJ, rowJ);
                if (!(pivot > 0))
                {
                    throw new ArithmeticException($"The matrix is not positive definite (pivot {j} is {pivot}).");
                }

                a[(j * n) + j] = Math.Sqrt(pivot);
                for (var i = j + 1; i < k1; i++)
                {
                    a[(i * n) + j] = (a[(i * n) + j] - TensorPrimitives.Dot(a.AsSpan((i * n) + k0, j - k0), rowJ)) / a[(j * n) + j];
                }
            }

            // Panel below the diagonal block: each row is an independent triangular solve.
            Parallel.For(k1, n, options, i =>
            {
                for (var j = k0; j < k1; j++)
                {
                    a[(i * n) + j] = (a[(i * n) + j]
                                      - TensorPrimitives.Dot(a.AsSpan((i * n) + k0, j - k0), a.AsSpan((j * n) + k0, j - k0)))
                                     / a[(j * n) + j];
                }
            });

            // Trailing update of the lower triangle: A[i, j] -= L[i, k0..k1) · L[j, k0..k1), tile by tile.
            var blocks = (n - k1 + Block - 1) / Block;
            Parallel.For(0, blocks * (blocks + 1) / 2, options, tile =>
            {
                var (bi, bj) = LowerTile(tile);
                var i0 = k1 + (bi * Block);
                var j0 = k1 + (bj * Block);
                var i1 = Math.Min(i0 + Block, n);
                var j1 = Math.Min(j0 + Block, n);
                for (var i = i0; i < i1; i++)
                {
                    var rowI = a.AsSpan((i * n) + k0, k1 - k0);
                    var end = Math.Min(j1, i + 1);
                    for (var j = j0; j < end; j++)
                    {
                        a[(i * n) + j] -= TensorPrimitives.Dot(rowI, a.AsSpan((j * n) + k0, k1 - k0));
                    }
                }
            });
        }
    }

    /// <summary>
    /// V = (L⁻¹)ᵀ, upper triangular: row c of V is column c of L⁻¹, found by forward substitution. Columns are solved
    /// in groups so each row of L is read once per group.
    /// </summary>
    private static double[] InvertFactor(double[] l, int n, ParallelOptions options)
    {
        var v = new double[(long)n * n];
        const int group = 32;
        var groups = (n + group - 1) / group;
        Parallel.For(0, groups, options, g =>
        {
            var c0 = g * group;
            var c1 = Math.Min(c0 + group, n);
            for (var r = c0; r < n; r++)
            {
                var diagonal = l[(r * n) + r];
                var last = Math.Min(c1, r + 1);
                for (var c = c0; c < last; c++)
                {
                    var sum = r == c ? 1.0 : -TensorPrimitives.Dot(l.AsSpan((r * n) + c, r - c), v.AsSpan((c * n) + c, r - c));
                    v[(c * n) + r] = sum / diagonal;
                }
            }
        });

        return v;
    }

    /// <summary>A⁻¹ = L⁻ᵀ L⁻¹, so A⁻¹[i, j] = Σ over k ≥ max(i, j) of V[i, k] V[j, k]; written to both triangles.</summary>
    private static void MultiplyTransposed(double[] v, double[] result, int n, ParallelOptions options)
    {
        var blocks = (n + Block - 1) / Block;
        Parallel.For(0, blocks * (blocks + 1) / 2, options, tile =>
        {
            var (bi, bj) = LowerTile(tile);
            var i0 = bi * Block;
            var j0 = bj * Block;
            var i1 = Math.Min(i0 + Block, n);
            var j1 = Math.Min(j0 + Block, n);
            for (var i = i0; i < i1; i++)
            {
                var end = Math.Min(j1, i + 1);
                for (var j = j0; j < end; j++)
                {
                    // j ≤ i, so the overlap starts at i.
                    var value = TensorPrimitives.Dot(v.AsSpan((i * n) + i, n - i), v.AsSpan((j * n) + i, n - i));
                    result[(i * n) + j] = value;
                    result[(j * n) + i] = value;
                }
            }
        });
    }

    /// <summary>The (row, column) block of the tile-th lower-triangular tile, row-major: (0,0), (1,0), (1,1), (2,0)...</summary>
    private static (int Row, int Column) LowerTile(int tile)
    {
        var row = (int)((Math.Sqrt((8.0 * tile) + 1) - 1) / 2);
        while (row * (row + 1) / 2 > tile)
        {
            row--;
        }

        while ((row + 1) * (row + 2) / 2 <= tile)
        {
            row++;
        }

        return (row, tile - (row * (row + 1) / 2));
    }
}
