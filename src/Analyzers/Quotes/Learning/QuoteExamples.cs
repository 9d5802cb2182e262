using Pipeline.Analyzers.Quotes.Detection;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>One training example of a tagger: the gold label, the hashed features and the token's encoder vector (encoder tier of the cue tagger).</summary>
internal readonly record struct TaggerExample(int Label, int[] Features, float[]? Dense = null);

/// <summary>
/// Turns gold documents into examples for the three taggers, with the same feature code, windows
/// and decoding order the detector uses (previous labels are the gold ones, as in greedy training).
/// </summary>
internal sealed class QuoteExamples(int bits)
{
    private readonly FeatureBuffer _buffer = new(bits);

    public List<TaggerExample> Cue { get; } = [];
    public List<TaggerExample> Content { get; } = [];
    public List<TaggerExample> Source { get; } = [];

    /// <summary>How often each lower-cased word occurs, and how often it opens a gold cue.</summary>
    public Dictionary<string, (int Seen, int Starts)> Words { get; } = [];

    /// <summary>
    /// Frequent words that open a cue at most once in <paramref name="maxRate"/>⁻¹ occurrences
    /// ("the", "of", commas): the cue tagger skips them after an O label. Their probability of B is
    /// negligible, and they are half of the running text, so the cue tagger scores half as often.
    /// </summary>
    public IEnumerable<string> CueSkipWords(int minSeen, double maxRate) =>
        Words.Where(p => p.Value.Seen >= minSeen && p.Value.Starts <= maxRate * p.Value.Seen).Select(p => p.Key).Order(StringComparer.Ordinal);

    /// <summary>Examples of all three taggers from a document's gold quotes.</summary>
    public void Add(TokenView v, IReadOnlyList<GoldQuote> gold)
    {
        var labels = AddCues(v, gold);
        AddSpans(v, gold, labels);
    }

    /// <summary>
    /// Examples of the cue tagger only, from every token of the document, and the words' cue
    /// counts; returns the cue labels. For documents whose cues another model gave (the cue
    /// tagger's silver data): their contents and sources train nothing.
    /// </summary>
    public int[] AddCues(TokenView v, IReadOnlyList<GoldQuote> gold)
    {
        var labels = new int[v.Count];
        foreach (var q in gold) GreedyTagger.Mark(labels, q.Cue.Start, q.Cue.End, backward: false);
        foreach (var sentence in v.Doc.Sentences)
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                int previous = t > sentence.FirstToken ? labels[t - 1] : Bio.O;
                string word = v.Class[t] switch { TokenClass.QuoteMark => "\"", TokenClass.Dash => "--", _ => v.Doc.TokenLower(t) };
                var (seen, starts) = Words.GetValueOrDefault(word);
                Words[word] = (seen + 1, starts + (labels[t] == Bio.B ? 1 : 0));
                QuoteFeatures.Cue(v, t, sentence.FirstToken, sentence.EndToken, previous, _buffer);
                Cue.Add(new TaggerExample(labels[t], _buffer.ToArray(), v.WordVectors?[t]));
            }
        return labels;
    }

    /// <summary>Examples of the content and source taggers, over each gold cue's window; <paramref name="labels"/> is reused as scratch.</summary>
    private void AddSpans(TokenView v, IReadOnlyList<GoldQuote> gold, int[] labels)
    {
        var cueTokens = new CueMarks(v.Count, gold.Select(q => q.Cue));
        foreach (var q in gold)
        {
            var (cs, ce) = q.Cue;
            int lemma = QuoteFeatures.CueLemma(v, cs, ce);

            var (ws, we) = QuoteDetector.ContentWindow(v, cs, ce, cueTokens);
            MarkAround(labels, q.Content, cs, ce);
            Outward(ws, cs, ce, we, _ => false, labels, (t, previous) =>
            {
                QuoteFeatures.Content(v, cueTokens, t, cs, ce, lemma, previous, _buffer);
                Content.Add(new TaggerExample(labels[t], _buffer.ToArray()));
            });

            var sentence = v.SentenceOfToken(cs);
            MarkAround(labels, q.Source is { } src ? [src] : [], cs, ce);
            Outward(sentence.FirstToken, cs, ce, Math.Max(sentence.EndToken, ce), t => InContent(q, t), labels, (t, previous) =>
            {
                QuoteFeatures.Source(v, t, cs, ce, lemma, previous, _buffer);
                Source.Add(new TaggerExample(labels[t], _buffer.ToArray()));
            });
        }
    }

    /// <summary>Gold labels of spans around a cue: backward BIO before it, forward BIO after it.</summary>
    private static void MarkAround(int[] labels, IEnumerable<(int Start, int End)> spans, int cueStart, int cueEnd)
    {
        Array.Clear(labels);
        foreach (var (s, e) in spans)
        {
            GreedyTagger.Mark(labels, s, Math.Min(e, cueStart), backward: true);
            GreedyTagger.Mark(labels, Math.Max(s, cueEnd), e, backward: false);
        }
    }

    /// <summary>
    /// Visits the tokens of [start, end) outside the cue in decoding order (before the cue from
    /// right to left, after it from left to right) with the previous label the decoder would see;
    /// skipped tokens are not visited and read as O.
    /// </summary>
    private static void Outward(int start, int cueStart, int cueEnd, int end, Func<int, bool> skip, int[] labels, Action<int, int> visit)
    {
        int previous = Bio.O;
        for (int t = cueStart - 1; t >= start; t--)
        {
            if (skip(t)) { previous = Bio.O; continue; }
            visit(t, previous);
            previous = labels[t];
        }
        previous = Bio.O;
        for (int t = cueEnd; t < end; t++)
        {
            if (skip(t)) { previous = Bio.O; continue; }
            visit(t, previous);
            previous = labels[t];
        }
    }

    private static bool InContent(GoldQuote q, int t)
    {
        foreach (var (s, e) in q.Content) if (t >= s && t < e) return true;
        return false;
    }
}
