using Serverless.Learning.Retrieval;

namespace Serverless.Application.Support;

/// <summary>The languages the assistant answers in: "en" and "zh" (any region: en-US, zh-CN, zh-Hant...).</summary>
public static class SupportLocales
{
    /// <summary>"en" or "zh" for a supported locale tag; null for anything else.</summary>
    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var language = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return language is SupportReplies.English or SupportReplies.Chinese ? language : null;
    }

    /// <summary>The language of a message: "zh" when Chinese characters carry most of it, else "en".</summary>
    public static string Detect(string message) => MarkdownPassageSplitter.LanguageOf(message);
}
