using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Sdk;

namespace Pipeline.Text.Reading;

/// <summary>
/// Markdown: the syntax is removed and the prose kept. Headings keep their text as a paragraph,
/// emphasis and inline code their content, links their text; images, reference definitions, rules,
/// HTML tags and fenced code blocks go. YAML front matter gives the headline (title), byline
/// (author) and date; else a first-level heading at the top is the headline. Lists stay as lines.
/// </summary>
internal static partial class MarkdownFormat
{
    public static ReadResult Read(string path, string markdown, ReadLimits limits)
    {
        var lines = markdown.Split('\n');
        int first = 0;
        var metadata = DocumentMetadata.Empty;
        string? headline = null;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            int end = Array.FindIndex(lines, 1, l => l.Trim() is "---" or "...");
            if (end > 0)
            {
                var front = FrontMatter(lines.AsSpan(1, end - 1));
                headline = ArticleBuilder.CollapseSpaces(front.GetValueOrDefault("title"));
                metadata = metadata with
                {
                    Byline = ArticleBuilder.CollapseSpaces(front.GetValueOrDefault("author")),
                    Date = ArticleBuilder.NormalizeDate(front.GetValueOrDefault("date")),
                    Url = ArticleBuilder.CollapseSpaces(front.GetValueOrDefault("url")),
                };
                first = end + 1;
            }
        }

        var text = new StringBuilder();
        bool inFence = false, firstBlock = true;
        for (int i = first; i < lines.Length; i++)
        {
            string line = lines[i];
            string trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (inFence || ReferenceDefinition().IsMatch(trimmed) || Rule().IsMatch(trimmed)) continue;
            if (trimmed.Length == 0) { text.Append('\n'); continue; }

            var heading = Heading().Match(trimmed);
            if (heading.Success)
            {
                string title = Inline(heading.Groups[2].Value);
                if (firstBlock && heading.Groups[1].Length == 1) headline ??= title;
                text.Append('\n').Append(title).Append("\n\n"); // a heading is a paragraph of its own
            }
            else if (i + 1 < lines.Length && SetextUnderline().IsMatch(lines[i + 1].Trim()) && !trimmed.StartsWith('-'))
            {
                string title = Inline(trimmed);
                if (firstBlock && lines[i + 1].Trim()[0] == '=') headline ??= title;
                text.Append('\n').Append(title).Append("\n\n");
                i++;
            }
            else text.Append(Inline(BlockQuote().Replace(line, ""))).Append('\n');
            firstBlock = false;
        }
        string body = MultipleBlankLines().Replace(text.ToString(), "\n\n");
        return ArticleBuilder.Create(path, headline, body, metadata, limits);
    }

    /// <summary>Inline syntax removed: images, links, emphasis, code, HTML tags, escapes.</summary>
    private static string Inline(string line)
    {
        line = Image().Replace(line, "");
        line = Link().Replace(line, "$1");
        line = AutoLink().Replace(line, "$1");
        line = HtmlTag().Replace(line, "");
        line = Code().Replace(line, "$1");
        line = Strong().Replace(line, "$2");
        line = Emphasis().Replace(line, "$2");
        line = Strike().Replace(line, "$1");
        return Escape().Replace(line, "$1");
    }

    private static Dictionary<string, string> FrontMatter(ReadOnlySpan<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            int colon = line.IndexOf(':');
            if (colon <= 0 || char.IsWhiteSpace(line[0])) continue;
            values.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim().Trim('"', '\''));
        }
        return values;
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*$")] private static partial Regex Heading();
    [GeneratedRegex(@"^(=+|-+)$")] private static partial Regex SetextUnderline();
    [GeneratedRegex(@"^ {0,3}((\*\s*){3,}|(-\s*){3,}|(_\s*){3,})$")] private static partial Regex Rule();
    [GeneratedRegex(@"^\[[^\]]+\]:\s*\S+")] private static partial Regex ReferenceDefinition();
    [GeneratedRegex(@"^\s*(>\s?)+")] private static partial Regex BlockQuote();
    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")] private static partial Regex Image();
    [GeneratedRegex(@"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")] private static partial Regex Link();
    [GeneratedRegex(@"<((?:https?|ftp|mailto):[^>\s]+)>")] private static partial Regex AutoLink();
    [GeneratedRegex(@"</?[A-Za-z][^>]*>")] private static partial Regex HtmlTag();
    [GeneratedRegex(@"`+([^`]+)`+")] private static partial Regex Code();
    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")] private static partial Regex Strong();
    [GeneratedRegex(@"(?<![\w*])(\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")] private static partial Regex Emphasis();
    [GeneratedRegex(@"~~(.+?)~~")] private static partial Regex Strike();
    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!>])")] private static partial Regex Escape();
    [GeneratedRegex(@"\n{3,}")] private static partial Regex MultipleBlankLines();
}
