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

    /// <summary>
    /// The language of a message: "zh" when Chinese characters carry most of it, else "en"; but a message with no word
    /// of its own once ids and numbers are left out (a bare "SO-2001" answering "which order?") keeps the
    /// conversation's language.
    /// </summary>
    public static string Detect(string message, string? conversationLocale = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var words = message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => !w.Any(char.IsDigit));
        return conversationLocale is not null && !words.Any(w => w.Any(char.IsLetter))
            ? conversationLocale
            : MarkdownPassageSplitter.LanguageOf(message);
    }
}
