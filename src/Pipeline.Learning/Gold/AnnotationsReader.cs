using System.Collections.Immutable;
using Pipeline.Sdk;
using Pipeline.Text.Records;

namespace Pipeline.Learning.Gold;

/// <summary>Our own annotations.jsonl records (the pipeline's output, corrected by hand): the layers as they are.</summary>
public sealed class AnnotationsReader : IGoldReader
{
    public string Format => "annotations";
    public string Description => "pipeline annotations.jsonl records (the output format is also the gold format)";
    public ImmutableArray<LayerKey> Layers => [];

    public bool Recognizes(string path, string firstLine) =>
        firstLine.Contains("\"pipeline.annotations/", StringComparison.Ordinal) || firstLine.Contains("\"layers\"", StringComparison.Ordinal);

    public IEnumerable<Document> Read(string path, GoldReadOptions options, Action<string> onError)
    {
        foreach (var record in AnnotationRecordReader.ReadFile(path, onError))
        {
            if (record.Document is { } doc) yield return doc;
            else onError($"{record.Path}: record has no text ({record.Status}); skipped");
        }
    }
}
