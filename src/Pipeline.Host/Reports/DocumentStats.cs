using Pipeline.Sdk;
using Pipeline.Text.Records;

namespace Pipeline.Host.Reports;

/// <summary>Counts of one record shown in the index and the documents table.</summary>
public sealed record DocumentStats
{
    public int Characters { get; init; }
    /// <summary>Word and number tokens.</summary>
    public int Words { get; init; }
    public int Sentences { get; init; }
    public int Entities { get; init; }
    public int Quotes { get; init; }
    public int HedgeCues { get; init; }
    /// <summary>Sentences the uncertainty layer marks uncertain; null without that layer.</summary>
    public int? UncertainSentences { get; init; }
    public int Findings { get; init; }
    public int Failures { get; init; }
    /// <summary>Every annotation layer with its number of annotations, by name.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Layers { get; init; } = [];

    /// <summary>Hedge cues per 100 words; null for a document without words.</summary>
    public double? HedgesPer100Words => Words == 0 ? null : 100.0 * HedgeCues / Words;

    /// <summary>Share of sentences marked uncertain (0..1); null without the uncertainty layer or sentences.</summary>
    public double? UncertainShare => UncertainSentences is { } u && Sentences > 0 ? (double)u / Sentences : null;

    public static DocumentStats Of(AnnotationRecord record)
    {
        var doc = record.Document;
        if (doc is null) return new DocumentStats { Findings = record.Findings.Length, Failures = record.Failures.Length };
        int words = 0;
        foreach (var t in doc.Tokens)
            if (t.Kind is TokenKind.Word or TokenKind.Number) words++;
        return new DocumentStats
        {
            Characters = doc.Text.Length,
            Words = words,
            Sentences = doc.Sentences.Length,
            Entities = doc.GetLayerOrEmpty(Sdk.Layers.Entities).Length,
            Quotes = doc.GetLayerOrEmpty(Sdk.Layers.Quotes).Length,
            HedgeCues = doc.GetLayerOrEmpty(Sdk.Layers.HedgeCues).Length,
            UncertainSentences = doc.HasLayer(Sdk.Layers.Uncertainty)
                ? doc.GetLayer(Sdk.Layers.Uncertainty).Count(u => u.Uncertain) : null,
            Findings = record.Findings.Length,
            Failures = record.Failures.Length,
            Layers = doc.LayerKeys.OrderBy(k => k.Name, StringComparer.Ordinal)
                .Select(k => KeyValuePair.Create(k.Name, doc.GetAnnotations(k).Count)).ToList(),
        };
    }
}
