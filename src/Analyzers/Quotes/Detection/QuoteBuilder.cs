using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Detection;

/// <summary>Turns detected quotes (token ranges) into the SDK's Quote annotations (character spans).</summary>
internal static class QuoteBuilder
{
    public static Quote ToQuote(Document doc, DetectedQuote q, string id, Provenance? provenance)
    {
        var content = q.Content.Select(s => Span(doc, s.Start, s.End)).ToImmutableArray();
        return new Quote
        {
            Id = id,
            Span = TextSpan.FromBounds(content[0].Start, content[^1].End),
            Kind = q.Kind,
            Content = content,
            Cue = q.Cue is { } c ? Span(doc, c.Start, c.End) : null,
            Confidence = Math.Round(q.Confidence, 4),
            Provenance = provenance,
        };
    }

    /// <summary>From the start of token <paramref name="start"/> to the end of token <paramref name="end"/> - 1.</summary>
    public static TextSpan Span(Document doc, int start, int end) =>
        TextSpan.FromBounds(doc.Tokens[start].Span.Start, doc.Tokens[end - 1].Span.End);
}
