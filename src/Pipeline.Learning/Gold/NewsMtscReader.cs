using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Sdk;

namespace Pipeline.Learning.Gold;

/// <summary>
/// NewsMTSC target-dependent sentiment: one record per (sentence, target) with "text",
/// "target_span" [start, end), "further_mentions" (other spans of the same person), "label"
/// (negative | neutral | positive) and "sentence_id". Consecutive records of one sentence form
/// one single-sentence document. Each target is a PER cluster (its span plus its further
/// mentions) with one mention-scope stance on the target span. Offsets count code points.
/// </summary>
public sealed class NewsMtscReader : IGoldReader
{
    public string Format => "newsmtsc";
    public string Description => "NewsMTSC JSONL: sentences with target persons and their sentiment";
    public ImmutableArray<LayerKey> Layers => [Sdk.Layers.Entities, Sdk.Layers.Stance];

    public bool Recognizes(string path, string firstLine) => firstLine.Contains("\"target_span\"", StringComparison.Ordinal);

    public IEnumerable<Document> Read(string path, GoldReadOptions options, Action<string> onError)
    {
        var records = JsonRecords.Read(path, onError).Where(r => JsonRecords.InSplit(r.Record, options.Split));
        foreach (var group in Grouping.Consecutive(records, r => JsonRecords.OptionalString(r.Record, "sentence_id")))
        {
            Document? doc = null;
            var entities = new List<EntityMention>();
            var stances = new List<EntityStance>();
            foreach (var (line, record) in group.Items)
            {
                try
                {
                    string text = JsonRecords.String(record, "text");
                    if (doc is not null && text != doc.Text) throw new FormatException("text differs from the earlier records of the same sentence_id");
                    if (doc is null)
                    {
                        var builder = new GoldDocumentBuilder();
                        builder.AddSentence(text);
                        doc = builder.Build(new DocumentMetadata { SourcePath = $"{path}:{line}", ExternalId = group.Key ?? JsonRecords.OptionalString(record, "id") });
                    }
                    AddTarget(record, doc, entities, stances);
                }
                catch (FormatException ex) { onError($"{path}:{line}: {ex.Message}"); }
            }
            if (doc is null || stances.Count == 0) continue;
            yield return doc.WithLayer(Sdk.Layers.Entities, [.. entities.OrderBy(e => e.Span)]).WithLayer(Sdk.Layers.Stance, [.. stances]);
        }
    }

    private static void AddTarget(JsonElement record, Document doc, List<EntityMention> entities, List<EntityStance> stances)
    {
        var map = new CodePointMap(doc.Text);
        var target = JsonRecords.Span(record.TryGetProperty("target_span", out var t) ? t : default, map, "target_span")
            ?? throw new FormatException("target_span is null");
        var label = JsonRecords.String(record, "label") switch
        {
            "negative" => StanceLabel.Negative,
            "neutral" => StanceLabel.Neutral,
            "positive" => StanceLabel.Positive,
            var other => throw new FormatException($"label \"{other}\" is not negative, neutral or positive"),
        };
        string cluster = $"c{stances.Count + 1}";
        string name = doc.GetString(target);
        string targetId = $"e{entities.Count + 1}";
        entities.Add(new EntityMention { Id = targetId, Span = target, Type = EntityTypes.Person, ClusterId = cluster, CanonicalName = name });
        foreach (var span in JsonRecords.Spans(record, "further_mentions", map))
            entities.Add(new EntityMention { Id = $"e{entities.Count + 1}", Span = span, Type = EntityTypes.Person, ClusterId = cluster, CanonicalName = name });
        var sentence = doc.Sentences[0].Span;
        stances.Add(new EntityStance
        {
            Id = $"s{stances.Count + 1}", Span = sentence, ClusterId = cluster, CanonicalName = name,
            Scope = StanceScope.Mention, Label = label, MentionId = targetId, Evidence = [sentence],
        });
    }
}
