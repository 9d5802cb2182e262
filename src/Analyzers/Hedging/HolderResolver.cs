using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging;

/// <summary>Whose hedge a cue is: the author's, or a speaker's when it sits in reported speech.</summary>
public readonly record struct Holder(HolderKind Kind, string? QuoteId, string? ClusterId, string? Name)
{
    public const string AuthorName = "author";
    public static readonly Holder Author = new(HolderKind.Author, null, null, AuthorName);
}

/// <summary>
/// Finds the holder of a span from the quotes and attributions layers: a cue inside a quote's content
/// (a direct quote, or the reported clause of an indirect one) is the speaker's. Without a quotes layer,
/// text between quotation marks is taken as someone else's words whose speaker is unknown.
/// </summary>
public sealed class HolderResolver
{
    private readonly (TextSpan Segment, Holder Holder)[] _segments;

    private HolderResolver((TextSpan, Holder)[] segments) => _segments = segments;

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
        Holder result = Holder.Author;
        int best = int.MaxValue;
        foreach (var (segment, holder) in _segments)
            if (segment.Contains(span) && segment.Length < best)
            {
                best = segment.Length;
                result = holder;
            }
        return result;
    }
}
