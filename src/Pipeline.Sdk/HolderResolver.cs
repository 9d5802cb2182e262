namespace Pipeline.Sdk;

/// <summary>Whose words a span is in: the author's, or a quoted speaker's (for hedges, stance, anything held by someone).</summary>
public readonly record struct Holder(HolderKind Kind, string? QuoteId, string? ClusterId, string? Name)
{
    public const string AuthorName = "author";
    public static readonly Holder Author = new(HolderKind.Author, null, null, AuthorName);

    /// <summary>Stances of one holder are aggregated together: the author, a speaker's entity cluster, a speaker as written, or an unknown speaker.</summary>
    public string GroupKey => Kind == HolderKind.Author ? AuthorName : "speaker:" + (ClusterId ?? Name ?? "");
}

/// <summary>
/// Finds the holder of a span from the quotes and attributions layers: a span inside a quote's
/// content is the speaker's. Without a quotes layer (no quotes analyzer in the run), text between
/// quotation marks is taken as the words of a speaker who is not known. Not thread-safe: one per
/// document and thread.
/// </summary>
public sealed class HolderResolver
{
    private readonly (TextSpan Segment, Holder Holder)[] _segments;
    private readonly RangeIndex _index;
    private readonly List<int> _near = [];

    private HolderResolver((TextSpan Segment, Holder)[] segments)
    {
        _segments = segments;
        _index = new RangeIndex(segments.Length == 0 ? 0 : segments.Max(s => s.Segment.End), bucketShift: 8);
        for (int i = 0; i < segments.Length; i++) _index.Add(i, segments[i].Segment.Start, segments[i].Segment.End);
    }

    public static HolderResolver For(Document doc)
    {
        var segments = new List<(TextSpan, Holder)>();
        if (doc.HasLayer(Layers.Quotes))
        {
            var attributions = doc.GetLayerOrEmpty(Layers.Attributions)
                .GroupBy(a => a.QuoteId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Confidence)!);
            foreach (var quote in doc.GetLayerOrEmpty(Layers.Quotes))
            {
                attributions.TryGetValue(quote.Id, out var a);
                var holder = new Holder(HolderKind.Speaker, quote.Id, a?.ClusterId, a?.CanonicalName ?? a?.SpeakerText);
                foreach (var segment in quote.Content.IsDefaultOrEmpty ? [quote.Span] : quote.Content)
                    segments.Add((segment, holder));
            }
        }
        else
        {
            foreach (var pair in doc.Quotations)
                foreach (var segment in pair.Segments)
                    segments.Add((segment, new Holder(HolderKind.Speaker, null, null, null)));
        }
        return new HolderResolver([.. segments]);
    }

    /// <summary>The holder of the innermost quote segment holding <paramref name="span"/>; the author when none does.</summary>
    public Holder Resolve(TextSpan span)
    {
        var result = Holder.Author;
        int best = int.MaxValue;
        _index.Near(Math.Max(span.Start - 1, 0), span.Start + 1, _near); // an empty span may sit at a segment's end
        foreach (int i in _near)
        {
            var (segment, holder) = _segments[i];
            if (segment.Contains(span) && segment.Length < best)
            {
                best = segment.Length;
                result = holder;
            }
        }
        return result;
    }
}
