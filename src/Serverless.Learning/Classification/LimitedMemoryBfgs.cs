using System.Numerics.Tensors;

namespace Serverless.Learning.Classification;

/// <summary>
/// L-BFGS (Nocedal &amp; Wright, Numerical Optimization, 2nd ed., algorithms 7.4 and 7.5) with a backtracking Armijo line
/// search, for smooth convex objectives. Deterministic: no randomness, and the objective is evaluated by the caller.
/// </summary>
internal static class LimitedMemoryBfgs
{
    /// <summary>Evaluates the objective at x, writes its gradient, returns its value.</summary>
    public delegate double Objective(double[] x, double[] gradient);

    public static LimitedMemoryBfgsResult Minimize(
        Objective objective, double[] x, int historySize, int maximumIterations, double gradientTolerance,
        CancellationToken cancellationToken)
    {
        var n = x.Length;
        var gradient = new double[n];
        var value = objective(x, gradient);
        var s = new List<double[]>(historySize);
        var y = new List<double[]>(historySize);
        var rho = new List<double>(historySize);
        var direction = new double[n];
        var nextX = new double[n];
        var nextGradient = new double[n];
        var alpha = new double[historySize];
        var iterations = 0;
        var evaluations = 1;
        var converged = false;
        while (iterations < maximumIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Math.Abs(TensorPrimitives.MaxMagnitude(gradient)) <= gradientTolerance)
            {
                converged = true;
                break;
            }

            // Two-loop recursion: direction = -H * gradient.
            gradient.AsSpan().CopyTo(direction);
            for (var i = s.Count - 1; i >= 0; i--)
            {
                alpha[i] = rho[i] * TensorPrimitives.Dot(s[i], direction);
                TensorPrimitives.MultiplyAdd(y[i], -alpha[i], direction, direction);
            }

            var gamma = s.Count > 0 ? TensorPrimitives.Dot(s[^1], y[^1]) / TensorPrimitives.Dot(y[^1], y[^1]) : 1.0;
            TensorPrimitives.Multiply(direction, gamma, direction);
            for (var i = 0; i < s.Count; i++)
            {
                var beta = rho[i] * TensorPrimitives.Dot(y[i], direction);
                TensorPrimitives.MultiplyAdd(s[i], alpha[i] - beta, direction, direction);
            }

            TensorPrimitives.Negate(direction, direction);
            var slope = TensorPrimitives.Dot(direction, gradient);
            if (!(slope < 0))
            {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                s.Clear();
                y.Clear();
                rho.Clear();
                TensorPrimitives.Negate(gradient, direction);
                slope = -TensorPrimitives.Dot(gradient, gradient);
            }

            var step = s.Count == 0 ? Math.Min(1.0, 1.0 / Math.Sqrt(-slope)) : 1.0;
            double nextValue;
            var accepted = false;
            for (var trial = 0; ; trial++)
            {
                TensorPrimitives.MultiplyAdd(direction, step, x, nextX);
                nextValue = objective(nextX, nextGradient);
                evaluations++;
                if (nextValue <= value + 1e-4 * step * slope)
                {
                    accepted = true;
                    break;
                }

                if (trial == 30)
                {
                    break;
                }

                step *= 0.5;
            }

            iterations++;
            if (!accepted)
            {
                converged = true; // no further decrease possible at machine precision
                break;
            }

            var sNew = s.Count == historySize ? s[0] : new double[n];
            var yNew = y.Count == historySize ? y[0] : new double[n];
            if (s.Count == historySize)
            {
                s.RemoveAt(0);
                y.RemoveAt(0);
                rho.RemoveAt(0);
            }

            TensorPrimitives.Subtract(nextX, x, sNew);
            TensorPrimitives.Subtract(nextGradient, gradient, yNew);
            var curvature = TensorPrimitives.Dot(sNew, yNew);
            if (curvature > 1e-12)
            {
                s.Add(sNew);
                y.Add(yNew);
                rho.Add(1.0 / curvature);
            }

            var decrease = value - nextValue;
            nextX.AsSpan().CopyTo(x);
            nextGradient.AsSpan().CopyTo(gradient);
            value = nextValue;
            if (decrease <= 1e-12 * Math.Max(1.0, Math.Abs(value)))
            {
                converged = true;
                break;
            }
        }

        return new LimitedMemoryBfgsResult(value, iterations, evaluations, converged);
    }
}
