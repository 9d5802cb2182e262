using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Sdk;

namespace Pipeline.Text.Records;

/// <summary>
/// Reads annotations.jsonl records back: for reports, exports, resume, and as gold data.
/// The text is segmented again (the segmenter is deterministic); layers become SDK payloads.
/// A minimal gold record needs only "text" and "layers".
/// </summary>
public static class AnnotationRecordReader
{
    /// <summary>Reads one line.</summary>
    /// <exception cref="FormatException">The line is not a valid record; the message says why.</exception>
    public static AnnotationRecord Parse(string line, string fallbackPath, Segmenter? segmenter = null)
    {
        JsonDocument json;
        try { json = JsonDocument.Parse(line); }
        catch (JsonException ex) { throw new FormatException($"invalid JSON: {ex.Message}"); }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("a record must be a JSON object");
            string path = Str(root, "path") ?? fallbackPath;
            var status = AnnotationJson.TryParseName(Str(root, "status"), out DocumentStatus st) ? st : DocumentStatus.Ok;
            string? text = Str(root, "text");
            Document? doc = null;
            if (text is not null)
            {
                doc = DocumentFactory.Create(text, ReadMetadata(root, path), segmenter);
                if (root.TryGetProperty("layers", out var layers) && layers.ValueKind == JsonValueKind.Object)
                    foreach (var layer in layers.EnumerateObject())
                    {
                        if (layer.Value.ValueKind != JsonValueKind.Array)
                            throw new FormatException($"layer \"{layer.Name}\" must be an array");
                        var key = AnnotationJson.LayerFor(layer.Name);
                        var items = new List<Annotation>();
                        foreach (var item in layer.Value.EnumerateArray())
                        {
                            Annotation a;
                            try { a = AnnotationJson.Read(item, key); }
                            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
                            { throw new FormatException($"layer \"{layer.Name}\": {ex.Message}"); }
                            if (a.Span.End > text.Length)
                                throw new FormatException($"layer \"{layer.Name}\": annotation {a.Id} ends at {a.Span.End}, past the text's {text.Length} characters");
                            items.Add(a);
                        }
                        doc = doc.WithLayerUntyped(key, items);
                    }
            }
            else if (status is DocumentStatus.Ok or DocumentStatus.Partial)
                throw new FormatException("record without \"text\"");

            return new AnnotationRecord
            {
                Id = Str(root, "id") ?? doc?.Id ?? DocumentFactory.ContentHash(path),
                Path = path,
                Status = status,
                Reason = Str(root, "reason"),
                Document = doc,
                Findings = ReadFindings(root),
                Failures = ReadFailures(root),
            };
        }
    }

    /// <summary>Reads every line of a file; a bad line is reported through <paramref name="onError"/> as "file:line: reason" and skipped.</summary>
    public static IEnumerable<AnnotationRecord> ReadFile(string file, Action<string> onError, Segmenter? segmenter = null)
    {
        int lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            AnnotationRecord? record = null;
            try { record = Parse(line, $"{file}#{lineNumber}", segmenter); }
            catch (FormatException ex) { onError($"{file}:{lineNumber}: {ex.Message}"); }
            if (record is not null) yield return record;
        }
    }

    private static DocumentMetadata ReadMetadata(JsonElement root, string path)
    {
        if (!root.TryGetProperty("metadata", out var m) || m.ValueKind != JsonValueKind.Object)
            return DocumentMetadata.Empty with { SourcePath = path };
        return new DocumentMetadata
        {
            SourcePath = path,
            Headline = Str(m, "headline"),
            Byline = Str(m, "byline"),
            Url = Str(m, "url"),
            Date = Str(m, "date"),
            ExternalId = Str(m, "externalId"),
            Claims = m.TryGetProperty("claims", out var c) && c.ValueKind == JsonValueKind.Array
                ? c.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToImmutableArray() : [],
            Extra = m.TryGetProperty("extra", out var x) && x.ValueKind == JsonValueKind.Object
                ? x.EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())
                : ImmutableDictionary<string, string>.Empty,
        };
    }

    private static ImmutableArray<RecordFinding> ReadFindings(JsonElement root)
    {
        if (!root.TryGetProperty("findings", out var arr) || arr.ValueKind != JsonValueKind.Array) return [];
        var list = ImmutableArray.CreateBuilder<RecordFinding>();
        foreach (var f in arr.EnumerateArray())
        {
            int start = Int(f, "start"), end = Math.Max(start, Int(f, "end"));
            var finding = new Finding
            {
                RuleId = Str(f, "ruleId") ?? throw new FormatException("finding without \"ruleId\""),
                Span = TextSpan.FromBounds(start, end),
                Message = Str(f, "message") ?? "",
                Severity = AnnotationJson.TryParseName(Str(f, "severity"), out Severity sev) ? sev : Severity.Warning,
                AnnotationIds = f.TryGetProperty("annotationIds", out var ids) && ids.ValueKind == JsonValueKind.Array
                    ? ids.EnumerateArray().Select(i => i.GetString() ?? "").ToImmutableArray() : [],
                Properties = f.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
                    ? props.EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.GetString() ?? p.Value.GetRawText())
                    : ImmutableDictionary<string, string>.Empty,
            };
            list.Add(new RecordFinding(finding, Str(f, "analyzer") ?? "") { Line = Int(f, "line"), Column = Int(f, "column") });
        }
        return list.ToImmutable();
    }

    private static ImmutableArray<FailureRecord> ReadFailures(JsonElement root)
    {
        if (!root.TryGetProperty("failures", out var arr) || arr.ValueKind != JsonValueKind.Array) return [];
        return arr.EnumerateArray().Select(f => new FailureRecord(Str(f, "ruleId") ?? "", Str(f, "analyzer") ?? "", Str(f, "message") ?? "")
        {
            PluginVersion = Str(f, "pluginVersion"),
            Exception = Str(f, "exception"),
            StackTrace = Str(f, "stackTrace"),
        }).ToImmutableArray();
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i) ? i : 0;
}
