namespace Serverless.Learning.Forecasting.Ets;

/// <summary>
/// Where ETS smoothing parameters may lie. The "usual" bounds (Hyndman et al. 2008, sec. 5.2, as in R's
/// <c>ets(bounds = "both")</c>): 1e-4 &lt;= alpha &lt;= 0.9999, 1e-4 &lt;= beta &lt;= alpha, 1e-4 &lt;= gamma &lt;= 1 - alpha,
/// 0.8 &lt;= phi &lt;= 0.98; and, for seasonal models, the admissible region (ch. 10): the roots of the characteristic
/// polynomial of the discount matrix D = F - g w', its structural unit root taken out, lie inside the unit circle,
/// so the forecasts forget the distant past.
/// </summary>
internal static class EtsParameterSpace
{
    public const double LowerSmoothing = 1e-4;
    public const double UpperSmoothing = 0.9999;
    public const double LowerDamping = 0.8;
    public const double UpperDamping = 0.98;

    public static bool IsWithinUsualBounds(EtsSpecification specification, in EtsParameters p)
    {
        if (p.Alpha < LowerSmoothing || p.Alpha > UpperSmoothing)
        {
            return false;
        }

        if (specification.HasTrend && (p.Beta < LowerSmoothing || p.Beta > p.Alpha))
        {
            return false;
        }

        if (specification.IsSeasonal && (p.Gamma < LowerSmoothing || p.Gamma > 1 - p.Alpha))
        {
            return false;
        }

        return !specification.IsDamped || (p.Phi >= LowerDamping && p.Phi <= UpperDamping);
    }

    /// <summary>The admissible region of the linear counterpart of the model (the same test for every error type).</summary>
    public static bool IsAdmissible(EtsSpecification specification, in EtsParameters p, int period, Span<double> workspace)
    {
        var phi = specification.IsDamped ? p.Phi : 1.0;
        var beta = specification.HasTrend ? p.Beta : 0.0;
        if (!specification.IsSeasonal)
        {
            // Non-seasonal: closed-form region (ch. 10); the usual bounds lie inside it, kept for completeness.
            if (p.Alpha < 1 - 1 / phi || p.Alpha > 1 + 1 / phi)
            {
                return false;
            }

            return !specification.HasTrend || (beta >= p.Alpha * (phi - 1) && beta <= (1 + phi) * (2 - p.Alpha));
        }

        var coefficients = workspace[..(period + 2)];
        CharacteristicPolynomial(p.Alpha, beta, p.Gamma, phi, period, coefficients);
        return RootsWithinRadius(coefficients, 1 + RootTolerance);
    }

    /// <summary>Roots on the unit circle are allowed (R's ets allows 1e-10 beyond it): without damping or trend smoothing
    /// a second root sits exactly at 1, and rounding must not make the test flip at random there.</summary>
    private const double RootTolerance = 1e-7;

    /// <summary>
    /// True when every root of the polynomial lies inside the circle of the given radius: the roots of p(r u) are the
    /// roots of p divided by r. A root at exactly 1 is divided out first, since the Schur-Cohn recursion loses accuracy
    /// for roots at the edge of the circle.
    /// </summary>
    public static bool RootsWithinRadius(Span<double> coefficients, double radius)
    {
        var degree = coefficients.Length - 1;
        double valueAtOne = 0, size = 0;
        for (var k = 0; k <= degree; k++)
        {
            valueAtOne += coefficients[k];
            size += Math.Abs(coefficients[k]);
        }

        if (Math.Abs(valueAtOne) <= 1e-12 * size && degree > 0)
        {
            // Synthetic division by (z - 1): q_(k-1) = p_k + q_k, from the top.
            var carry = 0.0;
            for (var k = degree; k >= 1; k--)
            {
                carry += coefficients[k];
                coefficients[k] = carry;
            }

            coefficients[1..(degree + 1)].CopyTo(coefficients);
            degree--;
        }

        var power = 1.0;
        for (var k = 0; k <= degree; k++)
        {
            coefficients[k] *= power;
            power *= radius;
        }

        return RootsInsideUnitCircle(coefficients[..(degree + 1)]);
    }

    /// <summary>
    /// Coefficients (constant term first) of the degree m+1 polynomial whose roots are the eigenvalues of D other than
    /// the structural unit root of the seasonal states. Seeking x_t = z^t x_0 in the error-free recursions of
    /// ETS(A,Ad,A) gives 1 + (alpha + phi beta z / (z - phi)) / (z - 1) + gamma / (z^m - 1) = 0; multiplied out, the factor
    /// (z - 1) leaves Q(z) = (z^2 + (alpha + phi beta - 1 - phi) z + phi (1 - alpha)) (1 + z + ... + z^(m-1)) + gamma (z - phi),
    /// that is z^(m+1) + (a + phi b - phi) z^m + (a + phi b - a phi) (z^(m-1) + ... + z^2) + (a + phi b - a phi + g - 1) z
    /// + phi (1 - a - g). Checked against the eigenvalues of D in the tests.
    /// </summary>
    public static void CharacteristicPolynomial(double alpha, double beta, double gamma, double phi, int period, Span<double> coefficients)
    {
        var m = period;
        var slope = alpha + phi * beta;
        var inner = slope - alpha * phi;
        coefficients[0] = phi * (1 - alpha - gamma);
        coefficients[1] = inner + gamma - 1;
        for (var k = 2; k <= m - 1; k++)
        {
            coefficients[k] = inner;
        }

        coefficients[m] = slope - phi;
        coefficients[m + 1] = 1;
    }

    /// <summary>Schur-Cohn test: true when every root of the real polynomial lies strictly inside the unit circle.
    /// The coefficients (constant term first) are overwritten.</summary>
    public static bool RootsInsideUnitCircle(Span<double> coefficients)
    {
        var degree = coefficients.Length - 1;
        while (degree > 0 && coefficients[degree] == 0)
        {
            degree--;
        }

        Span<double> previous = coefficients.Length <= 64 ? stackalloc double[coefficients.Length] : new double[coefficients.Length];
        while (degree > 0)
        {
            var lead = coefficients[degree];
            var constant = coefficients[0];
            if (Math.Abs(constant) >= Math.Abs(lead))
            {
                return false;
            }

            // T p(z) = (lead p(z) - constant p*(z)) / z, where p* reverses the coefficients: degree - 1, same roots
            // count inside the circle minus one (Schur-Cohn recursion).
            coefficients[..(degree + 1)].CopyTo(previous);
            var largest = 0.0;
            for (var k = 1; k <= degree; k++)
            {
                coefficients[k - 1] = lead * previous[k] - constant * previous[degree - k];
                largest = Math.Max(largest, Math.Abs(coefficients[k - 1]));
            }

            degree--;
            if (!(largest > 0) || !double.IsFinite(largest))
            {
                return false;
            }

            // Rescale so repeated products neither overflow nor underflow.
            for (var k = 0; k <= degree; k++)
            {
                coefficients[k] /= largest;
            }
        }

        return true;
    }
}
