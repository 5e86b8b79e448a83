using MathNet.Numerics.LinearAlgebra;
using Serverless.Learning.Recommenders;
using Xunit;

namespace Serverless.Learning.Tests.Recommenders;

public sealed class PositiveDefiniteInverseTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(300)] // several 128-blocks and a ragged last block
    public void Matches_mathnet_on_a_random_positive_definite_matrix(int n)
    {
        var random = new Random(11);
        var m = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
        var a = (m * m.Transpose()) + (n * Matrix<double>.Build.DenseIdentity(n));
        var values = a.ToRowMajorArray();

        PositiveDefiniteInverse.Invert(values, n, parallelism: 3, CancellationToken.None);

        var expected = a.Inverse();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Assert.Equal(expected[i, j], values[(i * n) + j], 10);
            }
        }
    }

    [Fact]
    public void Rejects_a_matrix_that_is_not_positive_definite()
    {
        double[] values = [1, 2, 2, 1];
        Assert.Throws<ArithmeticException>(() => PositiveDefiniteInverse.Invert(values, 2, 1, CancellationToken.None));
    }
}
