using Serverless.Domain.Catalog;
using Xunit;
using static Serverless.Domain.Tests.Support.Events;

namespace Serverless.Domain.Tests.Catalog;

public sealed class CatalogTests
{
    private static Product Product(DateTimeOffset updatedAt, string title = "Runner") => new()
    {
        ProductId = "p1",
        Title = title,
        Category = "shoes",
        Price = 59.9m,
        Currency = "EUR",
        UpdatedAt = updatedAt,
    };

    [Fact]
    public void The_newest_update_wins_whatever_the_arrival_order()
    {
        var older = Product(T0, "Old");
        var newer = Product(T0.AddMinutes(1), "New");

        Assert.True(ProductVersioning.Supersedes(older, null));
        Assert.True(ProductVersioning.Supersedes(newer, older));
        Assert.False(ProductVersioning.Supersedes(older, newer));
    }

    [Fact]
    public void Equal_stamps_are_decided_the_same_way_both_ways_and_a_repeat_changes_nothing()
    {
        var a = Product(T0, "A");
        var b = Product(T0, "B");

        Assert.NotEqual(ProductVersioning.Supersedes(a, b), ProductVersioning.Supersedes(b, a));
        Assert.False(ProductVersioning.Supersedes(a, Product(T0, "A")));
    }

    [Fact]
    public void A_valid_message_passes() =>
        Assert.Empty(CatalogMessageValidator.Validate(new CatalogMessage { Product = Product(T0) }, T0));

    [Fact]
    public void Product_id_title_price_and_stamp_are_checked()
    {
        var message = new CatalogMessage
        {
            SchemaVersion = "9",
            Product = Product(T0.AddDays(2)) with { ProductId = "a/b", Title = " ", Price = -1m, Currency = "euro" },
        };

        var fields = CatalogMessageValidator.Validate(message, T0).Select(e => e.Field);

        Assert.Equal(["schemaVersion", "product.productId", "product.title", "product.price", "product.currency", "product.updatedAt"], fields);
    }
}
