namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>A span found by a tagger: tokens [Start, End) and the mean probability of its labels.</summary>
internal readonly record struct TaggedSpan(int Start, int End, double Probability);

/// <summary>
/// Left-to-right greedy BIO decoding: each token's label is chosen given the previous one, as the
/// tagger was trained (gold previous labels). Greedy decoding matched Viterbi in Ratinov and Roth's
/// experiments and keeps the hot path a single pass.
/// </summary>
internal static class GreedyTagger
{
    /// <param name="features">Fills the buffer for (token, previous label); returns false to force O (e.g. cue tokens).</param>
    public static void Decode(ITokenClassifier model, int start, int end, FeatureBuffer buffer,
        Func<int, int, FeatureBuffer, bool> features, List<TaggedSpan> output)
    {
        Span<float> p = stackalloc float[Bio.Count];
        int previous = Bio.O, spanStart = -1;
        double sum = 0;
        for (int t = start; t < end; t++)
        {
            int label = Bio.O;
            float prob = 1;
            if (features(t, previous, buffer))
            {
                model.Probabilities(buffer.Items, p);
                label = ArgMax(p);
                if (label == Bio.I && previous == Bio.O) label = p[Bio.B] >= p[Bio.O] ? Bio.B : Bio.O;
                prob = p[label];
            }
            if (label != Bio.I && spanStart >= 0)
            {
                output.Add(new TaggedSpan(spanStart, t, sum / (t - spanStart)));
                spanStart = -1;
            }
            if (label == Bio.B) { spanStart = t; sum = 0; }
            if (label != Bio.O) sum += prob;
            previous = label;
        }
        if (spanStart >= 0) output.Add(new TaggedSpan(spanStart, end, sum / (end - spanStart)));
    }

    private static int ArgMax(ReadOnlySpan<float> p)
    {
        int best = 0;
        for (int k = 1; k < p.Length; k++) if (p[k] > p[best]) best = k;
        return best;
    }
}
