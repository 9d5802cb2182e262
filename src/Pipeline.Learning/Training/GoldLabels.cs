using Pipeline.Sdk;

namespace Pipeline.Learning.Training;

/// <summary>The label set of gold layers: entity types, hedge cue types, stance and claim labels, plugin layer labels.</summary>
public static class GoldLabels
{
    public static SortedSet<string> Of(IEnumerable<Document> documents, IEnumerable<LayerKey> layers)
    {
        var keys = layers.ToList();
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var doc in documents)
            foreach (var key in keys)
                foreach (var a in doc.GetAnnotations(key))
                    if (LabelOf(a) is { } label) labels.Add(label);
        return labels;
    }

    private static string? LabelOf(Annotation a) => a switch
    {
        EntityMention e => e.Type,
        HedgeCue h => Lower(h.Type.ToString()),
        EntityStance s => Lower(s.Label.ToString()),
        ClaimStance c => Lower(c.Label.ToString()),
        LabeledSpan l => l.Label,
        _ => null,
    };

    private static string Lower(string s) => char.ToLowerInvariant(s[0]) + s[1..];
}
