using Pipeline.Sdk;

namespace Pipeline.Learning.Metrics;

/// <summary>
/// Exact-match span scoring by type, the CoNLL way: a predicted span counts only when a gold
/// span has the same start, end and type. Per-type counts and their micro-average.
/// </summary>
public sealed class SpanScore
{
    private readonly SortedDictionary<string, PrfCounts> _byType = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, PrfCounts> ByType => _byType;
    public PrfCounts Micro => _byType.Values.Aggregate(default(PrfCounts), (a, b) => a + b);

    /// <summary>Adds one document (or sentence): its gold and predicted (span, type) items. Duplicates count once.</summary>
    public void Add(IEnumerable<(TextSpan Span, string Type)> gold, IEnumerable<(TextSpan Span, string Type)> predicted)
    {
        var g = gold.ToHashSet();
        var p = predicted.ToHashSet();
        foreach (var type in g.Select(x => x.Type).Concat(p.Select(x => x.Type)).Distinct())
        {
            var counts = PrfCounts.Compare(g.Where(x => x.Type == type).ToHashSet(), p.Where(x => x.Type == type).ToHashSet());
            _byType[type] = _byType.GetValueOrDefault(type) + counts;
        }
    }
}

/// <summary>The CoNLL shared task scorer (conlleval) on tag sequences: chunk P/R/F1 per type and overall, and token accuracy.</summary>
public sealed class ConllEval
{
    private long _tokens, _correctTags;

    public SpanScore Chunks { get; } = new();
    /// <summary>Share of tokens whose predicted tag equals the gold tag (conlleval's "accuracy").</summary>
    public double TagAccuracy => _tokens > 0 ? (double)_correctTags / _tokens : 0;

    /// <summary>Adds one sentence's gold and predicted tags (any mix of IOB1, IOB2, IOBES, BILOU).</summary>
    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException($"{gold.Count} gold tags but {predicted.Count} predicted");
        for (int i = 0; i < gold.Count; i++) if (gold[i] == predicted[i]) _correctTags++;
        _tokens += gold.Count;
        static IEnumerable<(TextSpan, string)> Chunks(IReadOnlyList<string> tags) =>
            Gold.BioChunks.Decode(tags).Select(c => (TextSpan.FromBounds(c.Start, c.End), c.Type));
        this.Chunks.Add(Chunks(gold), Chunks(predicted));
    }
}
