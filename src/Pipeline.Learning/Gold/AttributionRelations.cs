using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Learning.Gold;

/// <summary>One annotated attribution relation: its content segments, cue spans and source spans (UTF-16, sorted, none empty).</summary>
public sealed record AttributionRelation(IReadOnlyList<TextSpan> Content, IReadOnlyList<TextSpan> Cues, IReadOnlyList<TextSpan> Sources)
{
    /// <exception cref="FormatException">No content span.</exception>
    public static AttributionRelation Of(IEnumerable<TextSpan> content, IEnumerable<TextSpan> cues, IEnumerable<TextSpan> sources)
    {
        var segments = content.Where(s => !s.IsEmpty).Order().ToList();
        if (segments.Count == 0) throw new FormatException("no content span");
        return new(segments, [.. cues.Where(s => !s.IsEmpty).Order()], [.. sources.Where(s => !s.IsEmpty).Order()]);
    }
}

/// <summary>
/// Turns annotated attribution relations (PolNeAR JSONL, brat standoff) into the quote and
/// attribution layers: each relation becomes a quote (content segments, cue = hull of the cue
/// spans) and an attribution (span = hull of the source spans, or the quote's span when there is
/// no source). The corpora do not label quote kinds or speaker kinds; they are derived from the
/// text: a quote is direct when every content segment is enclosed in quotation marks, mixed when
/// its content holds a quotation, else indirect; a speaker is a pronoun, anonymous (no capitalised
/// word but a sentence-initial one, e.g. "a source", "Officials"), named, or unknown (no source).
/// </summary>
public static class AttributionRelations
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
        { "he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "their", "its", "who", "which", "that", "this", "these", "those" };
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
        { "a", "an", "the", "another", "some", "many", "several", "one", "two", "three", "other", "most", "few", "both", "all", "any", "such" };
    private static readonly HashSet<string> AnonymousHeads = new(StringComparer.OrdinalIgnoreCase)
        { "officials", "official", "sources", "source", "aides", "aide", "spokesman", "spokeswoman", "spokesperson", "experts", "analysts",
          "critics", "people", "residents", "witnesses", "police", "authorities", "observers", "insiders", "advisers", "reports", "report", "others" };

    /// <summary>The layers <see cref="AddTo"/> writes.</summary>
    public static ImmutableArray<LayerKey> Layers => [Sdk.Layers.Quotes, Sdk.Layers.Attributions];

    /// <summary>The document with one quote and one attribution per relation, in the given order.</summary>
    public static Document AddTo(Document doc, IEnumerable<AttributionRelation> relations)
    {
        string text = doc.Text;
        var quotes = ImmutableArray.CreateBuilder<Quote>();
        var attributions = ImmutableArray.CreateBuilder<Attribution>();
        foreach (var relation in relations)
        {
            var content = relation.Content;
            string quoteId = $"q{quotes.Count + 1}";
            var quote = new Quote
            {
                Id = quoteId,
                Span = TextSpan.FromBounds(content[0].Start, content.Max(s => s.End)),
                Content = [.. content],
                Cue = relation.Cues.Count == 0 ? null : Hull(relation.Cues),
                Kind = KindOf(text, content),
            };
            quotes.Add(quote);
            var source = relation.Sources.Count == 0 ? (TextSpan?)null : Hull(relation.Sources);
            string? speaker = source is { } s ? text.Substring(s.Start, s.Length) : null;
            attributions.Add(new Attribution
            {
                Id = $"a{attributions.Count + 1}", QuoteId = quoteId, Span = source ?? quote.Span,
                SpeakerText = speaker, SpeakerKind = SpeakerKindOf(speaker),
            });
        }
        return doc.WithLayer(Sdk.Layers.Quotes, quotes.ToImmutable()).WithLayer(Sdk.Layers.Attributions, attributions.ToImmutable());
    }

    /// <summary>
    /// The quote's written source span, or null when no speaker is written (carried over or
    /// guessed): an attribution records its quote's span then (<see cref="AddTo"/>), and no speaker text.
    /// </summary>
    public static TextSpan? WrittenSource(Quote quote, Attribution? attribution) =>
        attribution is not null && (attribution.SpeakerText is not null || attribution.Span != quote.Span) ? attribution.Span : null;

    private static TextSpan Hull(IReadOnlyList<TextSpan> spans) => TextSpan.FromBounds(spans.Min(s => s.Start), spans.Max(s => s.End));

    private static QuoteKind KindOf(string text, IReadOnlyList<TextSpan> content)
    {
        if (content.All(s => IsQuoted(text, s))) return QuoteKind.Direct;
        foreach (var s in content)
            for (int i = s.Start; i < s.End; i++)
                if (IsOpening(text[i]) && (i == s.Start || !char.IsLetterOrDigit(text[i - 1]))) return QuoteKind.Mixed;
        return QuoteKind.Indirect;
    }

    /// <summary>An opening mark at (or just before) the segment's start and a closing one at (or just after) its end.</summary>
    private static bool IsQuoted(string text, TextSpan s)
    {
        int start = s.Start, end = s.End;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (start == end) return false;
        bool open = IsOpening(text[start]) || start > 0 && IsOpening(text[start - 1]);
        int after = end;
        while (after < text.Length && text[after] is ',' or '.' or '?' or '!') after++;
        bool close = IsClosing(text[end - 1]) || after < text.Length && IsClosing(text[after]) || end < text.Length && IsClosing(text[end]);
        return open && close;
    }

    private static bool IsOpening(char c) => c is '"' or '“' or '„' or '«' or '‹' or '‘';
    private static bool IsClosing(char c) => c is '"' or '”' or '»' or '›' or '’';

    private static SpeakerKind SpeakerKindOf(string? speaker)
    {
        if (string.IsNullOrWhiteSpace(speaker)) return SpeakerKind.Unknown;
        var words = speaker.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1 && Pronouns.Contains(words[0].TrimEnd(',', '.'))) return SpeakerKind.Pronoun;
        // A capital after the first word names someone; a leading capital may only start the sentence.
        if (words.Skip(1).Any(w => char.IsUpper(w[0]))) return SpeakerKind.Named;
        bool leadingName = char.IsUpper(words[0][0]) && !Determiners.Contains(words[0]) && !AnonymousHeads.Contains(words[^1].TrimEnd(',', '.'));
        return leadingName ? SpeakerKind.Named : SpeakerKind.Anonymous;
    }
}
