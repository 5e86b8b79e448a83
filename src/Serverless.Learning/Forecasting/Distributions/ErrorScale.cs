namespace Serverless.Learning.Forecasting.Distributions;

/// <summary>
/// How the spread of backtest errors grows with the horizon, fitted by least squares on the mean squared error at
/// each step and kept non-negative: per-step variance a + b (h - 1) (flat for a stationary series, linear for a random
/// walk), and variance of the summed errors of steps 1..L as a L + b L^2 (between independent and fully correlated
/// errors). Extrapolating past the backtest horizon follows the same lines.
/// </summary>
public sealed record ErrorScale(double StepIntercept, double StepSlope, double CumulativeLinear, double CumulativeQuadratic)
{
    /// <summary>The error scale (root mean square) at step h, h from 1.</summary>
    public double Step(int h) => Math.Sqrt(Math.Max(StepIntercept + StepSlope * (h - 1), 0));

    /// <summary>The scale of the error of the sum of steps 1..L.</summary>
    public double Cumulative(int periods) => Math.Sqrt(Math.Max(CumulativeLinear * periods + CumulativeQuadratic * periods * (double)periods, 0));

    /// <summary>Fits the four coefficients to per-step and cumulative mean squared errors (index 0 is step 1).</summary>
    public static ErrorScale Fit(IReadOnlyList<double> stepMeanSquares, IReadOnlyList<double> cumulativeMeanSquares)
    {
        var (intercept, slope) = FitLine(stepMeanSquares);
        var (linear, quadratic) = FitThroughOrigin(cumulativeMeanSquares);
        return new ErrorScale(intercept, slope, linear, quadratic);
    }

    /// <summary>v(h) = a + b (h - 1), a, b &gt;= 0.</summary>
    private static (double Intercept, double Slope) FitLine(IReadOnlyList<double> values)
    {
        var n = values.Count;
        var mean = values.Average();
        if (n < 2)
        {
            return (Math.Max(mean, 0), 0);
        }

        double meanX = (n - 1) / 2.0, sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (i - meanX) * (values[i] - mean);
            sxx += (i - meanX) * (i - meanX);
        }

        var slope = sxy / sxx;
        var intercept = mean - slope * meanX;
        if (slope < 0)
        {
            return (Math.Max(mean, 0), 0);
        }

        if (intercept < 0)
        {
            // Fast growth from a small first-step error: anchor the line at the first step's own mean square so the
            // interval at step 1 keeps its width, and fit the slope alone.
            var anchored = Math.Max(values[0], 0);
            double sx = 0, sy = 0;
            for (var i = 1; i < n; i++)
            {
                sx += i * (double)i;
                sy += i * (values[i] - anchored);
            }

            return (anchored, sx > 0 ? Math.Max(sy / sx, 0) : 0);
        }

        return (intercept, slope);
    }

    /// <summary>V(L) = a L + b L^2, a, b &gt;= 0 (non-negative least squares on two columns).</summary>
    private static (double Linear, double Quadratic) FitThroughOrigin(IReadOnlyList<double> values)
    {
        double s11 = 0, s12 = 0, s22 = 0, t1 = 0, t2 = 0;
        for (var i = 0; i < values.Count; i++)
        {
            double l = i + 1, l2 = l * l;
            s11 += l * l;
            s12 += l * l2;
            s22 += l2 * l2;
            t1 += l * values[i];
            t2 += l2 * values[i];
        }

        var determinant = s11 * s22 - s12 * s12;
        if (determinant > 1e-12 * s11 * s22)
        {
            var a = (t1 * s22 - t2 * s12) / determinant;
            var b = (s11 * t2 - s12 * t1) / determinant;
            if (a >= 0 && b >= 0)
            {
                return (a, b);
            }
        }

        // One of the two is negative (or the system is degenerate): the better single-column fit.
        var onlyLinear = Math.Max(s11 > 0 ? t1 / s11 : 0, 0);
        var onlyQuadratic = Math.Max(s22 > 0 ? t2 / s22 : 0, 0);
        double residualLinear = 0, residualQuadratic = 0;
        for (var i = 0; i < values.Count; i++)
        {
            double l = i + 1;
            residualLinear += Math.Pow(values[i] - onlyLinear * l, 2);
            residualQuadratic += Math.Pow(values[i] - onlyQuadratic * l * l, 2);
        }

        return residualLinear <= residualQuadratic ? (onlyLinear, 0) : (0, onlyQuadratic);
    }
}
