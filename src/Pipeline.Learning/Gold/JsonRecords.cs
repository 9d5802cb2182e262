using System.Text.Json;
using Pipeline.Sdk;

namespace Pipeline.Learning.Gold;

/// <summary>Reading JSON Lines gold files: line numbers, field access with clear errors.</summary>
internal static class JsonRecords
{
    /// <summary>The records of a JSON Lines file with their 1-based line numbers; invalid JSON is reported and skipped.</summary>
    public static IEnumerable<(int Line, JsonElement Record)> Read(string path, Action<string> onError)
    {
        int line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            JsonElement record;
            try
            {
                using var doc = JsonDocument.Parse(text);
                record = doc.RootElement.Clone();
            }
            catch (JsonException ex) { onError($"{path}:{line}: invalid JSON: {ex.Message}"); continue; }
            if (record.ValueKind != JsonValueKind.Object) { onError($"{path}:{line}: a record must be a JSON object"); continue; }
            yield return (line, record);
        }
    }

    /// <summary>Whether the record is in the split: null is every record, "!S" every record not in S.</summary>
    public static bool InSplit(JsonElement record, string? split) =>
        split is null || (split.StartsWith('!') ? !HasSplit(record, split[1..]) : HasSplit(record, split));

    private static bool HasSplit(JsonElement record, string split) =>
        OptionalString(record, "split") == split || OptionalString(record, "baseline_split") == split;

    public static string String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
        : throw new FormatException(e.TryGetProperty(name, out _) ? $"\"{name}\" must be a string" : $"missing \"{name}\"");

    public static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    /// <summary>An id that may be written as a number or a string.</summary>
    public static string Id(JsonElement e, string name) =>
        OptionalString(e, name) ?? throw new FormatException($"missing \"{name}\"");

    public static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i) ? i
        : throw new FormatException($"\"{name}\" must be an integer");

    public static JsonElement Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v
        : throw new FormatException(e.TryGetProperty(name, out _) ? $"\"{name}\" must be an array" : $"missing \"{name}\"");

    /// <summary>A [start, end] pair of code point offsets, converted to a UTF-16 span; null for JSON null.</summary>
    public static TextSpan? Span(JsonElement pair, CodePointMap map, string what)
    {
        if (pair.ValueKind == JsonValueKind.Null) return null;
        if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2
            || !pair[0].TryGetInt32(out int start) || !pair[1].TryGetInt32(out int end))
            throw new FormatException($"{what} must be a [start, end] pair");
        try { return map.ToSpan(start, end); }
        catch (FormatException ex) { throw new FormatException($"{what}: {ex.Message}"); }
    }

    /// <summary>A list of [start, end] pairs (empty spans dropped).</summary>
    public static List<TextSpan> Spans(JsonElement e, string name, CodePointMap map)
    {
        var list = new List<TextSpan>();
        if (!e.TryGetProperty(name, out var arr) || arr.ValueKind == JsonValueKind.Null) return list;
        if (arr.ValueKind != JsonValueKind.Array) throw new FormatException($"\"{name}\" must be an array of [start, end] pairs");
        foreach (var pair in arr.EnumerateArray())
            if (Span(pair, map, name) is { IsEmpty: false } span) list.Add(span);
        return list;
    }
}
