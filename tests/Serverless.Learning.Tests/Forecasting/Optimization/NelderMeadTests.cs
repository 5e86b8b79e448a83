using Serverless.Learning.Forecasting.Optimization;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Optimization;

public sealed class NelderMeadTests
{
    [Fact]
    public void Finds_the_minimum_of_the_Rosenbrock_function()
    {
        static double Rosenbrock(double[] x) => Math.Pow(1 - x[0], 2) + 100 * Math.Pow(x[1] - x[0] * x[0], 2);

        var result = NelderMead.Minimize(Rosenbrock, [-1.2, 1], [0.1, 0.1], maxEvaluations: 5000, relativeTolerance: 1e-12);

        Assert.True(result.Converged);
        Assert.Equal(1, result.Point[0], 3);
        Assert.Equal(1, result.Point[1], 3);
    }

    [Fact]
    public void Infeasible_points_signalled_by_infinity_are_avoided()
    {
        // Minimum of (x - 2)^2 subject to x <= 1.
        var result = NelderMead.Minimize(x => x[0] > 1 ? double.PositiveInfinity : Math.Pow(x[0] - 2, 2), [0], [0.5], 2000, 1e-12);

        Assert.True(result.Point[0] <= 1);
        Assert.Equal(1, result.Point[0], 3);
    }
}
