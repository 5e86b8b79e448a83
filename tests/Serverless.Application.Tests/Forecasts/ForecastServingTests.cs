using Serverless.Application.Common;
using Serverless.Application.Forecasts;
using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Forecasts;
using Serverless.Domain.Ports;
using Xunit;
using static Serverless.Application.Tests.Forecasts.HandlerResultAssert;

namespace Serverless.Application.Tests.Forecasts;

public sealed class ForecastServingTests
{
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(TestApplication.Start.UtcDateTime).AddDays(-1);

    [Theory]
    [InlineData("day", 21)]
    [InlineData("week", 6)]
    public async Task A_category_forecast_is_exactly_the_sum_of_its_products_forecasts(string granularity, int horizon)
    {
        using var app = new TestApplication(ForecastShop.Settings);
        await ForecastShop.SeedAsync(app);

        var kitchen = Ok(await app.Get<GetCategoryForecastHandler>().HandleAsync("Kitchen", horizon.ToString(), granularity, CancellationToken.None));
        var k1 = Ok(await app.Get<GetProductForecastHandler>().HandleAsync("K1", horizon.ToString(), granularity, CancellationToken.None));
        var k2 = Ok(await app.Get<GetProductForecastHandler>().HandleAsync("K2", horizon.ToString(), granularity, CancellationToken.None));
        var k3 = Ok(await app.Get<GetProductForecastHandler>().HandleAsync("K3", horizon.ToString(), granularity, CancellationToken.None));

        Assert.Equal(horizon, kitchen.Points.Count);
        Assert.Equal("bottom_up", kitchen.Model);
        Assert.Equal(["2 products"], kitchen.Components);
        Assert.All(new[] { kitchen, k1, k2, k3 }, f => Assert.Equal(ForecastSource.OnDemand, f.Source));
        for (var h = 0; h < horizon; h++)
        {
            Assert.Equal(k1.Points[h].Date, kitchen.Points[h].Date);
            Assert.Equal(k1.Points[h].Mean + k2.Points[h].Mean + k3.Points[h].Mean, kitchen.Points[h].Mean, 1e-3);
            // Nested intervals; a backtest-calibrated interval need not be centred on the mean (biased errors shift it).
            Assert.True(kitchen.Points[h].Lo95 <= kitchen.Points[h].Lo80 && kitchen.Points[h].Lo80 <= kitchen.Points[h].Hi80);
            Assert.True(kitchen.Points[h].Hi80 <= kitchen.Points[h].Hi95 && kitchen.Points[h].Lo95 >= 0);
        }

        // The never-sold catalog product forecasts zero; the category's backtest is of the summed forecasts.
        Assert.Equal("no_sales", k3.Model);
        Assert.All(k3.Points, p => Assert.Equal(0, p.Mean));
        Assert.NotNull(kitchen.Backtest.Mae);
        Assert.InRange(kitchen.Backtest.Mase!.Value, 0.05, 3);
    }

    [Fact]
    public async Task Daily_points_start_the_day_after_the_history_and_weekly_ones_after_the_last_complete_week()
    {
        using var app = new TestApplication(ForecastShop.Settings);
        await ForecastShop.SeedAsync(app);

        var daily = Ok(await app.Get<GetProductForecastHandler>().HandleAsync("G1", "7", null, CancellationToken.None));
        var weekly = Ok(await app.Get<GetProductForecastHandler>().HandleAsync("G1", "3", "WEEK", CancellationToken.None));

        Assert.Equal(ForecastGranularity.Day, daily.Granularity);
        Assert.Equal(Yesterday, daily.DataWindow.To);
        Assert.Equal(Yesterday.AddDays(-ForecastShop.Days + 1), daily.DataWindow.From);
        Assert.Equal(ForecastShop.Days, daily.DataWindow.Periods);
        Assert.Equal(Enumerable.Range(1, 7).Select(d => Yesterday.AddDays(d)), daily.Points.Select(p => p.Date));

        // A steady 5 a day (the refund does not count): the forecast is 5 and the backtest error near zero.
        Assert.All(daily.Points, p => Assert.Equal(5, p.Mean, 1));
        Assert.InRange(daily.Backtest.Mae!.Value, 0, 0.01);

        // 2025-05-31 is a Saturday: the last complete week is the one of Monday 2025-05-19; the forecast starts with the
        // week under way (Monday 2025-05-26), whose sales so far are not taken as its total.
        Assert.Equal(new DateOnly(2025, 5, 19), weekly.DataWindow.To);
        Assert.Equal([new DateOnly(2025, 5, 26), new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 9)], weekly.Points.Select(p => p.Date));
        Assert.All(weekly.Points, p => Assert.Equal(35, p.Mean, 0));
    }

    [Fact]
    public async Task Bad_queries_are_400_problems_naming_the_field_and_unknown_series_are_404()
    {
        using var app = new TestApplication(ForecastShop.Settings);
        await ForecastShop.SeedAsync(app);
        var products = app.Get<GetProductForecastHandler>();
        var categories = app.Get<GetCategoryForecastHandler>();

        var tooFar = await products.HandleAsync("K1", "366", "day", CancellationToken.None);
        var tooManyWeeks = await products.HandleAsync("K1", "105", "week", CancellationToken.None);
        var notNumber = await categories.HandleAsync("Kitchen", "soon", null, CancellationToken.None);
        var month = await products.HandleAsync("K1", null, "month", CancellationToken.None);
        var zero = await products.HandleAsync("K1", "0", null, CancellationToken.None);
        var unknown = await products.HandleAsync("NOPE", null, null, CancellationToken.None);
        var unknownCategory = await categories.HandleAsync("Toys", null, null, CancellationToken.None);
        var maxWeeks = await products.HandleAsync("G1", "104", "week", CancellationToken.None);

        Assert.Equal("horizon", Field(tooFar));
        Assert.Contains("365", tooFar.Problem!.Errors!["horizon"][0]);
        Assert.Equal("horizon", Field(tooManyWeeks));
        Assert.Equal("horizon", Field(notNumber));
        Assert.Equal("granularity", Field(month));
        Assert.Equal("horizon", Field(zero));
        Assert.Equal(404, unknown.Status);
        Assert.Equal(404, unknownCategory.Status);
        Assert.Equal(104, Ok(maxWeeks).Points.Count);
    }

    [Fact]
    public async Task The_nightly_refresh_fans_out_per_category_and_granularity_and_the_total_and_its_documents_are_served()
    {
        using var app = new TestApplication(ForecastShop.Settings);
        await ForecastShop.SeedAsync(app);

        var report = await app.Get<RefreshForecastsHandler>().HandleAsync(CancellationToken.None);
        var messages = app.Publisher.Raw(QueueNames.ForecastRequests);
        var worker = app.Get<ProcessForecastRequestHandler>();
        foreach (var message in messages)
        {
            await worker.HandleAsync(message, CancellationToken.None);
        }

        Assert.Equal(new ForecastRefreshReport(Yesterday, ForecastShop.Days + 1, 0, ForecastShop.Days, 3, 2, 6), report);
        Assert.Equal(6, messages.Count);

        // Kitchen, Garden and the total, each a day and a week document; K1, K2, G1 likewise (K3 never sold: served on demand).
        Assert.Equal(12, app.Forecasts.Documents.Count);
        var kitchen = (await app.Forecasts.GetAsync(ForecastSeriesKind.Category, "Kitchen", ForecastGranularity.Day, CancellationToken.None))!;
        var k1 = (await app.Forecasts.GetAsync(ForecastSeriesKind.Product, "K1", ForecastGranularity.Day, CancellationToken.None))!;
        var k2 = (await app.Forecasts.GetAsync(ForecastSeriesKind.Product, "K2", ForecastGranularity.Day, CancellationToken.None))!;
        Assert.Equal(30, kitchen.Horizon);
        Assert.All(Enumerable.Range(0, 30), h => Assert.Equal(k1.Points[h].Mean + k2.Points[h].Mean, kitchen.Points[h].Mean, 1e-3));
        Assert.NotNull(k1.Backtest.Mase);
        Assert.Equal(4, k1.Backtest.Origins);
        Assert.Equal(TestApplication.Start, k1.GeneratedAt);

        // Served from the documents while they cover the request; a longer horizon is computed on demand, same model.
        var stored = Ok(await app.Get<GetProductForecastHandler>().HandleAsync("K1", "30", null, CancellationToken.None));
        var longer = Ok(await app.Get<GetProductForecastHandler>().HandleAsync("K1", "45", null, CancellationToken.None));
        Assert.Equal(ForecastSource.Precomputed, stored.Source);
        Assert.Equal(k1.Points, stored.Points);
        Assert.Equal(ForecastSource.OnDemand, longer.Source);
        Assert.Equal(k1.Model, longer.Model);
        Assert.Equal(k1.Points.Select(p => p.Mean), longer.Points.Take(30).Select(p => p.Mean));

        // Stale documents (the refresh stopped) are not served.
        app.Clock.Advance(TimeSpan.FromHours(49));
        Assert.Equal(ForecastSource.OnDemand, Ok(await app.Get<GetCategoryForecastHandler>().HandleAsync("Kitchen", "7", null, CancellationToken.None)).Source);
    }

    [Fact]
    public async Task A_later_load_reads_only_the_archive_hours_that_changed_and_counts_late_events_once()
    {
        using var app = new TestApplication(ForecastShop.Settings);
        await ForecastShop.SeedAsync(app);
        var loader = app.Get<DemandHistoryLoader>();
        var first = await loader.LoadAsync(CancellationToken.None);
        var lateAt = new DateTimeOffset(Yesterday.AddDays(-10).ToDateTime(new TimeOnly(10, 30)), TimeSpan.Zero);
        var late = new Domain.Events.BehaviorEvent
        {
            EventId = "purchase-late",
            UserId = "u-late",
            Type = Domain.Events.BehaviorEventType.Purchase,
            OccurredAt = lateAt,
            OrderId = "late",
            Currency = "EUR",
            Lines = [new Domain.Events.OrderLine { ProductId = "G1", Quantity = 7, UnitPrice = 2m, Category = "Outdoor" }],
        };

        await app.Archive.AppendAsync([late, late], CancellationToken.None);
        var second = await loader.LoadAsync(CancellationToken.None);
        var third = await loader.LoadAsync(CancellationToken.None);

        // 63 purchase hours and the refund's hour; then only the late event's hour again; then nothing.
        Assert.Equal((ForecastShop.Days + 1, 0, (long)ForecastShop.Days), (first.HoursRead, first.HoursReused, first.PurchasesRead));
        Assert.Equal((1, ForecastShop.Days, 2L), (second.HoursRead, second.HoursReused, second.PurchasesRead));
        Assert.Equal((0, ForecastShop.Days + 1, 0L), (third.HoursRead, third.HoursReused, third.PurchasesRead));
        Assert.Equal(2, app.DemandSnapshots.Saves);
        Assert.Equal(5, first.ObservationsOf("G1").Where(o => o.Date == DateOnly.FromDateTime(lateAt.UtcDateTime)).Sum(o => o.Quantity));
        Assert.Equal(12, third.ObservationsOf("G1").Where(o => o.Date == DateOnly.FromDateTime(lateAt.UtcDateTime)).Sum(o => o.Quantity));

        // The catalog's category wins over the lines'.
        Assert.Equal("Garden", third.CategoryOf["G1"]);
        Assert.Equal(first.Products.Order(), third.Products.Order());
    }

    [Fact]
    public async Task A_redelivered_request_overwrites_the_same_documents_and_a_malformed_one_is_permanent()
    {
        using var app = new TestApplication(ForecastShop.Settings);
        await ForecastShop.SeedAsync(app);
        var worker = app.Get<ProcessForecastRequestHandler>();
        const string Message = """{"category":"Garden","granularity":"week","historyEnd":"2025-05-31","requestedAt":"2025-06-01T02:30:00Z"}""";

        var first = await worker.HandleAsync(Message, CancellationToken.None);
        var before = app.Forecasts.Documents.ToDictionary();
        var second = await worker.HandleAsync(Message, CancellationToken.None);

        Assert.Equal(2, first);
        Assert.Equal(2, second);
        Assert.Equal(before, app.Forecasts.Documents.ToDictionary());
        Assert.Equal(0, await worker.HandleAsync(Message.Replace("Garden", "Toys"), CancellationToken.None));
        await Assert.ThrowsAsync<PermanentMessageException>(() => worker.HandleAsync("{not json", CancellationToken.None));
        await Assert.ThrowsAsync<PermanentMessageException>(() => worker.HandleAsync("""{"category":"a/b","granularity":"day"}""", CancellationToken.None));
        await Assert.ThrowsAsync<PermanentMessageException>(() => worker.HandleAsync("""{"category":"Garden","granularity":"month","historyEnd":"2025-05-31","requestedAt":"2025-06-01T02:30:00Z"}""", CancellationToken.None));
    }

    [Fact]
    public async Task Reorder_targets_grow_with_the_service_level_and_bad_parameters_are_named()
    {
        using var app = new TestApplication(ForecastShop.Settings);
        await ForecastShop.SeedAsync(app);
        var handler = app.Get<GetReorderPointHandler>();

        var steady = Ok(await handler.HandleAsync("G1", "7", "0.95", "0", CancellationToken.None));
        var k1At90 = Ok(await handler.HandleAsync("K1", "7", "0.9", null, CancellationToken.None));
        var k1At99 = Ok(await handler.HandleAsync("K1", "7", "0.99", null, CancellationToken.None));
        var neverSold = Ok(await handler.HandleAsync("K3", "7", null, null, CancellationToken.None));

        Assert.Equal(35, steady.LeadTimeDemand, 1);
        Assert.InRange(steady.ReorderPoint, 35, 37);
        Assert.Equal(steady.ReorderPoint, steady.OrderUpToLevel);
        Assert.Equal(0, steady.ReorderQuantity);
        Assert.Equal(GetReorderPointHandler.DefaultReviewPeriodDays, k1At90.ReviewPeriodDays);
        Assert.True(k1At99.ReorderPoint > k1At90.ReorderPoint);
        Assert.True(k1At90.ReorderPoint >= k1At90.LeadTimeDemand);
        Assert.Equal(k1At90.OrderUpToLevel - k1At90.ReorderPoint, k1At90.ReorderQuantity, 6);
        Assert.InRange(k1At90.ReorderQuantity, 20, 80);
        Assert.Equal(0, neverSold.ReorderPoint);

        Assert.Equal("leadTimeDays", Field(await handler.HandleAsync("K1", null, "0.95", null, CancellationToken.None)));
        Assert.Equal("leadTimeDays", Field(await handler.HandleAsync("K1", "0", null, null, CancellationToken.None)));
        Assert.Equal("serviceLevel", Field(await handler.HandleAsync("K1", "7", "1.2", null, CancellationToken.None)));
        Assert.Equal("serviceLevel", Field(await handler.HandleAsync("K1", "7", "0.3", null, CancellationToken.None)));
        Assert.Equal("reviewPeriodDays", Field(await handler.HandleAsync("K1", "7", null, "-1", CancellationToken.None)));
        Assert.Equal("reviewPeriodDays", Field(await handler.HandleAsync("K1", "300", null, "100", CancellationToken.None)));
        Assert.Equal(404, (await handler.HandleAsync("NOPE", "7", null, null, CancellationToken.None)).Status);
    }

    [Fact]
    public void Invalid_settings_stop_the_start()
    {
        using var app = new TestApplication(new Dictionary<string, string?> { ["Forecasts:DefaultHorizonDays"] = "400", ["Forecasts:UncategorizedName"] = "a/b" });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => app.Get<Microsoft.Extensions.Options.IOptions<ForecastOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("DefaultHorizonDays", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("UncategorizedName", StringComparison.Ordinal));
    }
}
