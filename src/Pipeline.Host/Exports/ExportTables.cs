using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Host.Reports;
using Pipeline.Sdk;
using Pipeline.Text.Records;

namespace Pipeline.Host.Exports;

/// <summary>An exported table: its file name, its columns, and how one annotation becomes a row.</summary>
internal sealed record LayerTable(string Name, IReadOnlyList<Column> Columns, Func<Annotation, Document, object?[]> Values);

/// <summary>
/// The tables of an export (docs/FORMATS.md, "Table exports"): documents, one per annotation layer,
/// findings and failures. Annotation tables start with the same columns; links between
/// annotations are id columns (quote_id, mention_id...) to join on with document_id and path.
/// </summary>
internal static class ExportTables
{
    public const string Documents = "documents", Findings = "findings", Failures = "failures";

    private static Column Text(string name) => new(name, ColumnType.Text);
    private static Column Int(string name) => new(name, ColumnType.Integer);
    private static Column Real(string name) => new(name, ColumnType.Real);
    private static Column Bool(string name) => new(name, ColumnType.Boolean);

    public static readonly IReadOnlyList<Column> DocumentColumns =
    [
        Text("document_id"), Text("path"), Int("record_line"), Text("status"), Text("reason"),
        Text("headline"), Text("byline"), Text("url"), Text("date"), Text("external_id"),
        Int("characters"), Int("words"), Int("sentences"), Int("paragraphs"),
        Int("entities"), Int("quotes"), Int("hedges"), Int("uncertain_sentences"), Int("findings"), Int("failures"),
        Text("layers"),
    ];

    public static readonly IReadOnlyList<Column> FindingColumns =
    [
        Text("document_id"), Text("path"), Text("finding_id"), Text("rule_id"), Text("severity"), Text("analyzer"),
        Int("span_start"), Int("span_end"), Int("line_number"), Int("column_number"), Text("text"), Text("message"),
        Text("annotation_ids"), Text("properties"),
    ];

    public static readonly IReadOnlyList<Column> FailureColumns =
    [
        Text("document_id"), Text("path"), Text("rule_id"), Text("analyzer"), Text("plugin_version"),
        Text("message"), Text("exception"), Text("stack_trace"),
    ];

    /// <summary>The columns every annotation table starts with.</summary>
    private static readonly Column[] AnnotationColumns =
    [
        Text("document_id"), Text("path"), Text("annotation_id"), Int("span_start"), Int("span_end"), Text("text"),
        Real("confidence"), Text("analyzer"), Text("analyzer_version"), Text("model"), Text("method"),
    ];

    private static LayerTable Layer(LayerKey key, Column[] columns, Func<Annotation, Document, object?[]> values) =>
        new(key.Name, [.. AnnotationColumns, .. columns], values);

    /// <summary>The tables of the well-known layers, written even when empty so that scripts find them.</summary>
    public static readonly IReadOnlyList<LayerTable> WellKnown =
    [
        Layer(Layers.Entities, [Text("type"), Text("cluster_id"), Text("canonical_name")],
            (a, _) => a is EntityMention e ? [e.Type, e.ClusterId, e.CanonicalName] : Mismatch(a)),
        Layer(Layers.Quotes, [Text("kind"), Text("segments"), Int("segment_count"), Text("content_text"), Int("cue_start"), Int("cue_end"), Text("cue_text")],
            (a, doc) => a is Quote q ? QuoteValues(q, doc) : Mismatch(a)),
        Layer(Layers.Attributions, [Text("quote_id"), Text("speaker_kind"), Text("speaker_text"), Text("cluster_id"), Text("canonical_name")],
            (a, _) => a is Attribution at ? [at.QuoteId, AnnotationJson.Name(at.SpeakerKind), at.SpeakerText, at.ClusterId, at.CanonicalName] : Mismatch(a)),
        Layer(Layers.HedgeCues, [Text("type"), Text("holder"), Text("quote_id"), Text("holder_cluster_id"), Text("holder_name")],
            (a, _) => a is HedgeCue h ? [AnnotationJson.Name(h.Type), AnnotationJson.Name(h.Holder), h.QuoteId, h.HolderClusterId, h.HolderName] : Mismatch(a)),
        Layer(Layers.Uncertainty, [Bool("uncertain"), Text("cue_ids")],
            (a, _) => a is SentenceUncertainty u ? [u.Uncertain, Json(u.CueIds)] : Mismatch(a)),
        Layer(Layers.Stance,
            [Text("cluster_id"), Text("canonical_name"), Text("scope"), Text("label"), Text("mention_id"), Text("holder"),
             Text("holder_cluster_id"), Text("holder_name"), Real("score_negative"), Real("score_neutral"), Real("score_positive"), Text("evidence")],
            (a, _) => a is EntityStance s
                ? [s.ClusterId, s.CanonicalName, AnnotationJson.Name(s.Scope), AnnotationJson.Name(s.Label), s.MentionId, AnnotationJson.Name(s.Holder),
                   s.HolderClusterId, s.HolderName, Score(s.Scores, 0), Score(s.Scores, 1), Score(s.Scores, 2), Json(s.Evidence)]
                : Mismatch(a)),
        Layer(Layers.ClaimStance,
            [Text("claim"), Text("label"), Real("score_agree"), Real("score_disagree"), Real("score_discuss"), Real("score_unrelated"), Text("evidence")],
            (a, _) => a is ClaimStance c
                ? [c.Claim, AnnotationJson.Name(c.Label), Score(c.Scores, 0), Score(c.Scores, 1), Score(c.Scores, 2), Score(c.Scores, 3), Json(c.Evidence)]
                : Mismatch(a)),
    ];

    /// <summary>The table of a plugin layer: its label and its properties as a JSON object.</summary>
    public static LayerTable Generic(string layer, string tableName) =>
        new(tableName, [.. AnnotationColumns, Text("layer"), Text("label"), Text("properties")],
            (a, _) => a is LabeledSpan l ? [layer, l.Label, Json(l.Properties)] : [layer, a.GetType().Name, null]);

    /// <summary>The file name of a plugin layer's table: its name with unsafe characters replaced, never a built-in table's.</summary>
    public static string GenericTableName(string layer)
    {
        var safe = string.Concat(layer.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_'));
        bool taken = safe is Documents or Findings or Failures || WellKnown.Any(t => t.Name == safe);
        return taken ? "layer_" + safe : safe;
    }

    public static object?[] AnnotationRow(LayerTable table, AnnotationRecord r, Document doc, Annotation a)
    {
        object?[] common =
        [
            r.Id, r.Path, a.Id, a.Span.Start, a.Span.End, AnnotationJson.CoveredText(doc.Text, a.Span), a.Confidence,
            a.Provenance?.Analyzer, a.Provenance?.Version, a.Provenance?.Model, a.Provenance?.Method,
        ];
        return [.. common, .. table.Values(a, doc)];
    }

    public static object?[] DocumentRow(NumberedRecord input, DocumentStats stats)
    {
        var r = input.Record;
        var m = r.Document?.Metadata;
        return
        [
            r.Id, r.Path, input.Line, AnnotationJson.Name(r.Status), r.Reason,
            m?.Headline, m?.Byline, m?.Url, m?.Date, m?.ExternalId,
            stats.Characters, stats.Words, stats.Sentences, r.Document?.Paragraphs.Length ?? 0,
            stats.Entities, stats.Quotes, stats.HedgeCues, stats.UncertainSentences, stats.Findings, stats.Failures,
            Json(stats.Layers.ToDictionary(p => p.Key, p => p.Value)),
        ];
    }

    public static IEnumerable<object?[]> FindingRows(AnnotationRecord r)
    {
        var lines = r.Document is null ? null : new LineMap(r.Document.Text);
        for (int i = 0; i < r.Findings.Length; i++)
        {
            var rf = r.Findings[i];
            var f = rf.Finding;
            var (line, column) = FindingPosition.Of(rf, lines, r.Document?.Text.Length ?? 0);
            yield return
            [
                r.Id, r.Path, $"f{i + 1}", f.RuleId, AnnotationJson.Name(f.Severity), rf.Analyzer,
                f.Span.Start, f.Span.End, line, column, r.Document is null ? null : AnnotationJson.CoveredText(r.Document.Text, f.Span), f.Message,
                Json(f.AnnotationIds), Json(f.Properties),
            ];
        }
    }

    public static IEnumerable<object?[]> FailureRows(AnnotationRecord r) =>
        r.Failures.Select(f => new object?[] { r.Id, r.Path, f.RuleId, f.Analyzer, f.PluginVersion, f.Message, f.Exception, f.StackTrace });

    private static object?[] QuoteValues(Quote q, Document doc)
    {
        var content = q.Content.IsDefaultOrEmpty ? [q.Span] : q.Content;
        return
        [
            AnnotationJson.Name(q.Kind), Json(content), content.Length, string.Join(" … ", content.Select(s => AnnotationJson.Slice(doc.Text, s))),
            q.Cue?.Start, q.Cue?.End, q.Cue is { } cue ? AnnotationJson.Slice(doc.Text, cue) : null,
        ];
    }

    private static object?[] Mismatch(Annotation a) =>
        throw new InvalidOperationException($"annotation {a.Id} is a {a.GetType().Name}, not the layer's payload type");

    private static double? Score(ImmutableArray<double> scores, int i) => !scores.IsDefault && i < scores.Length ? scores[i] : null;

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>List and object columns are JSON text: spans as [[start, end], ...], ids as ["h1", ...], properties as {"k": "v"}.</summary>
    private static string Json(ImmutableArray<TextSpan> spans) =>
        JsonSerializer.Serialize(spans.IsDefault ? [] : spans.Select(s => new[] { s.Start, s.End }).ToArray(), JsonOptions);

    private static string Json(ImmutableArray<string> values) => JsonSerializer.Serialize(values.IsDefault ? [] : values.ToArray(), JsonOptions);

    private static string Json(IReadOnlyDictionary<string, string> values) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(values.ToDictionary(), StringComparer.Ordinal), JsonOptions);

    private static string Json(Dictionary<string, int> values) => JsonSerializer.Serialize(values, JsonOptions);
}
