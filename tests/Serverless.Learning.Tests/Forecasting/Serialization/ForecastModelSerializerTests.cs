using Serverless.Learning.Forecasting;
using Serverless.Learning.Forecasting.Automatic;
using Serverless.Learning.Forecasting.Serialization;
using Serverless.Learning.Forecasting.Series;
using Serverless.Testing;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Serialization;

public sealed class ForecastModelSerializerTests
{
    [Fact]
    public void A_saved_set_loads_back_to_identical_forecasts_for_every_kind_of_model()
    {
        var set = FittedSet();
        using var stream = new MemoryStream();

        ForecastModelSerializer.Save(set, stream);
        stream.Position = 0;
        var loaded = ForecastModelSerializer.LoadSet(stream);

        Assert.Equal(stream.Length, stream.Position);
        Assert.Equal(SeriesGranularity.Day, loaded.Granularity);
        Assert.Equal("7", loaded.Parameters["seasonalPeriod"]);
        Assert.Equal(set.Entries.Select(e => (e.SeriesId, e.LastPeriod)), loaded.Entries.Select(e => (e.SeriesId, e.LastPeriod)));
        foreach (var (original, copy) in set.Entries.Zip(loaded.Entries))
        {
            Assert.Equal(original.Model.Selected.ToArray(), copy.Model.Selected.ToArray());
            var expected = original.Model.Predict(21);
            var actual = copy.Model.Predict(21);
            Assert.Equal(expected.Mean.ToArray(), actual.Mean.ToArray());
            Assert.Equal(expected.Lower80.ToArray(), actual.Lower80.ToArray());
            Assert.Equal(expected.Upper95.ToArray(), actual.Upper95.ToArray());
            Assert.Equal(expected.Distribution.CumulativeScale.ToArray(), actual.Distribution.CumulativeScale.ToArray());
            foreach (var candidate in original.Model.Candidates)
            {
                Assert.Equal(original.Model.Predict(candidate.Method, 9).Upper95.ToArray(), copy.Model.Predict(candidate.Method, 9).Upper95.ToArray());
            }
        }

        // Between them the series exercised every component kind and the naive fallback.
        var methods = set.Entries.SelectMany(e => e.Model.Candidates.Select(c => c.Method)).ToHashSet();
        Assert.Superset(
            new HashSet<ForecastMethod>
            {
                ForecastMethod.Naive, ForecastMethod.SeasonalNaive, ForecastMethod.HistoricalMean, ForecastMethod.ExponentialSmoothing,
                ForecastMethod.Theta, ForecastMethod.Croston, ForecastMethod.SyntetosBoylan, ForecastMethod.TeunterSyntetosBabai,
                ForecastMethod.Arima,
            },
            methods);
        Assert.Contains(set.Entries, e => e.Model.Backtest is null);
        Assert.Contains(loaded.Entries, e => e.Model.Candidates.Any(c => c.ResidualShape is { IsNormal: false }));
    }

    /// <summary>
    /// A version-2 file (before residual shapes and one-step error variances), a set of two daily series saved by <c>serverless forecast run
    /// --model-out</c> of the build of 2026-12-04 (commit 92a76ce), still loads and forecasts what that build wrote in its
    /// forecasts CSV; its candidates have no shape, so analytic intervals stay normal.
    /// </summary>
    [Fact]
    public void A_version_2_file_still_loads_and_forecasts_as_it_did()
    {
        var path = Path.Combine(RepositoryRoot.Path, "tests", "Serverless.Learning.Tests", "Forecasting", "Serialization", "Fixtures", "forecast-set-v2.bin");
        using var file = File.OpenRead(path);

        var set = ForecastModelSerializer.LoadSet(file);

        Assert.Equal(2, BitConverter.ToInt32(File.ReadAllBytes(path), 4));
        Assert.Equal(["sku-a", "sku-b"], set.Entries.Select(e => e.SeriesId).ToArray());
        // Both chose ETS, whose analytic intervals a version-2 file reads with normal errors, as that build did.
        Assert.All(set.Entries, e => Assert.Equal(ForecastMethod.ExponentialSmoothing, e.Model.Method));
        var skuA = set.Entries[0].Model.Predict(7);
        Assert.Equal([41.5038, 41.2032, 47.4044, 48.4036, 42.804, 43.1032, 42.6045], skuA.Mean.Select(v => Math.Round(v, 4)).ToArray());
        Assert.Equal([40, 39, 46, 47, 41, 41, 41], skuA.Lower80.ToArray());
        Assert.Equal([43, 43, 49, 50, 45, 45, 44], skuA.Upper80.ToArray());
        Assert.Equal([44, 44, 50, 51, 46, 46, 46], skuA.Upper95.ToArray());
        var skuB = set.Entries[1].Model.Predict(7);
        Assert.Equal([48.0489, 48.2379, 48.4269, 48.616, 48.805, 48.994, 49.1831], skuB.Mean.Select(v => Math.Round(v, 4)).ToArray());
        Assert.Equal([46, 46, 45, 45, 45, 44, 43], skuB.Lower95.ToArray());
        Assert.Equal([49, 50, 50, 51, 51, 52, 53], skuB.Upper80.ToArray());
        Assert.All(set.Entries.SelectMany(e => e.Model.Candidates), candidate => Assert.Null(candidate.ResidualShape));
    }

    /// <summary>
    /// A version-1 file (before ARIMA components), written by the build of 2026-12-04 (commit c98fad8) from a weekly-
    /// cycle history, still loads and forecasts what that build forecast.
    /// </summary>
    [Fact]
    public void A_version_1_file_still_loads_and_forecasts_as_it_did()
    {
        var path = Path.Combine(RepositoryRoot.Path, "tests", "Serverless.Learning.Tests", "Forecasting", "Serialization", "Fixtures", "forecast-model-v1.bin");
        using var file = File.OpenRead(path);

        var model = ForecastModelSerializer.LoadModel(file);
        var forecast = model.Predict(7);

        Assert.Equal(1, BitConverter.ToInt32(File.ReadAllBytes(path), 4));
        Assert.Equal(ForecastMethod.ExponentialSmoothing, model.Method);
        double[] mean = [19.666669444096563, 23.333103342341893, 26.1665768158223, 29.000119872188304, 31.8335829259772, 34.66645710031132, 38.333488280385964];
        Assert.Equal(mean, forecast.Mean.ToArray());
        Assert.Equal([22, 26, 29, 32, 35, 37, 41], forecast.Upper95.ToArray());
    }

    [Fact]
    public void An_arima_component_in_a_version_1_file_is_refused()
    {
        using var stream = new MemoryStream();
        var trainer = new AutomaticForecastTrainer(new AutomaticForecastTrainer.Options { Horizon = 4, BacktestOrigins = 3, Candidates = [ForecastMethod.Arima] });
        ForecastModelSerializer.Save(trainer.Fit(Enumerable.Range(0, 30).Select(t => 10.0 + t % 4).ToArray()), stream);
        var bytes = stream.ToArray();
        bytes[4] = 1;

        // The checksum no longer matches either, but the unknown kind is met first and named.
        var refused = Assert.Throws<InvalidDataException>(() => ForecastModelSerializer.LoadModel(new MemoryStream(bytes)));
        Assert.Contains("kind 6 in a version-1 file", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_file_is_refused()
    {
        using var stream = new MemoryStream();
        ForecastModelSerializer.Save(FittedSet(), stream);
        var bytes = stream.ToArray();
        bytes[bytes.Length / 2] ^= 0x40;

        Assert.Throws<InvalidDataException>(() => ForecastModelSerializer.LoadSet(new MemoryStream(bytes)));
    }

    [Fact]
    public void A_foreign_file_a_future_version_or_the_wrong_content_is_refused_with_a_reason()
    {
        using var stream = new MemoryStream();
        ForecastModelSerializer.Save(FittedSet().Entries[0].Model, stream);
        var model = stream.ToArray();

        var wrongContent = Assert.Throws<InvalidDataException>(() => ForecastModelSerializer.LoadSet(new MemoryStream(model)));
        var future = (byte[])model.Clone();
        future[4] = 99;
        var futureVersion = Assert.Throws<InvalidDataException>(() => ForecastModelSerializer.LoadModel(new MemoryStream(future)));
        var foreign = Assert.Throws<InvalidDataException>(() => ForecastModelSerializer.LoadModel(new MemoryStream("SLRM\u0001"u8.ToArray())));

        Assert.Contains("single model", wrongContent.Message, StringComparison.Ordinal);
        Assert.Contains("version 99", futureVersion.Message, StringComparison.Ordinal);
        Assert.Contains("signature", foreign.Message, StringComparison.Ordinal);
        Assert.Equal(
            ForecastModelSerializer.LoadModel(new MemoryStream(model)).Predict(5).Mean.ToArray(),
            FittedSet().Entries[0].Model.Predict(5).Mean.ToArray());
    }

    private static ForecastModelSet FittedSet()
    {
        var trainer = new AutomaticForecastTrainer(new AutomaticForecastTrainer.Options { SeasonalPeriod = 7, Horizon = 7, BacktestOrigins = 4 });
        var random = new Random(3);
        // Long enough (over StandardizedErrors.MinimumResiduals) for residual shapes.
        var smooth = Enumerable.Range(0, 120).Select(t => 20.0 + (t % 7) * 3 + random.Next(-3, 4)).ToArray();
        var positive = Enumerable.Range(0, 70).Select(t => 50.0 + t + 10 * Math.Sin(t / 7.0 * 2 * Math.PI) + random.Next(0, 5)).ToArray();
        var intermittent = Enumerable.Range(0, 70).Select(t => t % 5 == 0 ? (double)random.Next(1, 4) : 0).ToArray();
        var end = new DateOnly(2026, 5, 31);
        return new ForecastModelSet(
            SeriesGranularity.Day,
            [
                new ForecastModelSetEntry("smooth", end, trainer.Fit(smooth)),
                new ForecastModelSetEntry("positive", end, trainer.Fit(positive)),
                new ForecastModelSetEntry("intermittent", end, trainer.Fit(intermittent)),
                new ForecastModelSetEntry("new", end, trainer.Fit([2, 0])),
            ],
            new Dictionary<string, string> { ["seasonalPeriod"] = "7" });
    }
}
