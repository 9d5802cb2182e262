using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>A mention as a token range: <see cref="Count"/> tokens from <see cref="First"/>, of entity type <see cref="Type"/> (0..3).</summary>
internal readonly record struct TokenMention(int First, int Count, int Type)
{
    public int End => First + Count;
}

/// <summary>Between mention spans and per-token BILOU labels.</summary>
internal static class BilouCodec
{
    /// <summary>
    /// Labels of the tokens for the given mentions: a mention covers the tokens its span
    /// overlaps. Tokens outside every mention are O; a later mention overlapping an earlier one is dropped.
    /// </summary>
    public static void Encode(IReadOnlyList<Token> tokens, IEnumerable<(TextSpan Span, int Type)> mentions, Span<byte> labels)
    {
        labels[..tokens.Count].Clear();
        foreach (var (span, type) in mentions)
        {
            int first = FirstOverlapping(tokens, span);
            int end = first;
            while (end < tokens.Count && tokens[end].Span.Start < span.End) end++;
            if (end == first) continue;
            bool free = true;
            for (int i = first; i < end; i++) free &= labels[i] == EntityLabels.Outside;
            if (!free) continue;
            if (end - first == 1) labels[first] = (byte)EntityLabels.Of(type, EntityLabels.Unit);
            else
            {
                labels[first] = (byte)EntityLabels.Of(type, EntityLabels.Begin);
                for (int i = first + 1; i < end - 1; i++) labels[i] = (byte)EntityLabels.Of(type, EntityLabels.Inside);
                labels[end - 1] = (byte)EntityLabels.Of(type, EntityLabels.Last);
            }
        }
    }

    /// <summary>
    /// The mentions of a label sequence, in order. Tolerates invalid sequences: a mention runs
    /// from its B (or a stray I/L) while the type stays the same and ends at L, at a change of
    /// type, or at O/B/U.
    /// </summary>
    public static void Decode(ReadOnlySpan<byte> labels, int offset, List<TokenMention> into)
    {
        int start = -1, type = -1;
        for (int i = 0; i < labels.Length; i++)
        {
            int label = labels[i];
            if (label == EntityLabels.Outside)
            {
                Close(i);
                continue;
            }
            int t = EntityLabels.TypeOf(label), p = EntityLabels.PositionOf(label);
            if (p is EntityLabels.Begin or EntityLabels.Unit || t != type) Close(i);
            if (start < 0) { start = i; type = t; }
            if (p is EntityLabels.Last or EntityLabels.Unit) Close(i + 1);
        }
        Close(labels.Length);

        void Close(int end)
        {
            if (start >= 0) into.Add(new TokenMention(offset + start, end - start, type));
            start = -1;
            type = -1;
        }
    }

    /// <summary>Converts BIO type strings per token ("B-PER", "I-PER", "O") to BILOU labels.</summary>
    public static void FromBio(IReadOnlyList<string> bio, Span<byte> labels)
    {
        var mentions = new List<TokenMention>();
        int start = -1, type = -1;
        for (int i = 0; i <= bio.Count; i++)
        {
            string tag = i < bio.Count ? bio[i] : "O";
            bool inside = tag.StartsWith("I-", StringComparison.Ordinal);
            int t = tag.Length > 2 ? EntityLabels.TypeIndex(tag[2..]) : -1;
            if (start >= 0 && !(inside && t == type))
            {
                mentions.Add(new TokenMention(start, i - start, type));
                start = -1;
            }
            if (start < 0 && t >= 0) { start = i; type = t; }
        }
        labels[..bio.Count].Clear();
        foreach (var m in mentions) Label(m, labels);
    }

    private static void Label(TokenMention m, Span<byte> labels)
    {
        if (m.Count == 1) { labels[m.First] = (byte)EntityLabels.Of(m.Type, EntityLabels.Unit); return; }
        labels[m.First] = (byte)EntityLabels.Of(m.Type, EntityLabels.Begin);
        for (int i = m.First + 1; i < m.End - 1; i++) labels[i] = (byte)EntityLabels.Of(m.Type, EntityLabels.Inside);
        labels[m.End - 1] = (byte)EntityLabels.Of(m.Type, EntityLabels.Last);
    }

    private static int FirstOverlapping(IReadOnlyList<Token> tokens, TextSpan span)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Span.End <= span.Start) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
