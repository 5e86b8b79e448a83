using System.Text;
using System.Text.RegularExpressions;
using Serverless.Learning.Text;

namespace Serverless.Learning.Retrieval;

/// <summary>
/// Splits a Markdown article into passages: the first level-1 heading is the title, every level-2 or level-3 heading
/// starts a section, and each paragraph (or list) of a section is a passage carrying its heading. Markdown syntax
/// (emphasis, links, list markers, code ticks) is removed from the text; front matter and HTML comments are skipped.
/// </summary>
public static partial class MarkdownPassageSplitter
{
    public static IReadOnlyList<KnowledgePassage> Split(string articleId, string markdown)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(articleId);
        ArgumentNullException.ThrowIfNull(markdown);
        var text = CommentPattern().Replace(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), string.Empty);
        var lines = text.Split('\n');
        var start = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
            start = end < 0 ? 0 : end + 1;
        }

        string? title = null;
        var heading = string.Empty;
        var passages = new List<KnowledgePassage>();
        var paragraph = new StringBuilder();

        void Flush()
        {
            var content = Clean(paragraph.ToString());
            paragraph.Clear();
            if (content.Length > 0)
            {
                passages.Add(new KnowledgePassage(articleId, title ?? articleId, heading, content, LanguageOf(heading + " " + content)));
            }
        }

        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            var match = HeadingPattern().Match(line);
            if (match.Success)
            {
                Flush();
                var level = match.Groups[1].Value.Length;
                var value = Clean(match.Groups[2].Value);
                if (level == 1 && title is null)
                {
                    title = value;
                }
                else
                {
                    heading = value;
                }

                continue;
            }

            var isListItem = ListPattern().IsMatch(line);
            if (line.Trim().Length == 0 || (isListItem && paragraph.Length > 0 && !ListPattern().IsMatch(FirstLine(paragraph))))
            {
                Flush();
            }

            if (line.Trim().Length > 0)
            {
                paragraph.AppendLine(line);
            }
        }

        Flush();
        return passages;
    }

    private static string FirstLine(StringBuilder builder)
    {
        var text = builder.ToString();
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline];
    }

    private static string Clean(string markdown)
    {
        var text = ListPattern().Replace(markdown, string.Empty);
        text = LinkPattern().Replace(text, "$1");
        text = text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal)
            .Replace("`", string.Empty, StringComparison.Ordinal);
        text = text.Replace("\n", " ", StringComparison.Ordinal);
        return SpacePattern().Replace(text, " ").Trim();
    }

    /// <summary>"zh" when CJK characters are at least half of the letters, else "en".</summary>
    public static string LanguageOf(string text)
    {
        int cjk = 0, letters = 0;
        foreach (var c in text)
        {
            if (TextTokenizer.IsCjk(c))
            {
                cjk++;
                letters++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
        }

        // A Chinese character carries about a word's worth of meaning: count it as five letters.
        return cjk * 5 >= letters - cjk && cjk > 0 ? "zh" : "en";
    }

    [GeneratedRegex(@"^(#{1,3})\s+(.*?)\s*#*\s*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d+[.)])\s+", RegexOptions.Multiline)]
    private static partial Regex ListPattern();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacePattern();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();
}
