using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>A gold quote as token ranges: cue, content segments and source (when written).</summary>
internal sealed record GoldQuote((int Start, int End) Cue, List<(int Start, int End)> Content, (int Start, int End)? Source)
{
    /// <summary>
    /// The gold quotes of a document carrying gold Quotes and Attributions layers. Quotes with no
    /// cue are skipped (every stage is conditioned on a cue); a source is the span of the quote's
    /// attribution when one is written.
    /// </summary>
    public static List<GoldQuote> From(Document doc)
    {
        var sources = new Dictionary<string, TextSpan>();
        foreach (var a in doc.GetLayerOrEmpty(Layers.Attributions))
            if (a.SpeakerText is not null && !a.Span.IsEmpty) sources[a.QuoteId] = a.Span;
        var result = new List<GoldQuote>();
        foreach (var q in doc.GetLayerOrEmpty(Layers.Quotes))
        {
            if (q.Cue is not { } cue || Tokens(doc, cue) is not { } cueTokens) continue;
            var content = new List<(int, int)>();
            foreach (var s in q.Content) if (Tokens(doc, s) is { } c) content.Add(c);
            if (content.Count == 0) continue;
            content.Sort();
            (int, int)? source = sources.TryGetValue(q.Id, out var span) ? Tokens(doc, span) : null;
            result.Add(new GoldQuote(cueTokens, content, source));
        }
        return result;
    }

    /// <summary>The tokens a character span overlaps, or null when it holds none.</summary>
    public static (int Start, int End)? Tokens(Document doc, TextSpan span)
    {
        int s = doc.TokenAt(span.Start), e = s;
        while (e < doc.Tokens.Length && doc.Tokens[e].Span.Start < span.End) e++;
        return e > s ? (s, e) : null;
    }
}
