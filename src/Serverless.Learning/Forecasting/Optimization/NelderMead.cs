namespace Serverless.Learning.Forecasting.Optimization;

/// <summary>
/// Derivative-free minimisation by the Nelder-Mead simplex (reflection 1, expansion 2, contraction 1/2, shrink 1/2),
/// stopping when the spread of the simplex's values is within a relative tolerance, as R's <c>optim</c> does.
/// Infeasible points are signalled by the objective returning <see cref="double.PositiveInfinity"/>.
/// </summary>
public static class NelderMead
{
    /// <param name="objective">The function to minimise; it may return +infinity (never NaN) outside the feasible set.</param>
    /// <param name="start">The starting point (must be feasible).</param>
    /// <param name="steps">The initial simplex edge along each coordinate.</param>
    /// <param name="maxEvaluations">Budget of objective evaluations.</param>
    /// <param name="relativeTolerance">Stop when |f(worst) - f(best)| &lt;= tol (|f(best)| + tol).</param>
    public static NelderMeadResult Minimize(
        Func<double[], double> objective, double[] start, double[] steps, int maxEvaluations = 2000, double relativeTolerance = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(steps);
        if (start.Length == 0 || steps.Length != start.Length)
        {
            throw new ArgumentException("One step per coordinate of a non-empty start is required.", nameof(steps));
        }

        var n = start.Length;
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        var evaluations = 0;

        double Evaluate(double[] point)
        {
            evaluations++;
            var value = objective(point);
            return double.IsNaN(value) ? double.PositiveInfinity : value;
        }

        simplex[0] = (double[])start.Clone();
        values[0] = Evaluate(simplex[0]);
        for (var i = 0; i < n; i++)
        {
            var vertex = (double[])start.Clone();
            vertex[i] += steps[i];
            simplex[i + 1] = vertex;
            values[i + 1] = Evaluate(vertex);
        }

        var centroid = new double[n];
        var reflected = new double[n];
        var trial = new double[n];
        var order = new int[n + 1];
        var converged = false;

        while (evaluations < maxEvaluations)
        {
            for (var i = 0; i <= n; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            var best = order[0];
            var worst = order[n];
            var secondWorst = order[n - 1];

            if (double.IsFinite(values[worst])
                && Math.Abs(values[worst] - values[best]) <= relativeTolerance * (Math.Abs(values[best]) + relativeTolerance))
            {
                converged = true;
                break;
            }

            Array.Clear(centroid);
            for (var i = 0; i <= n; i++)
            {
                if (i == worst)
                {
                    continue;
                }

                for (var j = 0; j < n; j++)
                {
                    centroid[j] += simplex[i][j] / n;
                }
            }

            for (var j = 0; j < n; j++)
            {
                reflected[j] = centroid[j] + (centroid[j] - simplex[worst][j]);
            }

            var reflectedValue = Evaluate(reflected);
            if (reflectedValue < values[best])
            {
                for (var j = 0; j < n; j++)
                {
                    trial[j] = centroid[j] + 2 * (centroid[j] - simplex[worst][j]);
                }

                var expandedValue = Evaluate(trial);
                if (expandedValue < reflectedValue)
                {
                    Replace(worst, trial, expandedValue);
                }
                else
                {
                    Replace(worst, reflected, reflectedValue);
                }

                continue;
            }

            if (reflectedValue < values[secondWorst])
            {
                Replace(worst, reflected, reflectedValue);
                continue;
            }

            // Contract towards the better of the worst point and its reflection.
            var outside = reflectedValue < values[worst];
            var anchor = outside ? reflected : simplex[worst];
            for (var j = 0; j < n; j++)
            {
                trial[j] = centroid[j] + 0.5 * (anchor[j] - centroid[j]);
            }

            var contractedValue = Evaluate(trial);
            if (contractedValue < (outside ? reflectedValue : values[worst]))
            {
                Replace(worst, trial, contractedValue);
                continue;
            }

            for (var i = 0; i <= n; i++)
            {
                if (i == best)
                {
                    continue;
                }

                for (var j = 0; j < n; j++)
                {
                    simplex[i][j] = simplex[best][j] + 0.5 * (simplex[i][j] - simplex[best][j]);
                }

                values[i] = Evaluate(simplex[i]);
            }
        }

        var bestIndex = 0;
        for (var i = 1; i <= n; i++)
        {
            if (values[i] < values[bestIndex])
            {
                bestIndex = i;
            }
        }

        return new NelderMeadResult((double[])simplex[bestIndex].Clone(), values[bestIndex], evaluations, converged);

        void Replace(int index, double[] point, double value)
        {
            Array.Copy(point, simplex[index], n);
            values[index] = value;
        }
    }
}
