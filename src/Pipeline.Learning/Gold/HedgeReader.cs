using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Sdk;

namespace Pipeline.Learning.Gold;

/// <summary>
/// Hedge cue corpora as JSON Lines, one sentence per record (Szeged uncertainty corpus,
/// CoNLL-2010): {"id", "text", "cues": [{"start", "end", "text"?, "type"?}], "label":
/// "uncertain"|"certain", "split"?, "doc_id"?}. Offsets count code points. Consecutive
/// sentences with the same doc_id form one document (one paragraph, sentences kept as given);
/// without doc_id every sentence is a document. Cues without a type count as epistemic. PTB
/// bracket tokens of a tokenised text ("-LRB-") are read as brackets (<see cref="PtbBrackets"/>).
/// </summary>
public sealed class HedgeReader : IGoldReader
{
    public string Format => "hedge";
    public string Description => "hedge cue JSONL (Szeged uncertainty, CoNLL-2010): sentences with cue spans and types";
    public ImmutableArray<LayerKey> Layers => [Sdk.Layers.HedgeCues, Sdk.Layers.Uncertainty];

    public bool Recognizes(string path, string firstLine) => firstLine.Contains("\"cues\"", StringComparison.Ordinal);

    public IEnumerable<Document> Read(string path, GoldReadOptions options, Action<string> onError)
    {
        var records = JsonRecords.Read(path, onError).Where(r => JsonRecords.InSplit(r.Record, options.Split));
        foreach (var group in Grouping.Consecutive(records, r => JsonRecords.OptionalString(r.Record, "doc_id")))
        {
            var builder = new GoldDocumentBuilder();
            var cues = new List<HedgeCue>();
            var sentences = new List<SentenceUncertainty>();
            foreach (var (line, record) in group.Items)
            {
                try { AddSentence(record, builder, cues, sentences); }
                catch (FormatException ex) { onError($"{path}:{line}: {ex.Message}"); }
            }
            if (builder.IsEmpty) continue;
            var first = group.Items[0];
            yield return builder.Build(new DocumentMetadata
                {
                    SourcePath = $"{path}:{first.Line}",
                    ExternalId = group.Key ?? JsonRecords.OptionalString(first.Record, "id"),
                })
                .WithLayer(Sdk.Layers.HedgeCues, [.. cues])
                .WithLayer(Sdk.Layers.Uncertainty, [.. sentences]);
        }
    }

    private static void AddSentence(JsonElement record, GoldDocumentBuilder builder, List<HedgeCue> cues, List<SentenceUncertainty> sentences)
    {
        string text = JsonRecords.String(record, "text");
        var map = new CodePointMap(text);
        var parsed = new List<(TextSpan Span, HedgeType Type)>();
        foreach (var cue in JsonRecords.Array(record, "cues").EnumerateArray())
        {
            var span = map.ToSpan(JsonRecords.Int(cue, "start"), JsonRecords.Int(cue, "end"));
            if (JsonRecords.OptionalString(cue, "text") is { } expected && text.Substring(span.Start, span.Length) != expected)
                throw new FormatException($"cue [{span.Start}, {span.End}) reads \"{text.Substring(span.Start, span.Length)}\", not \"{expected}\"");
            parsed.Add((span, ParseType(JsonRecords.OptionalString(cue, "type"))));
        }
        var (restored, remap) = PtbBrackets.Restore(text);
        text = restored;
        for (int i = 0; i < parsed.Count; i++) parsed[i] = (remap(parsed[i].Span), parsed[i].Type);
        string? label = JsonRecords.OptionalString(record, "label");
        if (label is not (null or "certain" or "uncertain")) throw new FormatException($"label \"{label}\" is neither certain nor uncertain");
        int offset = builder.AddSentence(text);
        var ids = ImmutableArray.CreateBuilder<string>();
        foreach (var (span, type) in parsed)
        {
            string id = $"h{cues.Count + 1}";
            cues.Add(new HedgeCue { Id = id, Span = new TextSpan(span.Start + offset, span.Length), Type = type });
            ids.Add(id);
        }
        sentences.Add(new SentenceUncertainty
        {
            Id = $"u{sentences.Count + 1}",
            Span = builder.LastSentence.Span,
            Uncertain = label is null ? parsed.Count > 0 : label == "uncertain",
            CueIds = ids.ToImmutable(),
        });
    }

    internal static HedgeType ParseType(string? type) => type?.ToLowerInvariant() switch
    {
        null or "" or "epistemic" or "speculation" or "hedge" => HedgeType.Epistemic,
        "doxastic" => HedgeType.Doxastic,
        "investigation" => HedgeType.Investigation,
        "condition" => HedgeType.Condition,
        "weasel" => HedgeType.Weasel,
        var other => throw new FormatException($"unknown cue type \"{other}\""),
    };
}
