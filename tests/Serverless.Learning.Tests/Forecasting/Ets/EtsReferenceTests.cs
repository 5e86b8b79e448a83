using System.Collections.Immutable;
using Serverless.Learning.Forecasting.Ets;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Ets;

/// <summary>
/// ETS likelihoods and forecasts against R 4.2.2, forecast 8.20 (Debian r-cran-forecast), computed once with
/// <c>ets(y, model = ...)</c> and <c>forecast(fit, h, level = c(80, 95))</c> and printed with 15 digits. With R's
/// estimated parameters and initial states our recursions must give R's numbers to rounding; our own optimiser must
/// reach at least R's likelihood.
/// </summary>
public sealed class EtsReferenceTests
{
    private static readonly EtsSpecification Ann = new(EtsErrorType.Additive, EtsTrendType.None, EtsSeasonType.None);
    private static readonly EtsSpecification AAdN = new(EtsErrorType.Additive, EtsTrendType.DampedAdditive, EtsSeasonType.None);
    private static readonly EtsSpecification Aaa = new(EtsErrorType.Additive, EtsTrendType.Additive, EtsSeasonType.Additive);
    private static readonly EtsSpecification Mam = new(EtsErrorType.Multiplicative, EtsTrendType.Additive, EtsSeasonType.Multiplicative);

    [Fact]
    public void Simple_exponential_smoothing_with_R_parameters_matches_R_likelihood_and_intervals()
    {
        // R: ets(P1, model = "ANN"): alpha 0.108612623430733, l 11.287653741704995.
        var model = FromR(ReferenceSeries.UciWeeklyP1, Ann, 1, new EtsParameters(0.108612623430733, 0, 0, 1), 11.287653741704995, 0, []);

        Assert.Equal(-169.394958254412, model.LogLikelihood, 1e-8);
        Assert.Equal(345.289916508823, model.Aicc, 1e-8);
        Assert.Equal(13.5064546940583, model.InnovationVariance, 1e-9);
        var forecast = model.Forecast(8);
        AssertClose([8.142353483348, 8.142353483348, 8.142353483348, 8.142353483348, 8.142353483348, 8.142353483348, 8.142353483348, 8.142353483348], forecast.Mean, 1e-9);
        AssertClose(
            [3.43250681610909, 3.40480793673574, 3.37727006502784, 3.34989042549623, 3.32266632148800, 3.29559513208659, 3.26867430916692, 3.24190137459614],
            Lower(forecast, 0.80), 1e-8);
        AssertClose(
            [15.3454423708181, 15.3878041512127, 15.4299196916322, 15.4717932368210, 15.5134289109539, 15.5548307223768, 15.5960025681108, 15.6369482381330],
            Upper(forecast, 0.95), 1e-8);
    }

    [Fact]
    public void Damped_trend_with_R_parameters_matches_R()
    {
        // R: ets(P1, model = "AAN", damped = TRUE).
        var model = FromR(
            ReferenceSeries.UciWeeklyP1, AAdN, 1,
            new EtsParameters(0.000462635354539356, 0.000100013992382774, 0, 0.979999999495237084), 12.072782621251878510, -0.132465776056260892, []);

        Assert.Equal(-166.490478678446, model.LogLikelihood, 1e-8);
        Assert.Equal(346.847624023559, model.Aicc, 1e-8);
        var forecast = model.Forecast(8);
        AssertClose([7.82118789763926, 7.77677605551622, 7.73325245025805, 7.69059931712702, 7.64879924668014, 7.60783517766330, 7.56769039004747, 7.52834849820422], forecast.Mean, 1e-9);
        AssertClose(
            [3.22724957671335, 3.18283701259007, 3.13931241674543, 3.09665798869179, 3.05485628557980, 3.01389021498116, 2.97374302781831, 2.93439831143792],
            Lower(forecast, 0.80), 1e-8);
        AssertClose(
            [14.8470102666260, 14.8025995287070, 14.7590774384201, 14.7164262857023, 14.6746287122013, 14.6336677043396, 14.5935265865143, 14.5541890144278],
            Upper(forecast, 0.95), 1e-8);
    }

    [Fact]
    public void Additive_Holt_Winters_with_R_parameters_matches_R()
    {
        // R: ets(AirPassengers, model = "AAA", damped = FALSE); R lists seasonal states newest first (s1..s12), we
        // index them by period, so the order is reversed.
        double[] rSeason = [-29.18156959292700, -54.38416621920885, -20.71687163701624, 15.07266189668344, 65.15539602874408, 66.18463939633548,
            33.58222906024533, -4.23202989396608, -8.09460700792780, -3.82047037350508, -34.33642181044655, -25.22878984701072];
        var model = FromR(
            ReferenceSeries.AirPassengers, Aaa, 12,
            new EtsParameters(9.93480362872374e-01, 1.91179159524254e-04, 5.80032514321104e-04, 1), 120.96076254557943, 1.39339982901592,
            rSeason.Reverse().ToArray());

        Assert.Equal(-765.93584751167, model.LogLikelihood, 1e-7);
        Assert.Equal(1570.72883788048, model.Aicc, 1e-7);
        var forecast = model.Forecast(12);
        AssertClose(
            [437.286272641522, 429.584964935952, 461.537120014742, 458.658690244190, 463.938949341851, 503.181111509628, 537.238415828024,
             537.585480745367, 488.926581619227, 454.547540236735, 422.299549311654, 448.949332011566],
            forecast.Mean, 1e-7);
        AssertClose(
            [414.158011089673, 396.979996067016, 421.644078485701, 412.614919503807, 412.472394971931, 446.809248087384, 476.353514875098,
             472.498164063327, 419.890722015253, 381.775673706298, 345.972995785620, 369.225153778876],
            Lower(forecast, 0.80), 1e-7);
        AssertClose(
            [472.657896293187, 479.449961724441, 522.548262081003, 529.076560886190, 542.650251864078, 589.394436840831, 630.353836446556,
             637.127941600573, 594.507817757824, 565.842505903452, 539.030939602238, 570.876940883646],
            Upper(forecast, 0.95), 1e-7);
    }

    [Fact]
    public void Multiplicative_Holt_Winters_with_R_parameters_matches_R_likelihood_and_point_forecasts()
    {
        double[] rSeason = [0.900041119946844, 0.782669107068064, 0.901368043868854, 1.047617769760809, 1.153706799061818, 1.183031401967826,
            1.083995121462522, 0.978658898783285, 1.033161642576340, 1.080756909901085, 0.952247884186815, 0.902745301415738];
        var model = FromR(
            ReferenceSeries.AirPassengers, Mam, 12,
            new EtsParameters(0.3949968504950142, 0.0107004419033437, 0.3995392024005587, 1), 122.3754260164762684, 1.1073665820835703,
            rSeason.Reverse().ToArray());

        Assert.Equal(-682.403619057806, model.LogLikelihood, 1e-7);
        Assert.Equal(1403.66438097275, model.Aicc, 1e-7);
        Assert.Equal(0.00158214813524167, model.InnovationVariance, 1e-12);
        AssertClose(
            [448.973767167400, 425.227817273056, 484.213711484926, 504.611072287966, 519.142264717416, 593.587326036826, 680.464428317188,
             670.022471315659, 555.315068262266, 491.265325530934, 420.702922801188, 466.317755681308],
            model.Forecast(12).Mean, 1e-7);
        // Multiplicative models have no analytic intervals here (R simulates them); ours come from backtests.
        Assert.False(model.Forecast(12).HasAnalyticIntervals);
    }

    [Theory]
    [InlineData("ANN", -169.394958254412)]
    [InlineData("AAdN", -166.490478678446)]
    public void Our_optimiser_reaches_at_least_R_likelihood_on_the_weekly_series(string form, double rLogLikelihood)
    {
        var trainer = new EtsTrainer(new EtsTrainer.Options
        {
            Error = EtsErrorType.Additive,
            Trend = form == "ANN" ? EtsTrendType.None : EtsTrendType.DampedAdditive,
            Season = EtsSeasonType.None,
        });

        var model = trainer.Fit(ReferenceSeries.UciWeeklyP1);

        Assert.True(model.LogLikelihood >= rLogLikelihood - 1e-3, $"{model}: log-likelihood {model.LogLikelihood} < R's {rLogLikelihood}");
    }

    [Theory]
    [InlineData("AAA", -765.93584751167)]
    [InlineData("MAM", -682.403619057806)]
    public void Our_optimiser_reaches_at_least_R_likelihood_on_the_seasonal_series(string form, double rLogLikelihood)
    {
        var trainer = new EtsTrainer(new EtsTrainer.Options
        {
            SeasonalPeriod = 12,
            Error = form[0] == 'A' ? EtsErrorType.Additive : EtsErrorType.Multiplicative,
            Trend = EtsTrendType.Additive,
            Season = form[2] == 'A' ? EtsSeasonType.Additive : EtsSeasonType.Multiplicative,
        });

        var model = trainer.Fit(ReferenceSeries.AirPassengers);

        Assert.True(model.LogLikelihood >= rLogLikelihood - 0.5, $"{model}: log-likelihood {model.LogLikelihood} < R's {rLogLikelihood}");
    }

    [Fact]
    public void Automatic_selection_finds_a_form_at_least_as_good_as_R_by_AICc()
    {
        // R: ets(AirPassengers) selects ETS(M,Ad,M) with AICc 1400.63843247391; ets(P1) selects ETS(M,N,N), AICc 343.229706562107.
        var seasonal = new EtsTrainer(new EtsTrainer.Options { SeasonalPeriod = 12 }).Fit(ReferenceSeries.AirPassengers);
        var weekly = new EtsTrainer().Fit(ReferenceSeries.UciWeeklyP1);

        Assert.True(seasonal.Aicc <= 1400.63843247391 + 0.5, $"{seasonal}: AICc {seasonal.Aicc}");
        Assert.Equal(EtsSeasonType.Multiplicative, seasonal.Specification.Season);
        Assert.True(weekly.Aicc <= 343.229706562107 + 0.01, $"{weekly}: AICc {weekly.Aicc}");
    }

    private static EtsModel FromR(double[] y, EtsSpecification specification, int period, EtsParameters parameters, double level, double trend, double[] season) =>
        EtsTrainer.FromParameters(y, specification, period, parameters, new EtsStates(level, trend, ImmutableArray.Create(season)))
        ?? throw new InvalidOperationException("R's parameters left the model's domain.");

    private static double[] Lower(Serverless.Learning.Forecasting.ModelForecast forecast, double level) =>
        Enumerable.Range(0, forecast.Horizon).Select(h => forecast.Mean[h] - Z(level) * forecast.StandardDeviation!.Value[h]).ToArray();

    private static double[] Upper(Serverless.Learning.Forecasting.ModelForecast forecast, double level) =>
        Enumerable.Range(0, forecast.Horizon).Select(h => forecast.Mean[h] + Z(level) * forecast.StandardDeviation!.Value[h]).ToArray();

    private static double Z(double level) => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + level / 2);

    private static void AssertClose(double[] expected, IReadOnlyList<double> actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }

    private static void AssertClose(double[] expected, ImmutableArray<double> actual, double tolerance) => AssertClose(expected, (IReadOnlyList<double>)actual, tolerance);
}
