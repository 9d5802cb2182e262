using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Learning.Gold;

/// <summary>
/// PolNeAR attribution relations, one article per JSON line: {"id", "title", "text", "quotes":
/// [{"content_spans", "cue_spans", "source_spans", ...}]} with code point offsets. Each relation
/// becomes a quote (content segments, cue = hull of the cue spans) and an attribution (span =
/// hull of the source spans, or the quote's span when there is no source).
/// PolNeAR does not label quote kinds or speaker kinds; they are derived from the text:
/// a quote is direct when every content segment is enclosed in quotation marks, mixed when its
/// content holds a quotation, else indirect; a speaker is a pronoun, anonymous (no capitalised
/// word but a sentence-initial one, e.g. "a source", "Officials"), named, or unknown (no source).
/// </summary>
public sealed class PolnearReader : IGoldReader
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
        { "he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "their", "its", "who", "which", "that", "this", "these", "those" };
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
        { "a", "an", "the", "another", "some", "many", "several", "one", "two", "three", "other", "most", "few", "both", "all", "any", "such" };
    private static readonly HashSet<string> AnonymousHeads = new(StringComparer.OrdinalIgnoreCase)
        { "officials", "official", "sources", "source", "aides", "aide", "spokesman", "spokeswoman", "spokesperson", "experts", "analysts",
          "critics", "people", "residents", "witnesses", "police", "authorities", "observers", "insiders", "advisers", "reports", "report", "others" };

    public string Format => "polnear";
    public string Description => "PolNeAR JSONL: articles with attribution relations (source, cue, content)";
    public ImmutableArray<LayerKey> Layers => [Sdk.Layers.Quotes, Sdk.Layers.Attributions];

    public bool Recognizes(string path, string firstLine) => firstLine.Contains("\"quotes\"", StringComparison.Ordinal);

    public IEnumerable<Document> Read(string path, GoldReadOptions options, Action<string> onError)
    {
        foreach (var (line, record) in JsonRecords.Read(path, onError))
        {
            if (!JsonRecords.InSplit(record, options.Split)) continue;
            Document doc;
            try { doc = ReadArticle(path, line, record, onError); }
            catch (FormatException ex) { onError($"{path}:{line}: {ex.Message}"); continue; }
            yield return doc;
        }
    }

    private static Document ReadArticle(string path, int line, JsonElement record, Action<string> onError)
    {
        string text = JsonRecords.String(record, "text");
        var doc = DocumentFactory.Create(text, new DocumentMetadata
        {
            SourcePath = $"{path}:{line}",
            Headline = JsonRecords.OptionalString(record, "title"),
            Date = JsonRecords.OptionalString(record, "publication_date"),
            ExternalId = JsonRecords.OptionalString(record, "id"),
            Extra = JsonRecords.OptionalString(record, "publisher") is { } p ? ImmutableDictionary<string, string>.Empty.Add("publisher", p) : ImmutableDictionary<string, string>.Empty,
        });
        var map = new CodePointMap(text);
        var quotes = ImmutableArray.CreateBuilder<Quote>();
        var attributions = ImmutableArray.CreateBuilder<Attribution>();
        int index = 0;
        foreach (var q in JsonRecords.Array(record, "quotes").EnumerateArray())
        {
            index++;
            try
            {
                var content = JsonRecords.Spans(q, "content_spans", map);
                if (content.Count == 0) throw new FormatException("no content span");
                content.Sort();
                var cues = JsonRecords.Spans(q, "cue_spans", map);
                var sources = JsonRecords.Spans(q, "source_spans", map);
                string quoteId = $"q{quotes.Count + 1}";
                var quote = new Quote
                {
                    Id = quoteId,
                    Span = TextSpan.FromBounds(content[0].Start, content.Max(s => s.End)),
                    Content = [.. content],
                    Cue = cues.Count == 0 ? null : Hull(cues),
                    Kind = KindOf(text, content),
                };
                quotes.Add(quote);
                var source = sources.Count == 0 ? (TextSpan?)null : Hull(sources);
                string? speaker = source is { } s ? text.Substring(s.Start, s.Length) : null;
                attributions.Add(new Attribution
                {
                    Id = $"a{attributions.Count + 1}", QuoteId = quoteId, Span = source ?? quote.Span,
                    SpeakerText = speaker, SpeakerKind = SpeakerKindOf(speaker),
                });
            }
            catch (FormatException ex) { onError($"{path}:{line}: quote {index}: {ex.Message}"); }
        }
        return doc.WithLayer(Sdk.Layers.Quotes, quotes.ToImmutable()).WithLayer(Sdk.Layers.Attributions, attributions.ToImmutable());
    }

    private static TextSpan Hull(List<TextSpan> spans) => TextSpan.FromBounds(spans.Min(s => s.Start), spans.Max(s => s.End));

    internal static QuoteKind KindOf(string text, IReadOnlyList<TextSpan> content)
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

    internal static SpeakerKind SpeakerKindOf(string? speaker)
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
