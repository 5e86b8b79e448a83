using Serverless.Application.Recommendations;
using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Events;
using Serverless.Domain.Segments;
using Xunit;

namespace Serverless.Application.Tests.Recommendations;

public sealed class RecommendationServingTests
{
    [Fact]
    public async Task An_unknown_user_gets_the_cold_start_list_of_popular_in_stock_products()
    {
        using var serving = new ServingFixture();
        var trained = await serving.TrainAsync();
        serving.SetProduct("K1", p => p with { InStock = false });

        var response = await serving.RecommendAsync("nobody-knows-me", count: 5);

        Assert.Equal(trained.Version, response.ModelVersion);
        Assert.Equal(ServingModelSource.Registry, response.Source);
        Assert.Equal(5, response.Items.Count);
        Assert.All(response.Items, item => Assert.Equal(("popular right now", RecommendationReason.PopularNow), (item.Reason, item.ReasonCode)));
        Assert.DoesNotContain(response.Items, item => item.ProductId == "K1");
        Assert.All(response.Items, item => Assert.NotNull(item.Title));
        Assert.True(response.Items.Zip(response.Items.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
    }

    [Fact]
    public async Task Reasons_name_the_history_item_and_seen_in_cart_and_recently_bought_items_are_excluded()
    {
        using var serving = new ServingFixture(("Recommendations:RepurchaseWindowDays", "30"));
        await serving.TrainAsync();
        serving.Apply(
            "shopper",
            serving.View("shopper", "K1", TimeSpan.FromHours(3)),
            serving.View("shopper", "K2", TimeSpan.FromHours(2)),
            ClusteredShop.Purchase("shopper", "K3", "Kitchen", serving.Now.AddDays(-5), "recent-order"),
            ClusteredShop.Purchase("shopper", "K4", "Kitchen", serving.Now.AddDays(-40), "old-order"),
            new BehaviorEvent
            {
                EventId = "cart-1", UserId = "shopper", Type = BehaviorEventType.AddToCart, OccurredAt = serving.Now.AddHours(-1),
                ProductId = "K5", Quantity = 1, Category = "Kitchen",
            });

        var response = await serving.RecommendAsync("shopper", count: 20);
        var ids = response.Items.Select(i => i.ProductId).ToList();

        Assert.DoesNotContain("K1", ids);
        Assert.DoesNotContain("K2", ids);
        Assert.DoesNotContain("K3", ids);
        Assert.DoesNotContain("K5", ids);
        Assert.Contains("K4", ids);
        var first = response.Items[0];
        Assert.Equal("Kitchen", first.Category);
        Assert.Contains(first.ReasonCode, new[] { RecommendationReason.BecauseYouViewed, RecommendationReason.BecauseYouBought, RecommendationReason.BecauseYouAddedToCart });
        Assert.Equal(first.ReasonCode switch
        {
            RecommendationReason.BecauseYouViewed => $"because you viewed Kitchen item {first.BecauseOf![1..]}",
            RecommendationReason.BecauseYouBought => $"because you bought Kitchen item {first.BecauseOf![1..]}",
            _ => $"because you added Kitchen item {first.BecauseOf![1..]} to your cart",
        }, first.Reason);
    }

    [Fact]
    public async Task At_most_the_configured_number_of_items_per_category_and_the_category_filter_holds()
    {
        using var serving = new ServingFixture(("Recommendations:MaxPerCategory", "2"));
        await serving.TrainAsync();
        serving.Apply("k-fan", serving.View("k-fan", "K1", TimeSpan.FromHours(1)), serving.View("k-fan", "K2", TimeSpan.FromHours(1)));

        var capped = await serving.RecommendAsync("k-fan", count: 6);
        var garden = await serving.RecommendAsync("k-fan", count: 2, category: "garden");

        Assert.Equal(6, capped.Items.Count);
        Assert.All(capped.Items.GroupBy(i => i.Category), group => Assert.Equal(2, group.Count()));
        Assert.All(garden.Items, item => Assert.Equal("Garden", item.Category));
        Assert.Equal(2, garden.Items.Count);
    }

    [Fact]
    public async Task A_new_users_third_click_already_changes_the_list_towards_what_they_click()
    {
        using var serving = new ServingFixture();
        await serving.TrainAsync();

        var before = await serving.RecommendAsync("fresh", count: 5);
        serving.Apply("fresh", serving.View("fresh", "T1", TimeSpan.FromMinutes(3)), serving.View("fresh", "T2", TimeSpan.FromMinutes(2)));
        var afterTwo = await serving.RecommendAsync("fresh", count: 5);
        serving.Apply("fresh", serving.View("fresh", "G1", TimeSpan.FromMinutes(1)));
        var afterThree = await serving.RecommendAsync("fresh", count: 5);

        Assert.All(before.Items, item => Assert.Equal(RecommendationReason.PopularNow, item.ReasonCode));
        Assert.Equal(RecommendationReason.BecauseYouViewed, afterTwo.Items[0].ReasonCode);
        Assert.Equal("Toys", afterTwo.Items[0].Category);
        Assert.NotEqual(afterTwo.Items.Select(i => i.ProductId), afterThree.Items.Select(i => i.ProductId));
        Assert.Contains(afterThree.Items, item => item.Category == "Garden" && item.BecauseOf == "G1");
    }

    [Fact]
    public async Task Cold_start_uses_the_users_segment_and_affinity_categories_before_everyone()
    {
        using var serving = new ServingFixture();
        await serving.AddMembersAsync(RfmSegments.Champions.Id, Enumerable.Range(0, 60).Where(u => u % 3 == 1).Select(u => $"u{u:D3}"));
        await serving.TrainAsync();
        serving.Apply("garden-champion", new BehaviorEvent
        {
            EventId = "s1", UserId = "garden-champion", Type = BehaviorEventType.Search, OccurredAt = serving.Now.AddHours(-1), Query = "rake",
        });
        serving.SetSegment("garden-champion", RfmSegments.Champions.Id);
        serving.Apply("toy-browser", new BehaviorEvent
        {
            EventId = "c1", UserId = "toy-browser", Type = BehaviorEventType.View, OccurredAt = serving.Now.AddDays(-400), ProductId = "X-retired", Category = "Toys",
        });

        var champion = await serving.RecommendAsync("garden-champion", count: 4);
        var browser = await serving.RecommendAsync("toy-browser", count: 10);

        Assert.All(champion.Items, item => Assert.Equal(("popular in your segment", "Garden"), (item.Reason, item.Category)));
        Assert.Equal("trending in Toys", browser.Items[0].Reason);
        Assert.Equal(RecommendationReason.TrendingInCategory, browser.Items[0].ReasonCode);
        Assert.Contains(browser.Items, item => item.ReasonCode == RecommendationReason.PopularNow);
    }

    [Fact]
    public async Task Product_and_cart_contexts_seed_the_history_and_say_so()
    {
        using var serving = new ServingFixture();
        await serving.TrainAsync();
        serving.Apply("ctx", new BehaviorEvent
        {
            EventId = "cart-g1", UserId = "ctx", Type = BehaviorEventType.AddToCart, OccurredAt = serving.Now.AddMinutes(-5),
            ProductId = "G1", Quantity = 2, Category = "Garden",
        });

        var onProduct = await serving.RecommendAsync("ctx", count: 3, context: "product", productId: "T1");
        var implied = await serving.RecommendAsync("ctx", count: 3, productId: "T1");
        var onCart = await serving.RecommendAsync("ctx", count: 3, context: "CART");

        Assert.Equal(RecommendationContext.Product, implied.Context);
        Assert.Equal(("similar to Toys item 1", "T1"), (onProduct.Items[0].Reason, onProduct.Items[0].BecauseOf));
        Assert.DoesNotContain(onProduct.Items, i => i.ProductId == "T1");
        Assert.Equal(("goes with Garden item 1 in your cart", RecommendationReason.GoesWithYourCart), (onCart.Items[0].Reason, onCart.Items[0].ReasonCode));
        Assert.DoesNotContain(onCart.Items, i => i.ProductId == "G1");
    }

    [Theory]
    [InlineData(null, true, false, 24)]
    [InlineData(null, false, true, 25)]
    [InlineData("Exclude", false, false, 0)]
    [InlineData("Include", true, true, 25)]
    public async Task Products_missing_from_the_catalog_follow_the_setting(string? setting, bool withCatalog, bool expected, int count)
    {
        using var serving = new ServingFixture(setting is null ? [] : [("Recommendations:ItemsNotInCatalog", setting)]);
        if (!withCatalog)
        {
            foreach (var product in serving.App.Catalog.Store.All().ToList())
            {
                serving.App.Catalog.Store.Delete(product.ProductId);
            }
        }

        await serving.App.Archive.AppendAsync([.. ClusteredShop.Events(TestApplication.Start), .. Ghosts(TestApplication.Start)], CancellationToken.None);
        await serving.TrainAsync();

        var list = await serving.RecommendAsync("anyone", count: 30);

        Assert.Equal(expected, list.Items.Any(i => i.ProductId == "GHOST"));
        Assert.All(list.Items.Where(i => i.ProductId == "GHOST"), ghost => Assert.Null(ghost.Title));
        Assert.Equal(count, list.Items.Count);
    }

    [Theory]
    [InlineData(0, null, null, "count")]
    [InlineData(101, null, null, "count")]
    [InlineData(5, "basket", null, "context")]
    [InlineData(5, "home", "K1", "productId")]
    [InlineData(5, "product", null, "productId")]
    public async Task Bad_parameters_are_400_problems_naming_the_parameter(int count, string? context, string? productId, string field)
    {
        using var serving = new ServingFixture();

        var result = await serving.App.Get<GetRecommendationsHandler>().HandleAsync("u1", count, context, productId, null, CancellationToken.None);

        Assert.Equal(400, result.Status);
        Assert.Equal([field], result.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task An_unknown_product_is_a_404_for_similar_items_and_for_the_product_context()
    {
        using var serving = new ServingFixture();
        await serving.TrainAsync();

        var similar = await serving.App.Get<GetSimilarProductsHandler>().HandleAsync("NOPE", 5, CancellationToken.None);
        var context = await serving.App.Get<GetRecommendationsHandler>().HandleAsync("u1", 5, "product", "NOPE", null, CancellationToken.None);

        Assert.Equal((404, 404), (similar.Status, context.Status));
    }

    [Fact]
    public async Task Similar_products_come_from_the_model_with_the_product_as_reason_then_fill_from_its_category()
    {
        using var serving = new ServingFixture();
        await serving.TrainAsync();

        var result = await serving.App.Get<GetSimilarProductsHandler>().HandleAsync("G2", 30, CancellationToken.None);

        var items = result.Value!.Items;
        Assert.DoesNotContain(items, i => i.ProductId == "G2");
        Assert.Equal(("similar to Garden item 2", "G2", "Garden"), (items[0].Reason, items[0].BecauseOf, items[0].Category));
        Assert.Equal(23, items.Count);
    }

    [Fact]
    public async Task Trending_filters_by_segment_and_category_and_refuses_an_unknown_segment()
    {
        using var serving = new ServingFixture();
        await serving.AddMembersAsync(RfmSegments.Loyal.Id, Enumerable.Range(0, 60).Where(u => u % 3 == 2).Select(u => $"u{u:D3}"));
        await serving.TrainAsync();
        var handler = serving.App.Get<GetTrendingProductsHandler>();

        var kitchen = (await handler.HandleAsync(5, null, "Kitchen", CancellationToken.None)).Value!;
        var loyal = (await handler.HandleAsync(3, "loyal", null, CancellationToken.None)).Value!;
        var unknown = await handler.HandleAsync(3, "vip", null, CancellationToken.None);

        Assert.All(kitchen.Items, item => Assert.Equal(("Kitchen", "trending in Kitchen"), (item.Category, item.Reason)));
        Assert.Equal(5, kitchen.Items.Count);
        Assert.All(loyal.Items, item => Assert.Equal("Toys", item.Category));
        Assert.Equal(400, unknown.Status);
        Assert.Equal(["segment"], unknown.Problem!.Errors!.Keys);
    }

    private static IEnumerable<BehaviorEvent> Ghosts(DateTimeOffset end) =>
        Enumerable.Range(0, 40).Select(i => ClusteredShop.View($"g{i}", "GHOST", "Spirits", end.AddHours(-i - 1), $"ghost-{i}"));
}
