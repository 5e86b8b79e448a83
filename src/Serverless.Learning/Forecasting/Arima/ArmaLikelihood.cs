namespace Serverless.Learning.Forecasting.Arima;

/// <summary>
/// The exact Gaussian likelihood of an ARMA(p, q) series, optionally around an unknown constant, by the Kalman filter
/// on Harvey's state-space form (state dimension r = max(p, q + 1), started from the stationary covariance), as R's
/// <c>arima(method = "ML")</c> computes it. The innovation variance and the constant are concentrated out: the filter
/// runs on the series and on a column of ones at once (its gains do not depend on the data), so the constant is the GLS
/// estimate and the variance is the mean squared standardised innovation. One instance holds the buffers of one order
/// and is not thread-safe.
/// </summary>
internal sealed class ArmaLikelihood
{
    private readonly int _p;
    private readonly int _q;
    private readonly int _r;
    private readonly bool _constant;
    private readonly double[] _transition;
    private readonly double[] _disturbance;
    private readonly double[] _covariance;
    private readonly double[] _next;
    private readonly double[] _gain;
    private readonly double[] _state;
    private readonly double[] _regressorState;
    private readonly double[] _system;

    public ArmaLikelihood(int autoregressive, int movingAverage, bool includesConstant)
    {
        _p = autoregressive;
        _q = movingAverage;
        _r = Math.Max(_p, _q + 1);
        _constant = includesConstant;
        _transition = new double[_r * _r];
        _disturbance = new double[_r];
        _covariance = new double[_r * _r];
        _next = new double[_r * _r];
        _gain = new double[_r];
        _state = new double[_r];
        _regressorState = new double[_r];
        _system = new double[_r * _r * (_r * _r + 1)];
    }

    public int StateDimension => _r;

    /// <summary>
    /// Filters <paramref name="series"/> with the given coefficients; false when the model is not stationary enough to
    /// start the filter. On success the result holds -2 log-likelihood, the variance, the constant and, in
    /// <paramref name="finalState"/> (length r), the one-step-ahead state of the series minus its constant, and, when
    /// <paramref name="scaledInnovations"/> is not empty (length n), each innovation of the series minus its constant
    /// divided by the square root of its relative variance (so each has variance sigma^2).
    /// </summary>
    public bool TryEvaluate(
        ReadOnlySpan<double> series,
        ReadOnlySpan<double> autoregressive,
        ReadOnlySpan<double> movingAverage,
        Span<double> finalState,
        out ArmaFit fit,
        Span<double> scaledInnovations = default)
    {
        var regressorInnovations = scaledInnovations.IsEmpty ? [] : new double[series.Length];
        fit = default;
        var r = _r;
        Array.Clear(_transition);
        for (var i = 0; i < r; i++)
        {
            _transition[i * r] = i < _p ? autoregressive[i] : 0;
            if (i + 1 < r)
            {
                _transition[i * r + i + 1] = 1;
            }

            _disturbance[i] = i == 0 ? 1 : i <= _q ? movingAverage[i - 1] : 0;
        }

        if (!TryStationaryCovariance())
        {
            return false;
        }

        Array.Clear(_state);
        Array.Clear(_regressorState);
        double logDeterminant = 0, seriesSquares = 0, crossProducts = 0, regressorSquares = 0;
        var converged = false;
        double variance = 0;
        for (var t = 0; t < series.Length; t++)
        {
            if (!converged)
            {
                variance = _covariance[0];
                if (!(variance > 0) || !double.IsFinite(variance))
                {
                    return false;
                }

                // Gain K = T P Z' / F with Z = e1.
                for (var i = 0; i < r; i++)
                {
                    double sum = 0;
                    for (var k = 0; k < r; k++)
                    {
                        sum += _transition[i * r + k] * _covariance[k * r];
                    }

                    _gain[i] = sum / variance;
                }
            }

            var innovation = series[t] - _state[0];
            var regressorInnovation = 1 - _regressorState[0];
            if (!scaledInnovations.IsEmpty)
            {
                var sd = Math.Sqrt(variance);
                scaledInnovations[t] = innovation / sd;
                regressorInnovations[t] = regressorInnovation / sd;
            }

            logDeterminant += Math.Log(variance);
            seriesSquares += innovation * innovation / variance;
            crossProducts += innovation * regressorInnovation / variance;
            regressorSquares += regressorInnovation * regressorInnovation / variance;
            Advance(_state, autoregressive, innovation);
            Advance(_regressorState, autoregressive, regressorInnovation);

            if (!converged)
            {
                converged = UpdateCovariance(variance);
            }
        }

        var n = series.Length;
        var constant = _constant && regressorSquares > 0 ? crossProducts / regressorSquares : 0;
        var squares = _constant ? seriesSquares - 2 * constant * crossProducts + constant * constant * regressorSquares : seriesSquares;
        var innovationVariance = Math.Max(squares, 0) / n;
        if (!(innovationVariance > 0))
        {
            return false;
        }

        for (var i = 0; i < r; i++)
        {
            finalState[i] = _state[i] - (_constant ? constant * _regressorState[i] : 0);
        }

        for (var t = 0; t < scaledInnovations.Length; t++)
        {
            scaledInnovations[t] -= constant * regressorInnovations[t];
        }

        fit = new ArmaFit(n * (Math.Log(2 * Math.PI * innovationVariance) + 1) + logDeterminant, innovationVariance, constant);
        return true;
    }

    /// <summary>a = T a + K v.</summary>
    private void Advance(double[] state, ReadOnlySpan<double> autoregressive, double innovation)
    {
        Transition(state, autoregressive);
        for (var i = 0; i < _r; i++)
        {
            state[i] += _gain[i] * innovation;
        }
    }

    /// <summary>a = T a in place: T has the AR coefficients in its first column and ones on the superdiagonal.</summary>
    public static void Transition(Span<double> state, ReadOnlySpan<double> autoregressive)
    {
        var first = state[0];
        for (var i = 0; i < state.Length; i++)
        {
            state[i] = (i < autoregressive.Length ? autoregressive[i] * first : 0) + (i + 1 < state.Length ? state[i + 1] : 0);
        }
    }

    /// <summary>P = T P T' + R R' - K K' F; true once P stops changing (the filter has reached its steady state).</summary>
    private bool UpdateCovariance(double variance)
    {
        var r = _r;
        double change = 0;
        for (var i = 0; i < r; i++)
        {
            for (var j = 0; j < r; j++)
            {
                double sum = 0;
                for (var k = 0; k < r; k++)
                {
                    var left = _transition[i * r + k];
                    if (left == 0)
                    {
                        continue;
                    }

                    for (var l = 0; l < r; l++)
                    {
                        sum += left * _covariance[k * r + l] * _transition[j * r + l];
                    }
                }

                var value = sum + _disturbance[i] * _disturbance[j] - _gain[i] * _gain[j] * variance;
                change = Math.Max(change, Math.Abs(value - _covariance[i * r + j]));
                _next[i * r + j] = value;
            }
        }

        Array.Copy(_next, _covariance, _next.Length);
        return change < 1e-10 * (1 + Math.Abs(_covariance[0]));
    }

    /// <summary>Solves P = T P T' + R R' for the stationary state covariance (r² linear equations); false when singular.</summary>
    private bool TryStationaryCovariance()
    {
        var r = _r;
        var size = r * r;
        var width = size + 1;
        var a = _system;
        for (var i = 0; i < r; i++)
        {
            for (var j = 0; j < r; j++)
            {
                var row = (i * r + j) * width;
                for (var k = 0; k < r; k++)
                {
                    for (var l = 0; l < r; l++)
                    {
                        a[row + k * r + l] = (i == k && j == l ? 1 : 0) - _transition[i * r + k] * _transition[j * r + l];
                    }
                }

                a[row + size] = _disturbance[i] * _disturbance[j];
            }
        }

        // Gaussian elimination with partial pivoting.
        for (var column = 0; column < size; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < size; row++)
            {
                if (Math.Abs(a[row * width + column]) > Math.Abs(a[pivot * width + column]))
                {
                    pivot = row;
                }
            }

            if (Math.Abs(a[pivot * width + column]) < 1e-12)
            {
                return false;
            }

            if (pivot != column)
            {
                for (var k = 0; k < width; k++)
                {
                    (a[pivot * width + k], a[column * width + k]) = (a[column * width + k], a[pivot * width + k]);
                }
            }

            for (var row = column + 1; row < size; row++)
            {
                var factor = a[row * width + column] / a[column * width + column];
                if (factor == 0)
                {
                    continue;
                }

                for (var k = column; k < width; k++)
                {
                    a[row * width + k] -= factor * a[column * width + k];
                }
            }
        }

        for (var row = size - 1; row >= 0; row--)
        {
            var sum = a[row * width + size];
            for (var k = row + 1; k < size; k++)
            {
                sum -= a[row * width + k] * _covariance[k];
            }

            _covariance[row] = sum / a[row * width + row];
        }

        return _covariance.All(double.IsFinite) && _covariance[0] > 0;
    }
}
