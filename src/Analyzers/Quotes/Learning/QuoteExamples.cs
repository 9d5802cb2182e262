using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Lexicon;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>One training example of a tagger: the gold label and the hashed features.</summary>
internal readonly record struct TaggerExample(int Label, int[] Features);

/// <summary>
/// Turns gold documents into examples for the three taggers, with the same feature code and the
/// same windows the detector uses (previous labels are the gold ones, as in greedy training).
/// </summary>
internal sealed class QuoteExamples(int bits)
{
    private readonly FeatureBuffer _buffer = new(bits);

    public List<TaggerExample> Cue { get; } = [];
    public List<TaggerExample> Content { get; } = [];
    public List<TaggerExample> Source { get; } = [];

    public void Add(TokenView v, SpeakerLexicon speakers, IReadOnlyList<GoldQuote> gold)
    {
        var cueLabels = new int[v.Count];
        var cueTokens = new bool[v.Count];
        foreach (var q in gold) Mark(cueLabels, q.Cue.Start, q.Cue.End);
        foreach (var q in gold) for (int t = q.Cue.Start; t < q.Cue.End; t++) cueTokens[t] = true;

        foreach (var sentence in v.Doc.Sentences)
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                int previous = t > sentence.FirstToken ? cueLabels[t - 1] : Bio.O;
                QuoteFeatures.Cue(v, t, sentence.FirstToken, sentence.EndToken, previous, _buffer);
                Cue.Add(new TaggerExample(cueLabels[t], _buffer.ToArray()));
            }

        var labels = new int[v.Count];
        foreach (var q in gold)
        {
            var (cs, ce) = q.Cue;
            int lemma = QuoteFeatures.CueLemma(v, cs, ce);

            var (ws, we) = QuoteDetector.ContentWindow(v, cs, ce, cueTokens);
            Array.Clear(labels);
            foreach (var (s, e) in q.Content) Mark(labels, s, e);
            for (int t = ws; t < we; t++)
            {
                if (t >= cs && t < ce) continue;
                QuoteFeatures.Content(v, t, cs, ce, lemma, Previous(labels, t, ws, cs, ce), _buffer);
                Content.Add(new TaggerExample(labels[t], _buffer.ToArray()));
            }

            var sentence = v.SentenceOfToken(cs);
            Array.Clear(labels);
            if (q.Source is { } src) Mark(labels, src.Start, src.End);
            for (int t = sentence.FirstToken; t < Math.Max(sentence.EndToken, ce); t++)
            {
                if (t >= cs && t < ce || InContent(q, t)) continue;
                QuoteFeatures.Source(v, speakers, t, cs, ce, lemma, Previous(labels, t, sentence.FirstToken, cs, ce, q), _buffer);
                Source.Add(new TaggerExample(labels[t], _buffer.ToArray()));
            }
        }
    }

    /// <summary>BIO labels of the tokens [start, end) (a span beginning inside another starts a new one).</summary>
    private static void Mark(int[] labels, int start, int end)
    {
        labels[start] = Bio.B;
        for (int t = start + 1; t < end; t++) labels[t] = Bio.I;
    }

    /// <summary>The label of the token the decoder saw last before <paramref name="t"/> (skipped tokens read as O).</summary>
    private static int Previous(int[] labels, int t, int windowStart, int cueStart, int cueEnd, GoldQuote? skipContentOf = null)
    {
        int p = t - 1;
        if (p < windowStart) return Bio.O;
        if (p >= cueStart && p < cueEnd) return Bio.O;
        if (skipContentOf is not null && InContent(skipContentOf, p)) return Bio.O;
        return labels[p];
    }

    private static bool InContent(GoldQuote q, int t)
    {
        foreach (var (s, e) in q.Content) if (t >= s && t < e) return true;
        return false;
    }
}
