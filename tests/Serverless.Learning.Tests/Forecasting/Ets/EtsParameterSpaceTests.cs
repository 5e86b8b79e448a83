using MathNet.Numerics.LinearAlgebra;
using Serverless.Learning.Forecasting.Ets;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Ets;

/// <summary>The admissibility test (a polynomial and the Schur-Cohn recursion) against the eigenvalues of D = F - g w'.</summary>
public sealed class EtsParameterSpaceTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(12)]
    public void Polynomial_test_agrees_with_the_eigenvalues_of_the_discount_matrix(int period)
    {
        var random = new Random(20260101 + period);
        var decided = 0;
        for (var trial = 0; trial < 400; trial++)
        {
            var alpha = random.NextDouble() * 1.2;
            var beta = random.NextDouble() < 0.3 ? 0 : random.NextDouble() * alpha;
            var gamma = random.NextDouble() < 0.2 ? 1e-4 : random.NextDouble() * 1.2 * (1 - Math.Min(alpha, 1));
            var phi = random.NextDouble() < 0.5 ? 1 : 0.8 + 0.18 * random.NextDouble();
            var largest = LargestNonStructuralEigenvalue(alpha, beta, gamma, phi, period);
            if (Math.Abs(largest - 1) < 1e-5)
            {
                continue; // On the boundary the two computations may round either way.
            }

            var trend = beta == 0 ? EtsTrendType.None : phi < 1 ? EtsTrendType.DampedAdditive : EtsTrendType.Additive;
            var specification = new EtsSpecification(EtsErrorType.Additive, trend, EtsSeasonType.Additive);
            var admissible = EtsParameterSpace.IsAdmissible(specification, new EtsParameters(alpha, beta, gamma, phi), period, new double[period + 2]);

            Assert.True(admissible == largest < 1, $"alpha={alpha} beta={beta} gamma={gamma} phi={phi}: eigenvalue {largest}, test said {admissible}");
            decided++;
        }

        Assert.True(decided > 200, $"only {decided} draws away from the boundary");
    }

    [Fact]
    public void Schur_Cohn_recursion_recognises_roots_inside_and_outside_the_unit_circle()
    {
        // (z - 0.5)(z + 0.9) = z^2 + 0.4 z - 0.45; (z - 1.1)(z - 0.2) = z^2 - 1.3 z + 0.22.
        Assert.True(EtsParameterSpace.RootsInsideUnitCircle([-0.45, 0.4, 1]));
        Assert.False(EtsParameterSpace.RootsInsideUnitCircle([0.22, -1.3, 1]));
    }

    [Fact]
    public void Usual_bounds_keep_beta_below_alpha_and_gamma_below_one_minus_alpha()
    {
        var seasonal = new EtsSpecification(EtsErrorType.Additive, EtsTrendType.Additive, EtsSeasonType.Additive);

        Assert.True(EtsParameterSpace.IsWithinUsualBounds(seasonal, new EtsParameters(0.5, 0.1, 0.3, 1)));
        Assert.False(EtsParameterSpace.IsWithinUsualBounds(seasonal, new EtsParameters(0.5, 0.6, 0.3, 1)));
        Assert.False(EtsParameterSpace.IsWithinUsualBounds(seasonal, new EtsParameters(0.5, 0.1, 0.6, 1)));
    }

    /// <summary>State (l, b, s_t, ..., s_(t-m+1)) of ETS(A,Ad,A); one eigenvalue of D is always 1 (level up, seasons down).</summary>
    private static double LargestNonStructuralEigenvalue(double alpha, double beta, double gamma, double phi, int m)
    {
        var k = m + 2;
        var f = Matrix<double>.Build.Dense(k, k);
        f[0, 0] = 1;
        f[0, 1] = phi;
        f[1, 1] = phi;
        f[2, k - 1] = 1;
        for (var i = 3; i < k; i++)
        {
            f[i, i - 1] = 1;
        }

        var w = Vector<double>.Build.Dense(k);
        w[0] = 1;
        w[1] = phi;
        w[k - 1] = 1;
        var g = Vector<double>.Build.Dense(k);
        g[0] = alpha;
        g[1] = beta;
        g[2] = gamma;
        var magnitudes = (f - g.OuterProduct(w)).Evd().EigenValues.Select(c => c.Magnitude).ToList();
        var structural = magnitudes.Select((value, index) => (Distance: Math.Abs(value - 1), index)).Min().index;
        magnitudes.RemoveAt(structural);
        return magnitudes.Max();
    }
}
