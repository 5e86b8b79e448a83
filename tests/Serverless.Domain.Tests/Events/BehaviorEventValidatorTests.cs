using Serverless.Domain.Events;
using Serverless.Domain.Tests.Support;
using Xunit;
using static Serverless.Domain.Tests.Support.Events;

namespace Serverless.Domain.Tests.Events;

public sealed class BehaviorEventValidatorTests
{
    private static readonly DateTimeOffset Now = T0;

    private static IReadOnlyList<string> FieldsOf(BehaviorEvent e) =>
        BehaviorEventValidator.Validate(e, Now).Select(error => error.Field).ToList();

    public static TheoryData<string> ValidEvents() => new() { "view", "click", "add", "remove", "search", "purchase", "refund-amount", "refund-lines", "review", "status" };

    private static BehaviorEvent Valid(string kind) => kind switch
    {
        "view" => View("e1", Now),
        "click" => View("e1", Now) with { Type = BehaviorEventType.Click },
        "add" => Cart("e1", Now, "p1", 2),
        "remove" => Cart("e1", Now, "p1", 1, add: false),
        "search" => Search("e1", Now, "running shoes"),
        "purchase" => Purchase("e1", Now, "o1", Line("p1", 2, 9.99m), Line("p2", 1, 0m)),
        "refund-amount" => Refund("e1", Now, "o1", 5m),
        "refund-lines" => Refund("e1", Now, "o1", 5m) with { Amount = null, Lines = [Line("p1", 1, 5m)] },
        "review" => Review("e1", Now, "p1", 5),
        "status" => Status("e1", Now, "o1", "shipped"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(ValidEvents))]
    public void Accepts_a_valid_event_of_each_type(string kind) => Assert.Empty(FieldsOf(Valid(kind)));

    [Theory]
    [InlineData(BehaviorEventType.View)]
    [InlineData(BehaviorEventType.Click)]
    [InlineData(BehaviorEventType.AddToCart)]
    [InlineData(BehaviorEventType.RemoveFromCart)]
    [InlineData(BehaviorEventType.Review)]
    public void Product_events_need_a_product_id(BehaviorEventType type)
    {
        var e = View("e1", Now) with { Type = type, ProductId = null, Rating = 4 };
        Assert.Equal(["productId"], FieldsOf(e));
    }

    [Fact]
    public void Search_needs_a_query() => Assert.Equal(["query"], FieldsOf(Search("e1", Now, "  ")));

    [Fact]
    public void Purchase_needs_order_currency_and_lines()
    {
        var e = Purchase("e1", Now, "o1") with { OrderId = null, Currency = "eur", Lines = [] };
        Assert.Equal(["orderId", "currency", "lines"], FieldsOf(e));
    }

    [Fact]
    public void Purchase_lines_are_checked_one_by_one_with_their_index()
    {
        var e = Purchase("e1", Now, "o1", Line("p1", 1, 1m), Line("", 0, -1m));
        Assert.Equal(["lines[1].productId", "lines[1].quantity", "lines[1].unitPrice"], FieldsOf(e));
    }

    [Fact]
    public void Refund_needs_an_order_and_a_positive_amount_or_lines()
    {
        Assert.Equal(["orderId"], FieldsOf(Refund("e1", Now, "o1", 5m) with { OrderId = null }));
        Assert.Equal(["amount"], FieldsOf(Refund("e1", Now, "o1", 0m)));
        Assert.Equal(["amount"], FieldsOf(Refund("e1", Now, "o1", 5m) with { Amount = null }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(6)]
    public void Review_needs_a_rating_from_1_to_5(int? rating) =>
        Assert.Equal(["rating"], FieldsOf(Review("e1", Now, "p1", 3) with { Rating = rating }));

    [Theory]
    [InlineData(null)]
    [InlineData("lost")]
    [InlineData("Shipped")]
    public void Order_status_needs_a_known_status(string? status) =>
        Assert.Equal(["status"], FieldsOf(Status("e1", Now, "o1", "paid") with { Status = status }));

    [Fact]
    public void Order_status_needs_an_order() => Assert.Equal(["orderId"], FieldsOf(Status("e1", Now, "o1", "paid") with { OrderId = " " }));

    [Theory]
    [InlineData("")]
    [InlineData("a\u0001b")]
    [InlineData("a/b")]
    [InlineData("a#b")]
    public void Ids_must_be_non_blank_without_control_or_reserved_characters(string id)
    {
        var e = View(id, Now) with { UserId = id, SessionId = id };
        Assert.Equal(["eventId", "userId", "sessionId"], FieldsOf(e));
    }

    [Fact]
    public void Ids_may_have_128_characters_but_not_129()
    {
        Assert.Empty(FieldsOf(View(new string('x', 128), Now)));
        Assert.Equal(["eventId"], FieldsOf(View(new string('x', 129), Now)));
    }

    [Fact]
    public void OccurredAt_may_be_up_to_one_day_ahead_of_now()
    {
        Assert.Empty(FieldsOf(View("e1", Now.AddDays(1))));
        Assert.Equal(["occurredAt"], FieldsOf(View("e1", Now.AddDays(1).AddSeconds(1))));
        Assert.Equal(["occurredAt"], FieldsOf(View("e1", default)));
    }

    [Fact]
    public void Schema_version_must_be_1() => Assert.Equal(["schemaVersion"], FieldsOf(View("e1", Now) with { SchemaVersion = "2" }));

    [Fact]
    public void Cart_quantity_must_be_positive() => Assert.Equal(["quantity"], FieldsOf(Cart("e1", Now, "p1", 0)));
}
