namespace Pipeline.Analyzers.Entities;

/// <summary>
/// One type per multi-word name in a document: when the mentions of a name of two or more words
/// (case, diacritics and a leading "the" ignored) disagree on its type, and one type's summed
/// confidence is at least twice that of another, the mentions of the weaker type take the
/// stronger one. The tagger decides each occurrence from its own context, and an odd context can
/// give one occurrence of "Alyaksandr Lukashenka" the wrong type. One-word names and even splits
/// are left alone: one name often stands for two entities ("Japan" the country and the team in
/// a sports report). On CoNLL-2003 dev a plain majority vote over every name cost 0.5 F1; this
/// rule changes it by less than 0.05.
/// </summary>
internal static class TypeVote
{
    private const float Dominance = 2;

    /// <summary>Sets each mention's type to its name's dominant type, in place.</summary>
    public static void Apply(IList<ClusterInput> mentions, IReadOnlyList<float> confidences)
    {
        if (mentions.Count < 2) return;
        var votes = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var keys = new string?[mentions.Count];
        for (int m = 0; m < mentions.Count; m++)
        {
            var name = MentionClusterer.NameTokens(mentions[m]);
            if (name.Length < 2) continue;
            keys[m] = NameKey.Plain(string.Join(' ', name));
            if (!votes.TryGetValue(keys[m]!, out var sums)) votes.Add(keys[m]!, sums = new float[EntityLabels.TypeCount]);
            sums[mentions[m].Type] += confidences[m];
        }
        for (int m = 0; m < mentions.Count; m++)
        {
            if (keys[m] is null) continue;
            var sums = votes[keys[m]!];
            int best = 0;
            for (int t = 1; t < sums.Length; t++)
                if (sums[t] > sums[best]) best = t;
            if (sums[best] >= Dominance * sums[mentions[m].Type]) mentions[m] = mentions[m] with { Type = best };
        }
    }
}
