using Pipeline.Sdk;

namespace Pipeline.Text.Reading;

/// <summary>
/// Plain text. The first line is the headline when a blank line follows it, it is at most
/// 200 characters long and it does not end with a period (a one-line first paragraph is not a headline).
/// </summary>
internal static class PlainTextFormat
{
    private const int MaxHeadlineLength = 200;

    public static ReadResult Read(string path, string text, ReadLimits limits) =>
        ArticleBuilder.Create(path, Headline(text), text, DocumentMetadata.Empty, limits);

    public static string? Headline(string text)
    {
        var rest = text.AsSpan().TrimStart();
        int lineEnd = rest.IndexOf('\n');
        if (lineEnd < 0) return null;
        var line = rest[..lineEnd].Trim();
        var after = rest[(lineEnd + 1)..];
        int nextEnd = after.IndexOf('\n');
        bool blankFollows = nextEnd >= 0 && after[..nextEnd].IsWhiteSpace();
        if (!blankFollows || line.Length == 0 || line.Length > MaxHeadlineLength || line[^1] == '.') return null;
        return line.ToString();
    }
}
