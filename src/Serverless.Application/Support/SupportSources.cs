namespace Serverless.Application.Support;

/// <summary>How a reply names its sources: <c>kb:{articleId}</c>, <c>order:{orderId}</c>, <c>product:{productId}</c>.</summary>
public static class SupportSources
{
    public static string Article(string articleId) => "kb:" + articleId;

    public static string Order(string orderId) => "order:" + orderId;

    public static string Product(string productId) => "product:" + productId;
}
