using System.Globalization;
using Pipeline.Sdk;
using Pipeline.Text.Records;

namespace Pipeline.Host.Reports;

/// <summary>Turns a record's layers and findings into the marks of its article page.</summary>
internal static class ArticleMarks
{
    /// <summary>The pseudo-layer of findings on a page (toggled like a layer).</summary>
    public const string FindingsLayer = "findings";

    /// <summary>Element id of an annotation's first highlighted element (ids hold no white space).</summary>
    public static string Anchor(string layer, string id)
    {
        string anchor = $"{layer}-{id}";
        return anchor.Any(char.IsWhiteSpace) ? string.Concat(anchor.Select(c => char.IsWhiteSpace(c) ? '_' : c)) : anchor;
    }

    public static string FindingAnchor(int index) => $"finding-{index + 1}";

    /// <summary>A link to an element of the same page.</summary>
    public static string Href(string anchor) => "#" + Uri.EscapeDataString(anchor);

    /// <summary>The record's annotation layers: well-known ones in pipeline order, then the others by name.</summary>
    public static List<LayerKey> OrderedLayers(Document doc) => doc.LayerKeys
        .OrderBy(k => Layers.WellKnown.IndexOf(k) is var i and >= 0 ? i : int.MaxValue)
        .ThenBy(k => k.Name, StringComparer.Ordinal).ToList();

    /// <summary>The colour class of a layer without its own style (plugin layers), stable per name.</summary>
    public static string? GenericClass(string layer)
    {
        if (Layers.WellKnown.Any(k => k.Name == layer)) return null;
        uint h = 2166136261;
        foreach (char c in layer) h = (h ^ c) * 16777619;
        return "g" + (h % 6).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The short label of an annotation: entity type, quote kind, hedge type, stance label...</summary>
    public static string Label(Annotation a) => a switch
    {
        EntityMention e => e.Type,
        Quote q => AnnotationJson.Name(q.Kind),
        Attribution at => AnnotationJson.Name(at.SpeakerKind),
        HedgeCue h => AnnotationJson.Name(h.Type),
        SentenceUncertainty u => u.Uncertain ? "uncertain" : "certain",
        EntityStance s => AnnotationJson.Name(s.Label),
        ClaimStance c => AnnotationJson.Name(c.Label),
        LabeledSpan l => l.Label,
        _ => a.GetType().Name,
    };

    /// <summary>An annotation about the whole document (article-level stance, claims): shown in a table, not highlighted.</summary>
    public static bool IsDocumentLevel(Annotation a, string text) =>
        a is EntityStance { Scope: StanceScope.Article } || (text.Length > 0 && a.Span.Start == 0 && a.Span.End == text.Length);

    /// <summary>Whether an annotation is marked in the text: not document-level, and not a sentence judged certain.</summary>
    public static bool IsHighlighted(Annotation a, string text) => !IsDocumentLevel(a, text) && a is not SentenceUncertainty { Uncertain: false };

    /// <summary>The speaker of each quote, by quote id, from the attributions layer.</summary>
    public static Dictionary<string, Attribution> SpeakersByQuote(Document doc)
    {
        var byQuote = new Dictionary<string, Attribution>(StringComparer.Ordinal);
        foreach (var at in doc.GetLayerOrEmpty(Layers.Attributions)) byQuote.TryAdd(at.QuoteId, at);
        return byQuote;
    }

    public static string SpeakerName(Attribution? at) =>
        at is null ? "unattributed" : at.CanonicalName ?? at.SpeakerText ?? AnnotationJson.Name(at.SpeakerKind);

    public static List<Mark> For(AnnotationRecord record)
    {
        var marks = new List<Mark>();
        var doc = record.Document;
        if (doc is null) return marks;
        var speakers = SpeakersByQuote(doc);
        foreach (var key in OrderedLayers(doc))
        {
            string? cssClass = GenericClass(key.Name);
            foreach (var a in doc.GetAnnotations(key))
            {
                if (!IsHighlighted(a, doc.Text)) continue;
                var mark = new Mark(a.Span.Start, a.Span.End, key.Name, a.Id, Label(a))
                {
                    Anchor = Anchor(key.Name, a.Id),
                    Title = Describe(key.Name, a),
                    CssClass = cssClass,
                    Data = LinkData(a),
                };
                if (a is Quote q) AddQuote(marks, mark, q, speakers.GetValueOrDefault(q.Id));
                else marks.Add(mark);
            }
        }
        for (int i = 0; i < record.Findings.Length; i++)
        {
            var f = record.Findings[i];
            marks.Add(new Mark(f.Finding.Span.Start, f.Finding.Span.End, FindingsLayer, $"f{i + 1}", f.Finding.RuleId)
            {
                Anchor = FindingAnchor(i),
                Title = $"{f.Finding.RuleId} {AnnotationJson.Name(f.Finding.Severity)}: {f.Finding.Message}",
                Data = [KeyValuePair.Create("rule", f.Finding.RuleId), KeyValuePair.Create("severity", AnnotationJson.Name(f.Finding.Severity))],
            });
        }
        return marks;
    }

    /// <summary>A quote is one mark per content segment, its cue, and a label after it naming the speaker.</summary>
    private static void AddQuote(List<Mark> marks, Mark quote, Quote q, Attribution? speaker)
    {
        var content = q.Content.IsDefaultOrEmpty ? [q.Span] : q.Content;
        var data = speaker is null ? quote.Data : [.. quote.Data, KeyValuePair.Create("speaker-ref", Anchor(Layers.Attributions.Name, speaker.Id))];
        for (int i = 0; i < content.Length; i++)
            marks.Add(quote with { Start = content[i].Start, End = content[i].End, Anchor = i == 0 ? quote.Anchor : null, Data = data });
        if (q.Cue is { } cue)
            marks.Add(quote with { Start = cue.Start, End = cue.End, Anchor = null, Data = [.. data, KeyValuePair.Create("role", "cue")] });
        int end = content.Max(s => s.End);
        marks.Add(quote with { Start = end, End = end, Anchor = null, Tag = "→ " + SpeakerName(speaker), Data = [.. data, KeyValuePair.Create("role", "speaker-tag")] });
    }

    /// <summary>Links to other annotations by id, as data attributes of the highlighted element.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> LinkData(Annotation a) => a switch
    {
        EntityMention e => [KeyValuePair.Create("cluster", e.ClusterId)],
        Attribution at => [KeyValuePair.Create("quote", at.QuoteId)],
        HedgeCue { QuoteId: { } quoteId } => [KeyValuePair.Create("quote", quoteId)],
        EntityStance { MentionId: { } mentionId } s => [KeyValuePair.Create("cluster", s.ClusterId), KeyValuePair.Create("mention", mentionId)],
        _ => [],
    };

    /// <summary>The tooltip of an annotation: what it is, its details, how sure and who made it.</summary>
    public static string Describe(string layer, Annotation a)
    {
        string detail = a switch
        {
            EntityMention e => e.CanonicalName,
            Attribution at => $"speaker of {at.QuoteId}: {SpeakerName(at)}",
            HedgeCue h => h.HolderName ?? AnnotationJson.Name(h.Holder),
            EntityStance s => $"toward {s.CanonicalName}, held by {s.HolderName ?? AnnotationJson.Name(s.Holder)}",
            ClaimStance c => c.Claim,
            LabeledSpan l => string.Join(", ", l.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
            _ => "",
        };
        string by = a.Provenance is { } p ? $" · {p.Analyzer} {p.Version}{(p.Method is null ? "" : " " + p.Method)}" : "";
        return $"{layer} {a.Id} · {Label(a)}{(detail.Length == 0 ? "" : " · " + detail)} · confidence {a.Confidence.ToString("0.##", CultureInfo.InvariantCulture)}{by}";
    }
}
