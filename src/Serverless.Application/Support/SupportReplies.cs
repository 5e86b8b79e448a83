using System.Globalization;
using Serverless.Domain.Orders;

namespace Serverless.Application.Support;

/// <summary>
/// The reply templates, in English and Chinese. Every template is filled with facts read from the orders, the catalog,
/// the recommender or the knowledge base: no reply states anything the data does not say.
/// </summary>
public static class SupportReplies
{
    public const string English = "en";
    public const string Chinese = "zh";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Handoff(string locale) => Pick(
        locale,
        "I'm passing this conversation to a colleague, who will follow up with you here shortly.",
        "我已将本次对话转交人工客服，稍后会有专人在这里跟进。");

    /// <summary>The courtesy reply to a small-talk label: greeting (also any other), thanks or goodbye.</summary>
    public static string SmallTalk(string locale, string label) => label switch
    {
        SupportIntentMap.Thanks => Pick(locale, "You're welcome! Is there anything else I can help you with?", "不客气！还有什么可以帮您的吗？"),
        SupportIntentMap.Goodbye => Pick(locale, "Thank you for contacting us. Goodbye!", "感谢您的咨询，再见！"),
        _ => Pick(
            locale,
            "Hello! How can I help you today? I can look up your orders, cancellations, refunds and returns, find products and answer questions about delivery, payment and your account.",
            "您好！请问有什么可以帮您？我可以查询订单、处理取消和退款退货、查找商品，也可以解答配送、支付和账户方面的问题。"),
    };

    public static string SignInForOrders(string locale) => Pick(
        locale,
        "Please sign in so I can look up your orders.",
        "请先登录，我才能查询您的订单。");

    public static string NoOrders(string locale) => Pick(
        locale,
        "I could not find any order on your account.",
        "您的账户下没有找到订单。");

    public static string WhichOrder(string locale, IEnumerable<Order> orders)
    {
        var list = string.Join(Pick(locale, "; ", "；"), orders.Select(o => OrderLabel(locale, o)));
        return Pick(locale, $"Which order do you mean? {list}.", $"请问是哪一个订单？{list}。");
    }

    public static string OrderStatus(string locale, Order order) => Pick(
        locale,
        $"Order {order.OrderId}{PlacedOn(locale, order)} is {StatusName(locale, order.Status)}{Since(locale, order)}.",
        $"订单 {order.OrderId}{PlacedOn(locale, order)}当前状态：{StatusName(locale, order.Status)}{Since(locale, order)}。");

    public static string CancellationEligible(string locale, Order order) => Pick(
        locale,
        $"Order {order.OrderId} is {StatusName(locale, order.Status)} and has not shipped yet, so it can still be cancelled.",
        $"订单 {order.OrderId} 当前状态为{StatusName(locale, order.Status)}，尚未发货，可以取消。");

    public static string CancellationTooLate(string locale, Order order) => Pick(
        locale,
        $"Order {order.OrderId} is already {StatusName(locale, order.Status)}, so it can no longer be cancelled.",
        $"订单 {order.OrderId} 当前状态为{StatusName(locale, order.Status)}，无法再取消。");

    public static string AlreadyCancelled(string locale, Order order) => Pick(
        locale,
        $"Order {order.OrderId} is already cancelled.",
        $"订单 {order.OrderId} 已经取消。");

    public static string ReturnEligible(string locale, Order order, DateTimeOffset placed, int days, DateTimeOffset until) => Pick(
        locale,
        $"Order {order.OrderId} was placed on {Date(placed)}, {days} days ago, within the return window: it can be returned for a refund until {Date(until)}.",
        $"订单 {order.OrderId} 于 {Date(placed)} 下单，距今 {days} 天，在退货期限内：{Date(until)} 之前可以退货退款。");

    public static string ReturnWindowPassed(string locale, Order order, DateTimeOffset placed, int days, int window) => Pick(
        locale,
        $"Order {order.OrderId} was placed on {Date(placed)}, {days} days ago, more than {window} days ago: it is outside the return window.",
        $"订单 {order.OrderId} 于 {Date(placed)} 下单，距今 {days} 天，已超过 {window} 天的退货期限。");

    public static string NotShippedCancelInstead(string locale, Order order) => Pick(
        locale,
        $"Order {order.OrderId} is {StatusName(locale, order.Status)} and has not shipped yet: cancel it instead and the payment is refunded.",
        $"订单 {order.OrderId} 当前状态为{StatusName(locale, order.Status)}，尚未发货：可以直接取消订单，款项将原路退回。");

    public static string Refunded(string locale, Order order) => order.RefundedAmount > 0
        ? Pick(
            locale,
            $"Order {order.OrderId} is {StatusName(locale, order.Status)}; {Money(order.RefundedAmount, order.Currency)} has been refunded.",
            $"订单 {order.OrderId} 当前状态为{StatusName(locale, order.Status)}，已退款 {Money(order.RefundedAmount, order.Currency)}。")
        : Pick(
            locale,
            $"Order {order.OrderId} is {StatusName(locale, order.Status)}; no refund has been recorded on it yet.",
            $"订单 {order.OrderId} 当前状态为{StatusName(locale, order.Status)}，目前还没有退款记录。");

    public static string FromArticle(string locale, string text, string title) => Pick(
        locale,
        $"{text} (from \"{title}\")",
        $"{text}（出自《{title}》）");

    public static string ProductsFound(string locale, IEnumerable<string> products) => Pick(
        locale,
        $"Here is what I found in the catalog: {string.Join("; ", products)}.",
        $"在商品目录中找到：{string.Join("；", products)}。");

    public static string NoProductFound(string locale) => Pick(
        locale,
        "I could not find a product matching that in the catalog.",
        "商品目录中没有找到符合的商品。");

    public static string Product(string locale, string title, decimal? price, string? currency, bool inStock)
    {
        var stock = inStock ? Pick(locale, "in stock", "有货") : Pick(locale, "out of stock", "缺货");
        return price is { } p ? $"{title} ({Money(p, currency)}, {stock})" : $"{title} ({stock})";
    }

    public static string Recommendations(string locale, IEnumerable<string> items) => Pick(
        locale,
        $"You might like: {string.Join("; ", items)}.",
        $"为您推荐：{string.Join("；", items)}。");

    public static string Recommended(string title, string reason) => $"{title} ({reason})";

    public static string NoRecommendations(string locale) => Pick(
        locale,
        "I have no product suggestions for you right now.",
        "目前暂时没有可以推荐的商品。");

    public static string StatusName(string locale, string? status) => (status, locale) switch
    {
        (OrderStatuses.Placed, Chinese) => "已下单",
        (OrderStatuses.Paid, Chinese) => "已付款",
        (OrderStatuses.Shipped, Chinese) => "已发货",
        (OrderStatuses.Delivered, Chinese) => "已签收",
        (OrderStatuses.Cancelled, Chinese) => "已取消",
        (OrderStatuses.Returned, Chinese) => "已退货",
        (null, Chinese) => "已下单",
        (null, _) => OrderStatuses.Placed,
        _ => status,
    };

    private static string OrderLabel(string locale, Order order) =>
        order.PlacedAt is { } placed
            ? Pick(locale, $"{order.OrderId} (placed {Date(placed)}, {Money(order.Total, order.Currency)})", $"{order.OrderId}（{Date(placed)} 下单，{Money(order.Total, order.Currency)}）")
            : order.OrderId;

    private static string PlacedOn(string locale, Order order) =>
        order.PlacedAt is { } placed
            ? Pick(locale, $" (placed on {Date(placed)}, {Money(order.Total, order.Currency)})", $"（{Date(placed)} 下单，{Money(order.Total, order.Currency)}）")
            : string.Empty;

    private static string Since(string locale, Order order) =>
        order.StatusAt is { } at && order.Status is not null ? Pick(locale, $" since {Date(at)}", $"（{Date(at)} 更新）") : string.Empty;

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", Invariant);

    public static string Money(decimal amount, string? currency) =>
        amount.ToString("0.00", Invariant) + (currency is { Length: > 0 } ? " " + currency : string.Empty);

    private static string Pick(string locale, string english, string chinese) => locale == Chinese ? chinese : english;
}
