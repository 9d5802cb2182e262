using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Host.Reports;

/// <summary>Which hedge cues belong to a quote: linked to it by id, or lying inside its content.</summary>
internal static class QuoteHedges
{
    public static int Count(Quote quote, ImmutableArray<HedgeCue> hedges)
    {
        int n = 0;
        foreach (var h in hedges)
            if (h.QuoteId == quote.Id || InContent(quote, h.Span)) n++;
        return n;
    }

    private static bool InContent(Quote quote, TextSpan span)
    {
        if (quote.Content.IsDefaultOrEmpty) return quote.Span.Contains(span);
        foreach (var segment in quote.Content)
            if (segment.Contains(span)) return true;
        return false;
    }
}
