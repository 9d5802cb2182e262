using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Pipeline.Sdk;

/// <summary>
/// An analyzer's options from pipeline.json ("analyzers": { "id": { "options": { ... } } }),
/// read with typed getters.
/// </summary>
public sealed class AnalyzerOptions
{
    public static readonly AnalyzerOptions Empty = new(ImmutableDictionary<string, JsonElement>.Empty);

    private readonly ImmutableDictionary<string, JsonElement> _values;

    public AnalyzerOptions(ImmutableDictionary<string, JsonElement> values) => _values = values;

    public IEnumerable<string> Keys => _values.Keys;
    public bool Contains(string key) => _values.ContainsKey(key);
    public bool TryGet(string key, out JsonElement value) => _values.TryGetValue(key, out value);

    public string? GetString(string key) =>
        _values.TryGetValue(key, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;

    public string GetString(string key, string defaultValue) => GetString(key) ?? defaultValue;

    public bool GetBool(string key, bool defaultValue) =>
        _values.TryGetValue(key, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean()
        : _values.TryGetValue(key, out v) && v.ValueKind == JsonValueKind.String && bool.TryParse(v.GetString(), out var b) ? b
        : defaultValue;

    public double GetDouble(string key, double defaultValue) =>
        _values.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble()
        : _values.TryGetValue(key, out v) && v.ValueKind == JsonValueKind.String
          && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
        : defaultValue;

    public int GetInt(string key, int defaultValue) => (int)GetDouble(key, defaultValue);

    public ImmutableArray<string> GetStrings(string key) =>
        !_values.TryGetValue(key, out var v) ? []
        : v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToImmutableArray()
        : v.ValueKind == JsonValueKind.String ? [v.GetString()!]
        : [];

    /// <summary>A copy with one value set (the host uses it for --model overrides).</summary>
    public AnalyzerOptions With(string key, string value) =>
        new(_values.SetItem(key, JsonSerializer.SerializeToElement(value)));

    public AnalyzerOptions With(string key, JsonElement value) => new(_values.SetItem(key, value));

    /// <summary>A stable text form of all values, for run fingerprints.</summary>
    public string ToCanonicalString() =>
        string.Join(";", _values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value.GetRawText()));
}
