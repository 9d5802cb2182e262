namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>A span found by a tagger: tokens [Start, End) and the mean probability of its labels.</summary>
internal readonly record struct TaggedSpan(int Start, int End, double Probability);

/// <summary>
/// Greedy BIO decoding, one token at a time given the label of the token before it in decoding
/// order, as the taggers were trained (on gold previous labels). Content and source are decoded
/// outward from their cue, so the decisions that matter (where a span stops next to the cue)
/// are taken first and each later token only asks whether the span goes on. Greedy decoding
/// matched Viterbi in Ratinov and Roth's experiments and keeps the hot path a single pass.
/// </summary>
internal static class GreedyTagger
{
    /// <summary>Changes the model's probabilities at a token, given the label before it, before they decide (e.g. mixes in another model's).</summary>
    public delegate void Adjust(int token, int previous, Span<float> probabilities);

    /// <summary>
    /// The next token, in decoding order, to score after a span open at <paramref name="token"/>:
    /// the tokens between are in the span for certain, labelled I unscored (the next token or
    /// <paramref name="token"/> itself: none).
    /// </summary>
    public delegate int SpanRun(int token, bool backward);

    /// <param name="backward">Decode from end - 1 down to start: "B" then marks the last token of a span.</param>
    /// <param name="features">Fills the buffer for (token, previous label); returns false to force O (e.g. cue tokens).</param>
    /// <param name="beginThreshold">After an O label, a span opens when P(B) reaches this (a higher value trades
    /// recall for precision); NaN: the most probable label decides.</param>
    /// <param name="adjust">Applied to the probabilities at each scored token, when given.</param>
    /// <param name="bestFrom">The caller reads the returned best start only when its P(B) reaches this (1: never).</param>
    /// <param name="run">Where an open span certainly runs on to, when given.</param>
    /// <returns>The token left outside any span whose P(B) after an O label was highest (-1 when none was scored), and that P(B);
    /// a token whose P(B) is certainly below both the opening bar and <paramref name="bestFrom"/> may be passed over unscored.</returns>
    public static (int Token, float Probability) Decode(ITokenClassifier model, int start, int end, bool backward, FeatureBuffer buffer,
        Func<int, int, FeatureBuffer, bool> features, List<TaggedSpan> output, float beginThreshold = float.NaN, Adjust? adjust = null, float bestFrom = 1,
        SpanRun? run = null) =>
        Decode(model, start, end, backward, buffer, features, output, beginThreshold, open: -1, openProbability: 0, adjust, ScreenLogOdds(beginThreshold, bestFrom, adjust), run);

    /// <summary>
    /// Decodes forward from a span forced open at <paramref name="begin"/> (given P(B)
    /// <paramref name="probability"/>): the span runs on while the tagger says I.
    /// </summary>
    public static void DecodeFrom(ITokenClassifier model, int begin, float probability, int end, FeatureBuffer buffer,
        Func<int, int, FeatureBuffer, bool> features, List<TaggedSpan> output, Adjust? adjust = null) =>
        Decode(model, begin + 1, end, backward: false, buffer, features, output, float.NaN, open: begin, openProbability: probability, adjust,
            ScreenLogOdds(float.NaN, 1, adjust), run: null);

    /// <summary>
    /// The log-odds of B against O below which a token after an O label stays O and cannot be the
    /// best start the caller reads: the most probable label opens a span only where B outscores O
    /// (a margin of 0), a threshold only where P(B) reaches it, and P(B) is at most the logistic of
    /// B's margin over O. NaN when another model's probabilities are mixed in (nothing to bound).
    /// </summary>
    private static float ScreenLogOdds(float beginThreshold, float bestFrom, Adjust? adjust)
    {
        if (adjust is not null) return float.NaN;
        float bar = float.IsNaN(beginThreshold) ? 0 : Logit(beginThreshold);
        return Math.Min(bar, Logit(bestFrom));
    }

    private static float Logit(float p) => p >= 1 ? float.PositiveInfinity : MathF.Log(p / (1 - p));

    private static (int Token, float Probability) Decode(ITokenClassifier model, int start, int end, bool backward, FeatureBuffer buffer,
        Func<int, int, FeatureBuffer, bool> features, List<TaggedSpan> output, float beginThreshold, int open, float openProbability, Adjust? adjust,
        float screen, SpanRun? run)
    {
        bool screening = !float.IsNaN(screen);
        Span<float> p = stackalloc float[Bio.Count];
        int previous = open >= 0 ? Bio.B : Bio.O, step = backward ? -1 : 1, best = -1;
        double sum = openProbability;
        float bestBegin = 0;
        for (int t = backward ? end - 1 : start; t >= start && t < end; t += step)
        {
            int label = Bio.O;
            float prob = 1;
            // Most tokens open no span: after an O label, one that certainly cannot is passed over unscored.
            if (features(t, previous, buffer) && !(screening && previous == Bio.O && model.CannotBegin(buffer, screen)))
            {
                model.Probabilities(buffer, p);
                adjust?.Invoke(t, previous, p);
                float o = p[Bio.O];
                if (previous == Bio.O && !float.IsNaN(beginThreshold)) label = p[Bio.B] >= beginThreshold ? Bio.B : Bio.O;
                else
                {
                    label = o >= p[Bio.B] && o >= p[Bio.I] ? Bio.O : p[Bio.B] >= p[Bio.I] ? Bio.B : Bio.I;
                    if (label == Bio.I && previous == Bio.O) label = p[Bio.B] >= o ? Bio.B : Bio.O;
                }
                prob = p[label];
                if (label == Bio.O && previous == Bio.O && p[Bio.B] > bestBegin) (best, bestBegin) = (t, p[Bio.B]);
            }
            if (label != Bio.I && open >= 0)
            {
                Close(open, t, backward, sum, output);
                open = -1;
            }
            if (label == Bio.B) { open = t; sum = 0; }
            if (label != Bio.O) sum += prob;
            previous = label;
            if (label != Bio.O && run is not null)
            {
                // The tokens the span certainly covers are I, at the probability of the label just taken.
                int to = backward ? Math.Max(run(t, backward), start - 1) : Math.Min(run(t, backward), end);
                int skipped = (to - t) * step - 1;
                if (skipped > 0)
                {
                    sum += skipped * (double)prob;
                    t = to - step;
                    previous = Bio.I;
                }
            }
        }
        if (open >= 0) Close(open, backward ? start - 1 : end, backward, sum, output);
        return (best, bestBegin);
    }

    /// <summary>Records the span opened at <paramref name="open"/> and ended just before <paramref name="stop"/> in decoding order.</summary>
    private static void Close(int open, int stop, bool backward, double sum, List<TaggedSpan> output)
    {
        var (s, e) = backward ? (stop + 1, open + 1) : (open, stop);
        output.Add(new TaggedSpan(s, e, sum / (e - s)));
    }

    /// <summary>Gold labels in the decoding order of <see cref="Decode"/>: B on the first token met.</summary>
    public static void Mark(int[] labels, int start, int end, bool backward)
    {
        if (end <= start) return;
        for (int t = start; t < end; t++) labels[t] = Bio.I;
        labels[backward ? end - 1 : start] = Bio.B;
    }
}
