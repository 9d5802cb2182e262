using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Sdk;

namespace Pipeline.Text.Records;

/// <summary>
/// Writes and reads annotations in the record format (docs/FORMATS.md). Well-known payloads
/// are written field by field; other annotation types by reflection, and read back as
/// <see cref="LabeledSpan"/>.
/// </summary>
public static class AnnotationJson
{
    private static readonly JsonSerializerOptions ReflectionOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly Dictionary<string, LayerKey> WellKnownByName =
        Layers.WellKnown.ToDictionary(k => k.Name);

    /// <summary>The layer key for a layer name: a well-known one, or a <see cref="LabeledSpan"/> layer.</summary>
    public static LayerKey LayerFor(string name) =>
        WellKnownByName.TryGetValue(name, out var key) ? key : new LayerKey<LabeledSpan>(name, name[..1]);

    public static void Write(Utf8JsonWriter w, Annotation a, string text)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteNumber("start", a.Span.Start);
        w.WriteNumber("end", a.Span.End);
        WriteOptional(w, "text", CoveredText(text, a.Span));
        switch (a)
        {
            case EntityMention e:
                w.WriteString("type", e.Type);
                w.WriteString("clusterId", e.ClusterId);
                w.WriteString("canonicalName", e.CanonicalName);
                break;
            case Quote q:
                w.WriteString("kind", Name(q.Kind));
                WriteSpans(w, "content", q.Content);
                WriteOptionalSpan(w, "cue", q.Cue);
                break;
            case Attribution at:
                w.WriteString("quoteId", at.QuoteId);
                w.WriteString("speakerKind", Name(at.SpeakerKind));
                WriteOptional(w, "speakerText", at.SpeakerText);
                WriteOptional(w, "clusterId", at.ClusterId);
                WriteOptional(w, "canonicalName", at.CanonicalName);
                break;
            case HedgeCue h:
                w.WriteString("type", Name(h.Type));
                w.WriteString("holder", Name(h.Holder));
                WriteOptional(w, "quoteId", h.QuoteId);
                WriteOptional(w, "holderClusterId", h.HolderClusterId);
                WriteOptional(w, "holderName", h.HolderName);
                break;
            case SentenceUncertainty u:
                w.WriteBoolean("uncertain", u.Uncertain);
                WriteStrings(w, "cueIds", u.CueIds);
                break;
            case EntityStance s:
                w.WriteString("clusterId", s.ClusterId);
                w.WriteString("canonicalName", s.CanonicalName);
                w.WriteString("scope", Name(s.Scope));
                w.WriteString("label", Name(s.Label));
                WriteOptional(w, "mentionId", s.MentionId);
                w.WriteString("holder", Name(s.Holder));
                WriteOptional(w, "holderClusterId", s.HolderClusterId);
                WriteOptional(w, "holderName", s.HolderName);
                WriteNumbers(w, "scores", s.Scores);
                WriteSpans(w, "evidence", s.Evidence);
                break;
            case ClaimStance c:
                w.WriteString("claim", c.Claim);
                w.WriteString("label", Name(c.Label));
                WriteNumbers(w, "scores", c.Scores);
                WriteSpans(w, "evidence", c.Evidence);
                break;
            case LabeledSpan l:
                w.WriteString("label", l.Label);
                if (!l.Properties.IsEmpty)
                {
                    w.WriteStartObject("properties");
                    foreach (var (k, v) in l.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteString(k, v);
                    w.WriteEndObject();
                }
                break;
            default:
                WriteByReflection(w, a);
                break;
        }
        w.WriteNumber("confidence", Math.Round(a.Confidence, 4));
        if (a.Provenance is { } p)
        {
            w.WriteStartObject("provenance");
            w.WriteString("analyzer", p.Analyzer);
            w.WriteString("version", p.Version);
            WriteOptional(w, "model", p.Model);
            WriteOptional(w, "method", p.Method);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>Reads one annotation of <paramref name="layer"/>.</summary>
    /// <exception cref="FormatException">A required field is missing or malformed.</exception>
    public static Annotation Read(JsonElement e, LayerKey layer)
    {
        var id = Str(e, "id") ?? throw new FormatException("annotation without \"id\"");
        var span = ReadSpanFields(e);
        double confidence = e.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 1.0;
        Provenance? provenance = null;
        if (e.TryGetProperty("provenance", out var p) && p.ValueKind == JsonValueKind.Object)
            provenance = new Provenance(Str(p, "analyzer") ?? "", Str(p, "version") ?? "") { Model = Str(p, "model"), Method = Str(p, "method") };

        Annotation a = layer.ItemType.Name switch
        {
            nameof(EntityMention) => new EntityMention
            {
                Id = id, Span = span, Type = Req(e, "type"),
                ClusterId = Str(e, "clusterId") ?? id,
                CanonicalName = Str(e, "canonicalName") ?? Str(e, "text") ?? "",
            },
            nameof(Quote) => new Quote
            {
                Id = id, Span = span, Kind = Enum<QuoteKind>(e, "kind", QuoteKind.Direct),
                Content = e.TryGetProperty("content", out var ct) ? Spans(ct) : [span],
                Cue = OptSpan(e, "cue"),
            },
            nameof(Attribution) => new Attribution
            {
                Id = id, Span = span, QuoteId = Req(e, "quoteId"),
                SpeakerKind = Enum<SpeakerKind>(e, "speakerKind", SpeakerKind.Unknown),
                SpeakerText = Str(e, "speakerText"), ClusterId = Str(e, "clusterId"), CanonicalName = Str(e, "canonicalName"),
            },
            nameof(HedgeCue) => new HedgeCue
            {
                Id = id, Span = span, Type = Enum<HedgeType>(e, "type", HedgeType.Epistemic),
                Holder = Enum<HolderKind>(e, "holder", HolderKind.Author), QuoteId = Str(e, "quoteId"),
                HolderClusterId = Str(e, "holderClusterId"), HolderName = Str(e, "holderName"),
            },
            nameof(SentenceUncertainty) => new SentenceUncertainty
            {
                Id = id, Span = span, Uncertain = e.TryGetProperty("uncertain", out var un) && un.ValueKind == JsonValueKind.True,
                CueIds = StrArray(e, "cueIds"),
            },
            nameof(EntityStance) => new EntityStance
            {
                Id = id, Span = span, ClusterId = Req(e, "clusterId"), CanonicalName = Str(e, "canonicalName") ?? "",
                Scope = Enum<StanceScope>(e, "scope", StanceScope.Mention), Label = ReqEnum<StanceLabel>(e, "label"),
                MentionId = Str(e, "mentionId"), Holder = Enum<HolderKind>(e, "holder", HolderKind.Author),
                HolderClusterId = Str(e, "holderClusterId"), HolderName = Str(e, "holderName"),
                Scores = Numbers(e, "scores"), Evidence = e.TryGetProperty("evidence", out var ev) ? Spans(ev) : [],
            },
            nameof(ClaimStance) => new ClaimStance
            {
                Id = id, Span = span, Claim = Req(e, "claim"), Label = ReqEnum<ClaimStanceLabel>(e, "label"),
                Scores = Numbers(e, "scores"), Evidence = e.TryGetProperty("evidence", out var cev) ? Spans(cev) : [],
            },
            _ => new LabeledSpan
            {
                Id = id, Span = span, Label = Str(e, "label") ?? layer.Name, Properties = ScalarProperties(e),
            },
        };
        return a with { Confidence = confidence, Provenance = provenance };
    }

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static bool TryParseName<TEnum>(string? name, out TEnum value) where TEnum : struct, Enum =>
        System.Enum.TryParse(name, ignoreCase: true, out value) && System.Enum.IsDefined(value);

    /// <summary>
    /// The text an annotation's span covers, as records and tables show it; null for a span over
    /// the whole document (article-level stance, document labels), whose copy of the text would
    /// only repeat the record's "text" once per annotation.
    /// </summary>
    public static string? CoveredText(string text, TextSpan span) =>
        span.Start == 0 && span.End == text.Length && text.Length > 0 ? null : Slice(text, span);

    /// <summary>The text of a span; empty when the span lies outside the text.</summary>
    public static string Slice(string text, TextSpan span) =>
        span.Start >= 0 && span.End <= text.Length ? text.Substring(span.Start, span.Length) : "";

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    private static void WriteOptionalSpan(Utf8JsonWriter w, string name, TextSpan? span)
    {
        if (span is not { } s) { w.WriteNull(name); return; }
        w.WriteStartArray(name);
        w.WriteNumberValue(s.Start);
        w.WriteNumberValue(s.End);
        w.WriteEndArray();
    }

    internal static void WriteSpans(Utf8JsonWriter w, string name, ImmutableArray<TextSpan> spans)
    {
        w.WriteStartArray(name);
        if (!spans.IsDefault)
            foreach (var s in spans)
            {
                w.WriteStartArray();
                w.WriteNumberValue(s.Start);
                w.WriteNumberValue(s.End);
                w.WriteEndArray();
            }
        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, ImmutableArray<string> values)
    {
        w.WriteStartArray(name);
        if (!values.IsDefault) foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter w, string name, ImmutableArray<double> values)
    {
        w.WriteStartArray(name);
        if (!values.IsDefault) foreach (var v in values) w.WriteNumberValue(Math.Round(v, 4));
        w.WriteEndArray();
    }

    private static readonly HashSet<string> BaseProperties = ["id", "span", "confidence", "provenance", "equalityContract"];

    private static void WriteByReflection(Utf8JsonWriter w, Annotation a)
    {
        var element = JsonSerializer.SerializeToElement(a, a.GetType(), ReflectionOptions);
        foreach (var property in element.EnumerateObject())
            if (!BaseProperties.Contains(property.Name)) property.WriteTo(w);
    }

    private static TextSpan ReadSpanFields(JsonElement e)
    {
        if (!e.TryGetProperty("start", out var s) || !e.TryGetProperty("end", out var en)
            || !s.TryGetInt32(out int start) || !en.TryGetInt32(out int end))
            throw new FormatException("annotation without numeric \"start\" and \"end\"");
        if (start < 0 || end < start) throw new FormatException($"bad span [{start}, {end})");
        return TextSpan.FromBounds(start, end);
    }

    private static TextSpan? OptSpan(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? SpanOf(v) : null;

    private static TextSpan SpanOf(JsonElement pair)
    {
        if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
            throw new FormatException("a span must be [start, end]");
        int start = pair[0].GetInt32(), end = pair[1].GetInt32();
        if (start < 0 || end < start) throw new FormatException($"bad span [{start}, {end})");
        return TextSpan.FromBounds(start, end);
    }

    private static ImmutableArray<TextSpan> Spans(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Select(SpanOf).ToImmutableArray() : [];

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Req(JsonElement e, string name) =>
        Str(e, name) ?? throw new FormatException($"annotation without \"{name}\"");

    private static TEnum Enum<TEnum>(JsonElement e, string name, TEnum fallback) where TEnum : struct, Enum =>
        TryParseName(Str(e, name), out TEnum v) ? v : fallback;

    private static TEnum ReqEnum<TEnum>(JsonElement e, string name) where TEnum : struct, Enum =>
        TryParseName(Str(e, name), out TEnum v) ? v
        : throw new FormatException($"\"{name}\" must be one of {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}");

    private static ImmutableArray<string> StrArray(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToImmutableArray() : [];

    private static ImmutableArray<double> Numbers(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Number).Select(x => x.GetDouble()).ToImmutableArray() : [];

    private static readonly HashSet<string> NotProperties = ["id", "start", "end", "text", "label", "confidence", "provenance"];

    private static ImmutableDictionary<string, string> ScalarProperties(JsonElement e)
    {
        if (e.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
            return props.EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
        return e.EnumerateObject().Where(p => !NotProperties.Contains(p.Name))
            .ToImmutableDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
    }
}
