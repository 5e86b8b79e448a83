using System.Text.Json;
using Serverless.Application.Common;
using Serverless.Application.Forecasts;
using Serverless.Application.Telemetry;
using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Forecasts;
using Serverless.Domain.Json;
using Serverless.Domain.Ports;
using Serverless.Testing;
using Xunit;
using static Serverless.Application.Tests.Forecasts.HandlerResultAssert;

namespace Serverless.Application.Tests.Forecasts;

/// <summary>The shop-wide total: bottom-up over every product, precomputed by the refresh, served like a category, and the forecast metrics.</summary>
public sealed class TotalForecastTests
{
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(TestApplication.Start.UtcDateTime).AddDays(-1);

    [Theory]
    [InlineData("day", 21)]
    [InlineData("week", 6)]
    public async Task The_total_is_the_sum_of_the_categories_and_of_the_products_period_by_period(string granularity, int horizon)
    {
        using var app = new TestApplication(ForecastShop.Settings);
        await ForecastShop.SeedAsync(app);

        var total = Ok(await app.Get<GetTotalForecastHandler>().HandleAsync(horizon.ToString(), granularity, CancellationToken.None));
        var categories = await Task.WhenAll(new[] { "Kitchen", "Garden" }.Select(async c =>
            Ok(await app.Get<GetCategoryForecastHandler>().HandleAsync(c, horizon.ToString(), granularity, CancellationToken.None))));
        var products = await Task.WhenAll(new[] { "K1", "K2", "K3", "G1" }.Select(async p =>
            Ok(await app.Get<GetProductForecastHandler>().HandleAsync(p, horizon.ToString(), granularity, CancellationToken.None))));

        Assert.Equal(horizon, total.Points.Count);
        Assert.Equal(ForecastSource.OnDemand, total.Source);
        Assert.Equal("bottom_up", total.Model);
        Assert.Equal(["3 products"], total.Components);
        Assert.Null(total.ProductId);
        Assert.Null(total.Category);
        Assert.Equal(categories[0].DataWindow.To, total.DataWindow.To);
        for (var h = 0; h < horizon; h++)
        {
            Assert.Equal(categories[0].Points[h].Date, total.Points[h].Date);
            Assert.Equal(categories.Sum(c => c.Points[h].Mean), total.Points[h].Mean, 1e-3);
            Assert.Equal(products.Sum(p => p.Points[h].Mean), total.Points[h].Mean, 1e-3);
            Assert.True(total.Points[h].Lo95 <= total.Points[h].Lo80 && total.Points[h].Lo80 <= total.Points[h].Hi80);
            Assert.True(total.Points[h].Hi80 <= total.Points[h].Hi95 && total.Points[h].Lo95 >= 0);
        }

        // The backtest is of the summed forecasts (AggregateBacktest), as for a category.
        Assert.NotNull(total.Backtest.Mae);
        Assert.InRange(total.Backtest.Mase!.Value, 0.05, 3);
        Assert.True(total.Backtest.Origins > 0);
    }

    [Fact]
    public async Task Bad_total_queries_are_400_problems_naming_the_field_and_a_shop_without_sales_is_404()
    {
        using var app = new TestApplication(ForecastShop.Settings);
        await ForecastShop.SeedAsync(app);
        var handler = app.Get<GetTotalForecastHandler>();

        var tooFar = await handler.HandleAsync("366", "day", CancellationToken.None);
        var tooManyWeeks = await handler.HandleAsync("105", "week", CancellationToken.None);
        var notNumber = await handler.HandleAsync("soon", null, CancellationToken.None);
        var month = await handler.HandleAsync(null, "month", CancellationToken.None);
        var defaults = Ok(await handler.HandleAsync(null, null, CancellationToken.None));

        Assert.Equal("horizon", Field(tooFar));
        Assert.Contains("365", tooFar.Problem!.Errors!["horizon"][0]);
        Assert.Equal("horizon", Field(tooManyWeeks));
        Assert.Contains("104", tooManyWeeks.Problem!.Errors!["horizon"][0]);
        Assert.Equal("horizon", Field(notNumber));
        Assert.Equal("granularity", Field(month));
        Assert.Equal((ForecastGranularity.Day, 28), (defaults.Granularity, defaults.Horizon));

        // A catalog but no purchase at all: nothing to sum.
        using var empty = new TestApplication(ForecastShop.Settings);
        await empty.Catalog.TrySaveAsync(new Domain.Catalog.Product { ProductId = "K1", Title = "K1", Category = "Kitchen", UpdatedAt = TestApplication.Start }, null, CancellationToken.None);
        var none = await empty.Get<GetTotalForecastHandler>().HandleAsync(null, null, CancellationToken.None);
        var noneReport = await empty.Get<RefreshForecastsHandler>().HandleAsync(CancellationToken.None);
        Assert.Equal(404, none.Status);
        Assert.Equal(0, noneReport.MessagesSent);
    }

    [Fact]
    public async Task The_refresh_precomputes_the_total_which_is_served_and_every_document_and_answer_is_counted()
    {
        using var app = new TestApplication(ForecastShop.Settings);
        await ForecastShop.SeedAsync(app);
        var meter = app.Get<ApplicationMetrics>().Meter;
        using var metrics = new MeasurementRecorder(m => ReferenceEquals(m, meter));

        await app.Get<RefreshForecastsHandler>().HandleAsync(CancellationToken.None);
        var worker = app.Get<ProcessForecastRequestHandler>();
        foreach (var message in app.Publisher.Raw(QueueNames.ForecastRequests))
        {
            await worker.HandleAsync(message, CancellationToken.None);
        }

        var total = (await app.Forecasts.GetAsync(ForecastSeriesKind.Total, DemandForecast.TotalName, ForecastGranularity.Day, CancellationToken.None))!;
        var kitchen = (await app.Forecasts.GetAsync(ForecastSeriesKind.Category, "Kitchen", ForecastGranularity.Day, CancellationToken.None))!;
        var garden = (await app.Forecasts.GetAsync(ForecastSeriesKind.Category, "Garden", ForecastGranularity.Day, CancellationToken.None))!;
        Assert.Equal(DemandForecast.TotalName, total.ProductId);
        Assert.Equal(new ForecastDataWindow(Yesterday.AddDays(-ForecastShop.Days + 1), Yesterday, ForecastShop.Days), total.DataWindow);
        Assert.Equal(30, total.Horizon);
        Assert.All(Enumerable.Range(0, 30), h => Assert.Equal(kitchen.Points[h].Mean + garden.Points[h].Mean, total.Points[h].Mean, 1e-3));
        Assert.NotNull(total.Backtest.Mase);
        Assert.NotNull(await app.Forecasts.GetAsync(ForecastSeriesKind.Total, DemandForecast.TotalName, ForecastGranularity.Week, CancellationToken.None));

        // One refreshed count per document written, by kind and granularity, and the MASE of each backtested one.
        Assert.Equal(12, metrics.Of("serverless.forecasts.refreshed").Count);
        Assert.Equal(2, metrics.Of("serverless.forecasts.refreshed", ("forecast.kind", "total")).Count);
        Assert.Equal(3, metrics.Of("serverless.forecasts.refreshed", ("forecast.kind", "product"), ("forecast.granularity", "week")).Count);
        var totalMase = Assert.Single(metrics.Of("serverless.forecasts.backtest.mase", ("forecast.kind", "total"), ("forecast.granularity", "day")));
        Assert.Equal(total.Backtest.Mase!.Value, totalMase.Value);
        var backtested = app.Forecasts.Documents.Values
            .Select(json => JsonSerializer.Deserialize<DemandForecast>(json, DomainJson.Options)!)
            .Where(document => document.Backtest.Mase is not null)
            .Select(document => document.Backtest.Mase!.Value)
            .Order();
        Assert.Equal(backtested, metrics.Of("serverless.forecasts.backtest.mase").Select(m => m.Value).Order());

        // Each product that sold (K1, K2, G1) was fitted once per granularity through the instance's model cache, although
        // its category's message and the total's both needed it.
        Assert.Equal(3 * 2, app.Get<ForecastModelCache>().Count);

        // Served from the stored document; K3 never sold, so it has none and is computed on demand.
        var served = Ok(await app.Get<GetTotalForecastHandler>().HandleAsync("14", "day", CancellationToken.None));
        Ok(await app.Get<GetProductForecastHandler>().HandleAsync("K3", "14", "day", CancellationToken.None));
        Assert.Equal(ForecastSource.Precomputed, served.Source);
        Assert.Equal(total.Points.Take(14), served.Points);
        Assert.Single(metrics.Of("serverless.forecasts.served", ("forecast.kind", "total"), ("forecast.source", "precomputed")));
        Assert.Single(metrics.Of("serverless.forecasts.served", ("forecast.kind", "product"), ("forecast.source", "on_demand")));
        Assert.Equal(2, metrics.Of("serverless.forecasts.served").Count);
    }

    [Fact]
    public async Task A_total_request_writes_only_the_total_and_a_total_with_a_category_or_a_product_request_is_permanent()
    {
        using var app = new TestApplication(ForecastShop.Settings);
        await ForecastShop.SeedAsync(app);
        var worker = app.Get<ProcessForecastRequestHandler>();
        const string Message = """{"kind":"total","granularity":"week","historyEnd":"2025-05-31","requestedAt":"2025-06-01T02:30:00Z"}""";

        var first = await worker.HandleAsync(Message, CancellationToken.None);
        var before = app.Forecasts.Documents.ToDictionary();
        var second = await worker.HandleAsync(Message, CancellationToken.None);

        Assert.Equal((1, 1), (first, second));
        Assert.Equal((ForecastSeriesKind.Total, DemandForecast.TotalName, ForecastGranularity.Week), Assert.Single(before.Keys));
        Assert.Equal(before, app.Forecasts.Documents.ToDictionary());
        await Assert.ThrowsAsync<PermanentMessageException>(() => worker.HandleAsync(Message.Replace("\"kind\":\"total\"", "\"kind\":\"total\",\"category\":\"Garden\""), CancellationToken.None));
        await Assert.ThrowsAsync<PermanentMessageException>(() => worker.HandleAsync(Message.Replace("\"kind\":\"total\"", "\"kind\":\"product\",\"category\":\"Garden\""), CancellationToken.None));
        await Assert.ThrowsAsync<PermanentMessageException>(() => worker.HandleAsync(Message.Replace("\"kind\":\"total\"", "\"kind\":\"category\""), CancellationToken.None));
    }
}
