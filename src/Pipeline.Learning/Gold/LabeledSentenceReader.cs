using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Learning.Gold;

/// <summary>
/// Labelled sentences, one per JSON line: {"text", "label", "split"?, "doc_id"?}, the simplest
/// gold format for a sentence classifier of your own. Each sentence is kept as one sentence;
/// consecutive records with the same doc_id form one document, otherwise each is a document.
/// The labels go into a LabeledSpan layer named by <see cref="GoldReadOptions.LabelLayer"/>
/// (`pipeline train` passes the trainer's layer).
/// </summary>
public sealed class LabeledSentenceReader : IGoldReader
{
    public const string DefaultLayer = "labels";

    public string Format => "sentences";
    public string Description => "labelled sentences JSONL: {\"text\", \"label\"} per line, for sentence classifiers";
    public ImmutableArray<LayerKey> Layers => [new LayerKey<LabeledSpan>(DefaultLayer, "l")];

    public bool Recognizes(string path, string firstLine) =>
        firstLine.Contains("\"label\"", StringComparison.Ordinal) && firstLine.Contains("\"text\"", StringComparison.Ordinal);

    public IEnumerable<Document> Read(string path, GoldReadOptions options, Action<string> onError)
    {
        string layerName = options.LabelLayer ?? DefaultLayer;
        var layer = new LayerKey<LabeledSpan>(layerName, layerName[..1]);
        var records = JsonRecords.Read(path, onError).Where(r => JsonRecords.InSplit(r.Record, options.Split));
        foreach (var group in Grouping.Consecutive(records, r => JsonRecords.OptionalString(r.Record, "doc_id")))
        {
            var builder = new GoldDocumentBuilder();
            var labels = ImmutableArray.CreateBuilder<LabeledSpan>();
            foreach (var (line, record) in group.Items)
            {
                try
                {
                    string text = JsonRecords.String(record, "text"), label = JsonRecords.String(record, "label");
                    if (label.Length == 0) throw new FormatException("empty label");
                    builder.AddSentence(text);
                    labels.Add(new LabeledSpan { Id = $"{layer.IdPrefix}{labels.Count + 1}", Span = builder.LastSentence.Span, Label = label });
                }
                catch (FormatException ex) { onError($"{path}:{line}: {ex.Message}"); }
            }
            if (builder.IsEmpty) continue;
            var first = group.Items[0];
            yield return builder.Build(new DocumentMetadata { SourcePath = $"{path}:{first.Line}", ExternalId = group.Key ?? JsonRecords.OptionalString(first.Record, "id") })
                .WithLayer(layer, labels.ToImmutable());
        }
    }
}
