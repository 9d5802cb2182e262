using Pipeline.Sdk;

namespace Pipeline.Text.Tests.Segmenting;

/// <summary>Readable views of a segmentation for assertions.</summary>
internal static class Seg
{
    public static Segmentation Of(string text) => Segmenter.Default.Segment(text);

    public static string[] Tokens(string text)
    {
        var s = Of(text);
        return [.. s.Tokens.Select(t => text.Substring(t.Span.Start, t.Span.Length))];
    }

    public static string[] Sentences(string text)
    {
        var s = Of(text);
        return [.. s.Sentences.Select(x => text.Substring(x.Span.Start, x.Span.Length))];
    }

    public static string[] Paragraphs(string text)
    {
        var s = Of(text);
        return [.. s.Paragraphs.Select(x => text.Substring(x.Span.Start, x.Span.Length))];
    }

    public static Token TokenOf(Segmentation s, string text, string tokenText, int occurrence = 0) =>
        s.Tokens.Where(t => text.AsSpan(t.Span.Start, t.Span.Length).SequenceEqual(tokenText)).ElementAt(occurrence);

    public static string[] Contents(string text, QuotationPair pair) =>
        [.. pair.Segments.Select(x => text.Substring(x.Start, x.Length))];
}
