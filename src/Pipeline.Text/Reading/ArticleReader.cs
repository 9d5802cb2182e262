namespace Pipeline.Text.Reading;

/// <summary>
/// Reads articles from files by extension: .txt, .md, .html/.htm, .json (an object or an array of
/// them), .jsonl (one object per line, read line by line); any other file it is given is read as
/// plain text when it decodes as text (folder walks pass over other types: <see cref="IsArticleFile"/>). Never throws for bad input: every problem is a <see cref="ReadFailure"/>
/// with a one-line reason, and the other records of a file are still read. Thread-safe.
/// </summary>
public sealed class ArticleReader
{
    public static readonly ArticleReader Default = new();

    private enum Format { Text, Markdown, Html, Json, JsonLines }

    /// <summary>Every article in <paramref name="path"/> (JSON files hold many), lazily.</summary>
    public IEnumerable<ReadResult> Read(string path, ReadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        IEnumerator<ReadResult> results;
        try { results = ReadFile(path, limits).GetEnumerator(); }
        catch (Exception ex) { results = Fail(path, ex).GetEnumerator(); }
        using (results)
        {
            while (true)
            {
                ReadResult current;
                bool stop = false;
                try
                {
                    if (!results.MoveNext()) yield break;
                    current = results.Current;
                }
                catch (Exception ex)
                {
                    // an I/O error in the middle of a file ends it; what was read before stands
                    current = new ReadFailure(path, Reason(ex));
                    stop = true;
                }
                yield return current;
                if (stop) yield break;
            }
        }
    }

    private static IEnumerable<ReadResult> ReadFile(string path, ReadLimits limits)
    {
        if (Directory.Exists(path)) return [new ReadFailure(path, "is a directory, not a file")];
        var info = new FileInfo(path);
        if (!info.Exists) return [new ReadFailure(path, "no such file")];
        if (info.Length == 0) return [new ReadFailure(path, "empty file")];
        var format = FormatOf(path);
        if (format == Format.JsonLines)
        {
            return LooksBinary(path) ? [new ReadFailure(path, "binary file (not text)")] : JsonFormat.ReadLines(path, limits);
        }
        // UTF-8 takes at most 3 bytes per UTF-16 character: a larger file cannot fit the limit
        if (format != Format.Json && info.Length > 3 * limits.MaxCharacters)
            return [new ReadFailure(path, $"file is {info.Length:N0} bytes, over the limit of {limits.MaxCharacters:N0} characters")];
        var text = TextDecoder.Decode(File.ReadAllBytes(path), out var reason, out var warning);
        if (text is null) return [new ReadFailure(path, reason!)];
        IEnumerable<ReadResult> results = format switch
        {
            Format.Markdown => [MarkdownFormat.Read(path, text, limits)],
            Format.Html => [HtmlFormat.Read(path, text, limits)],
            Format.Json => JsonFormat.ReadDocument(path, text, limits),
            _ => [PlainTextFormat.Read(path, text, limits)],
        };
        return warning is null ? results : results.Select(r => r is ArticleRead article ? article with { Warning = warning } : r);
    }

    /// <summary>
    /// Whether a file found in a folder is read as an article: the article extensions (.txt,
    /// .text, .md, .markdown, .html, .htm, .xhtml, .json, .jsonl, .ndjson), or none at all.
    /// </summary>
    public static bool IsArticleFile(string path) => Path.GetExtension(path).ToLowerInvariant() is
        "" or ".txt" or ".text" or ".md" or ".markdown" or ".html" or ".htm" or ".xhtml" or ".json" or ".jsonl" or ".ndjson";

    private static Format FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => Format.Markdown,
        ".html" or ".htm" or ".xhtml" => Format.Html,
        ".json" => Format.Json,
        ".jsonl" or ".ndjson" => Format.JsonLines,
        _ => Format.Text,
    };

    private static bool LooksBinary(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[TextDecoder.SniffLength];
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        bool bom = head is [0xEF, 0xBB, 0xBF, ..] or [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];
        return !bom && TextDecoder.IsBinary(head);
    }

    private static IEnumerable<ReadResult> Fail(string path, Exception ex) => [new ReadFailure(path, Reason(ex))];

    private static string Reason(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "cannot read: permission denied",
        IOException => "cannot read: " + ex.Message.ReplaceLineEndings(" "),
        _ => $"cannot read ({ex.GetType().Name}): " + ex.Message.ReplaceLineEndings(" "),
    };
}
