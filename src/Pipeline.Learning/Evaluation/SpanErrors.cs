using Pipeline.Learning.Metrics;
using Pipeline.Sdk;

namespace Pipeline.Learning.Evaluation;

/// <summary>
/// The disagreements behind a span score (entities, hedge cues, quote cues, sources and content), one per
/// line, for reading what a model gets wrong: a gold span the model labelled otherwise
/// (<c>type</c>), a predicted span that overlaps a gold one with other bounds (<c>bounds</c>), a
/// gold span nothing overlaps (<c>missed</c>), a predicted span that overlaps no gold one
/// (<c>spurious</c>), and for quotes a gold direct quote given the wrong speaker (<c>speaker</c>). Tab-separated: document, kind, gold text, gold label, predicted text,
/// predicted label, sentence.
/// </summary>
public static class SpanErrors
{
    public const string Header = "document\tkind\tgold\tgold_label\tpredicted\tpredicted_label\tsentence";

    /// <summary>Whether a span score reads <paramref name="key"/>.</summary>
    public static bool IsSpanLayer(LayerKey key) => key == Layers.Entities || key == Layers.HedgeCues || key == Layers.Quotes;

    private static List<(TextSpan Span, string Label)> Items(LayerKey key, Document doc) =>
        key == Layers.Entities ? [.. doc.GetLayerOrEmpty(Layers.Entities).Select(e => (e.Span, e.Type))]
        : key == Layers.HedgeCues ? [.. doc.GetLayerOrEmpty(Layers.HedgeCues).Select(c => (c.Span, Evaluator.Name(c.Type)))]
        : QuoteParts(doc);

    /// <summary>
    /// A document's quote cues (label "cue"), written sources ("source") and content segments
    /// ("content"), each span once, trimmed as the quote score compares them
    /// (<see cref="QuoteScore.Trim"/>), so that only what the score counts is listed.
    /// </summary>
    private static List<(TextSpan Span, string Label)> QuoteParts(Document doc)
    {
        var quotes = Evaluator.Attributed(doc);
        return
        [
            .. quotes.Where(q => q.Quote.Cue is not null).Select(q => (Trimmed(doc, q.Quote.Cue!.Value), "cue"))
                .Concat(quotes.Where(q => q.Speaker is not null).Select(q => (Trimmed(doc, q.Speaker!.Value), "source")))
                .Concat(quotes.SelectMany(q => q.Quote.Content).Select(s => QuoteScore.Trim(doc.Text, s)).Where(s => !s.IsEmpty).Select(s => (s, "content")))
                .Distinct(),
        ];
    }

    /// <summary>The trimmed span, or the span itself when trimming leaves nothing (a colon cue).</summary>
    private static TextSpan Trimmed(Document doc, TextSpan span) => QuoteScore.Trim(doc.Text, span) is { Length: > 0 } t ? t : span;

    /// <summary>The error lines of one document pair (gold and predicted carry the same text).</summary>
    public static IEnumerable<string> Lines(LayerKey key, Document gold, Document predicted)
    {
        if (!IsSpanLayer(key)) throw new ArgumentException($"layer \"{key.Name}\" is not scored by span", nameof(key));
        var g = Items(key, gold);
        var p = Items(key, predicted);
        var exact = g.Intersect(p).ToHashSet();
        // Entity and cue labels are types of one thing; a quote's cue, source and content are
        // different things, so a gold source overlapped only by predicted content is missed, not misbounded.
        bool Comparable(string a, string b) => key != Layers.Quotes || a == b;
        string id = gold.Metadata.SourcePath ?? gold.Id;
        foreach (var (span, label) in g.Where(x => !exact.Contains(x)))
        {
            var same = p.FirstOrDefault(x => x.Span == span && !exact.Contains(x) && Comparable(x.Label, label));
            // Of the predictions overlapping it, show one of its own label first.
            var overlapping = p.Where(x => x.Span.OverlapsWith(span) && !exact.Contains(x) && Comparable(x.Label, label))
                .OrderBy(x => x.Label == label ? 0 : 1).FirstOrDefault();
            var (kind, other) = same.Label is not null ? ("type", same) : overlapping.Label is not null ? ("bounds", overlapping) : ("missed", default);
            yield return Line(id, kind, gold, (span, label), other);
        }
        foreach (var item in p.Where(x => !exact.Contains(x) && !g.Any(y => y.Span.OverlapsWith(x.Span) && Comparable(x.Label, y.Label))))
            yield return Line(id, "spurious", gold, default, item);
        if (key == Layers.Quotes)
            foreach (var line in SpeakerLines(id, gold, predicted)) yield return line;
    }

    /// <summary>
    /// The gold direct quotes whose speaker the score counts wrong (<c>speaker</c>): the gold
    /// source, and the speaker of the predicted quote that shares most of its words (empty when
    /// there is none or it names no one).
    /// </summary>
    private static IEnumerable<string> SpeakerLines(string id, Document gold, Document predicted)
    {
        var g = Evaluator.Attributed(gold);
        var p = Evaluator.Attributed(predicted);
        foreach (var (gi, pi, correct) in QuoteScore.DirectSpeakers(gold, g, p))
            if (!correct)
                yield return Line(id, "speaker", gold, (Trimmed(gold, g[gi].Speaker!.Value), "speaker"),
                    pi >= 0 && p[pi].Speaker is { } speaker ? (speaker, "speaker") : default);
    }

    private static string Line(string id, string kind, Document doc, (TextSpan Span, string Label) gold, (TextSpan Span, string Label) predicted)
    {
        var at = gold.Label is not null ? gold.Span : predicted.Span;
        var sentence = doc.Sentences.FirstOrDefault(s => s.Span.Contains(at.Start));
        string context = sentence.TokenCount > 0 ? doc.GetString(sentence.Span) : "";
        return string.Join('\t', id, kind,
            gold.Label is null ? "" : Clean(doc.GetString(gold.Span)), gold.Label ?? "",
            predicted.Label is null ? "" : Clean(doc.GetString(predicted.Span)), predicted.Label ?? "",
            Clean(context));
    }

    /// <summary>The text on one line without tabs (a quote's content may run over paragraphs).</summary>
    private static string Clean(string text) => text.ReplaceLineEndings(" ").Replace('\t', ' ');

    /// <summary>Writes the errors of every produced span layer the gold carries to <paramref name="path"/> (through a temporary file, so a failed run leaves no partial list).</summary>
    public static int Write(string path, IEnumerable<LayerKey> produced, IReadOnlyList<Document> gold, IReadOnlyList<Document> predicted)
    {
        var keys = produced.Where(k => IsSpanLayer(k) && gold.Any(d => d.HasLayer(k))).ToList();
        var temp = path + ".tmp";
        int count = 0;
        try
        {
            using (var writer = new StreamWriter(temp))
            {
                writer.WriteLine(Header);
                for (int i = 0; i < gold.Count; i++)
                    foreach (var key in keys)
                        foreach (var line in Lines(key, gold[i], predicted[i]))
                        {
                            writer.WriteLine(line);
                            count++;
                        }
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temp)) File.Delete(temp);
            throw new IOException($"{path}: cannot write the error list: {ex.Message}", ex);
        }
        return count;
    }
}
