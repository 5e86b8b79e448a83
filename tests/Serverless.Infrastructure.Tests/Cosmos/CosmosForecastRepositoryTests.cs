using Serverless.Domain.Forecasts;
using Serverless.Infrastructure.Cosmos;
using Serverless.Testing;
using Xunit;

namespace Serverless.Infrastructure.Tests.Cosmos;

[Collection(EmulatorCollection.Name)]
public sealed class CosmosForecastRepositoryTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Generated = new(2026, 3, 4, 2, 30, 0, TimeSpan.Zero);
    private CosmosTestDatabase _database = null!;
    private CosmosForecastRepository _repository = null!;

    public async Task InitializeAsync()
    {
        _database = await CosmosTestDatabase.CreateAsync(fixture);
        _repository = new CosmosForecastRepository(_database.Containers);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task UpsertAsync_RoundTripsPointsAccuracyAndWindow()
    {
        var forecast = Forecast(ForecastSeriesKind.Product, "p-1", ForecastGranularity.Day, mean: 2.5);

        await _repository.UpsertAsync(forecast, CancellationToken.None);
        var stored = await _repository.GetAsync(ForecastSeriesKind.Product, "p-1", ForecastGranularity.Day, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(forecast.Points, stored.Points);
        Assert.Equal(forecast.Backtest, stored.Backtest);
        Assert.Equal(forecast.DataWindow, stored.DataWindow);
        Assert.Equal(Generated, stored.GeneratedAt);
        Assert.Equal(["naive", "theta"], stored.Components);
        Assert.Equal("combination", stored.Model);
        Assert.Equal(3, stored.Horizon);
    }

    [Fact]
    public async Task UpsertAsync_OverwritesTheSameDocument_AndKeepsGranularitiesAndKindsApart()
    {
        await _repository.UpsertAsync(Forecast(ForecastSeriesKind.Product, "shoes", ForecastGranularity.Day, mean: 1), CancellationToken.None);
        await _repository.UpsertAsync(Forecast(ForecastSeriesKind.Product, "shoes", ForecastGranularity.Day, mean: 7), CancellationToken.None);
        await _repository.UpsertAsync(Forecast(ForecastSeriesKind.Product, "shoes", ForecastGranularity.Week, mean: 30), CancellationToken.None);
        await _repository.UpsertAsync(Forecast(ForecastSeriesKind.Category, "shoes", ForecastGranularity.Day, mean: 99), CancellationToken.None);

        var day = await _repository.GetAsync(ForecastSeriesKind.Product, "shoes", ForecastGranularity.Day, CancellationToken.None);
        var week = await _repository.GetAsync(ForecastSeriesKind.Product, "shoes", ForecastGranularity.Week, CancellationToken.None);
        var category = await _repository.GetAsync(ForecastSeriesKind.Category, "shoes", ForecastGranularity.Day, CancellationToken.None);

        Assert.Equal(7, day!.Points[0].Mean);
        Assert.Equal(30, week!.Points[0].Mean);
        Assert.Equal(99, category!.Points[0].Mean);
        Assert.Equal("category:shoes", category.ProductId);
        Assert.Null(await _repository.GetAsync(ForecastSeriesKind.Category, "shoes", ForecastGranularity.Week, CancellationToken.None));
        Assert.Null(await _repository.GetAsync(ForecastSeriesKind.Product, "unknown", ForecastGranularity.Day, CancellationToken.None));
    }

    [Fact]
    public async Task TheTotal_SharesItsPartitionWithAProductNamedTotal_WithoutOverwritingIt()
    {
        await _repository.UpsertAsync(Forecast(ForecastSeriesKind.Product, DemandForecast.TotalName, ForecastGranularity.Day, mean: 3), CancellationToken.None);
        await _repository.UpsertAsync(Forecast(ForecastSeriesKind.Total, DemandForecast.TotalName, ForecastGranularity.Day, mean: 500), CancellationToken.None);

        var product = await _repository.GetAsync(ForecastSeriesKind.Product, DemandForecast.TotalName, ForecastGranularity.Day, CancellationToken.None);
        var total = await _repository.GetAsync(ForecastSeriesKind.Total, DemandForecast.TotalName, ForecastGranularity.Day, CancellationToken.None);

        Assert.Equal(3, product!.Points[0].Mean);
        Assert.Equal(500, total!.Points[0].Mean);
        Assert.Equal(ForecastSeriesKind.Total, total.Kind);
        Assert.Equal("total", total.ProductId);
        Assert.Null(await _repository.GetAsync(ForecastSeriesKind.Total, DemandForecast.TotalName, ForecastGranularity.Week, CancellationToken.None));
    }

    [Fact]
    public async Task UpsertAsync_RefusesAPartitionKeyThatDoesNotMatchTheSeries()
    {
        var wrong = Forecast(ForecastSeriesKind.Category, "shoes", ForecastGranularity.Day, mean: 1) with { ProductId = "shoes" };

        await Assert.ThrowsAsync<ArgumentException>(() => _repository.UpsertAsync(wrong, CancellationToken.None));
    }

    private static DemandForecast Forecast(ForecastSeriesKind kind, string name, ForecastGranularity granularity, double mean)
    {
        var start = new DateOnly(2026, 3, 4);
        return new DemandForecast
        {
            ProductId = DemandForecast.KeyOf(kind, name),
            Kind = kind,
            Name = name,
            Granularity = granularity,
            Model = "combination",
            Components = ["naive", "theta"],
            Backtest = new ForecastAccuracyRecord(1.25, 0.8, 7, 8),
            DataWindow = new ForecastDataWindow(new DateOnly(2025, 3, 4), new DateOnly(2026, 3, 3), 365),
            GeneratedAt = Generated,
            Points = Enumerable.Range(0, 3)
                .Select(i => new ForecastPoint(start.AddDays(i), mean, mean - 1, mean + 1, mean - 2, mean + 2))
                .ToList(),
        };
    }
}
