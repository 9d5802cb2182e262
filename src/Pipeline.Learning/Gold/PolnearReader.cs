using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Learning.Gold;

/// <summary>
/// PolNeAR attribution relations, one article per JSON line: {"id", "title", "text", "quotes":
/// [{"content_spans", "cue_spans", "source_spans", ...}]} with code point offsets. Each relation
/// becomes a quote and an attribution (<see cref="AttributionRelations"/>).
/// </summary>
public sealed class PolnearReader : IGoldReader
{
    public string Format => "polnear";
    public string Description => "PolNeAR JSONL: articles with attribution relations (source, cue, content)";
    public ImmutableArray<LayerKey> Layers => AttributionRelations.Layers;

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
        var relations = new List<AttributionRelation>();
        int index = 0;
        foreach (var q in JsonRecords.Array(record, "quotes").EnumerateArray())
        {
            index++;
            try
            {
                relations.Add(AttributionRelation.Of(
                    JsonRecords.Spans(q, "content_spans", map), JsonRecords.Spans(q, "cue_spans", map), JsonRecords.Spans(q, "source_spans", map)));
            }
            catch (FormatException ex) { onError($"{path}:{line}: quote {index}: {ex.Message}"); }
        }
        return AttributionRelations.AddTo(doc, relations);
    }
}
