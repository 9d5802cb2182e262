using Pipeline.Sdk;

namespace Pipeline.Learning.Metrics;

/// <summary>
/// The CoNLL-2010 shared task measures: cue-level P/R/F1 (a predicted cue counts only when a
/// gold cue has exactly its span; the type is not required to match) and sentence-level P/R/F1
/// of the uncertain class (a sentence is uncertain when it holds a cue).
/// </summary>
public sealed class HedgeScore
{
    public PrfCounts Cues { get; private set; }
    public PrfCounts Sentences { get; private set; }
    /// <summary>Cue spans scored with their types (for the per-type table).</summary>
    public SpanScore CuesByType { get; } = new();

    public void AddCues(IEnumerable<(TextSpan Span, string Type)> gold, IEnumerable<(TextSpan Span, string Type)> predicted)
    {
        var g = gold.ToList();
        var p = predicted.ToList();
        Cues += PrfCounts.Compare(g.Select(x => x.Span).ToHashSet(), p.Select(x => x.Span).ToHashSet());
        CuesByType.Add(g, p);
    }

    public void AddSentence(bool goldUncertain, bool predictedUncertain) =>
        Sentences += new PrfCounts(goldUncertain && predictedUncertain ? 1 : 0, !goldUncertain && predictedUncertain ? 1 : 0, goldUncertain && !predictedUncertain ? 1 : 0);
}
