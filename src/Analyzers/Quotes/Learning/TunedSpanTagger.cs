using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Neural;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// The accurate model's second content or source tagger: a <see cref="TunedTokenClassifier"/>
/// (MiniLM's last layers fine-tuned) gives each word of a sentence its probability of lying inside
/// some quote's content (or source), whichever cue it belongs to. Where the linear tagger of that
/// span decides whether a span opens or goes on, that probability is mixed into its own: the linear
/// features see two words either side, the tuned layers the whole sentence, which is what a
/// boundary such as ", which ..." or ", as ..." needs. It classifies every token by its first word
/// piece, each sentence encoded alone.
/// </summary>
internal sealed class TunedSpanTagger(TunedTokenClassifier classifier, MiniLmEncoder below, float weight, Lazy<MiniLmEncoder>? tunedEncoder = null)
{
    /// <summary>A kind of span a tuned tagger is trained for: its file in the model folder and the share it takes when the model names none.</summary>
    public sealed record Kind(string Name, string File, float DefaultWeight);

    // The shares chosen on PolNeAR dev (content 0.2 to 0.7 tried, source 0.2 to 0.6; models/quotes-polnear-accurate's card).
    public static readonly Kind Content = new("content", "content-tuned.bin", 0.4f);
    public static readonly Kind Source = new("source", "source-tuned.bin", 0.4f);

    /// <summary>The classifier's labels: outside any span of the kind, inside one.</summary>
    public static readonly string[] Labels = ["out", "in"];
    private const int Inside = 1;

    public TunedTokenClassifier Classifier { get; } = classifier;

    private readonly Lazy<MiniLmEncoder> _tuned = tunedEncoder ?? new(() => classifier.CreateOnnxEncoder());

    /// <summary>The tuned classifier's share of the mixed probabilities.</summary>
    public float Weight { get; } = weight is > 0 and <= 1 ? weight
        : throw new ArgumentOutOfRangeException(nameof(weight), weight, "a tuned span tagger's weight is above 0 and at most 1");

    /// <summary>The same tagger with another share for the tuned classifier.</summary>
    public TunedSpanTagger WithWeight(float share) => new(Classifier, below, share, _tuned);

    /// <summary>The same tagger with the encoder below and the tuned layers multiplying in 8-bit integers.</summary>
    public TunedSpanTagger WithInt8() => new(Classifier, MiniLmEncoder.ForModelId(MiniLmEncoder.Int8IdOf(below.ModelId))!, Weight,
        new(() => Classifier.CreateOnnxEncoder(int8: true)));

    /// <summary>P(inside some content) for each token of the sentence (from its first token), NaN where the encoder's window did not reach.</summary>
    public float[] InsideProbabilities(TokenView v, Sentence sentence)
    {
        var result = new float[sentence.TokenCount];
        Array.Fill(result, float.NaN);
        if (sentence.TokenCount == 0) return result;
        var (states, tokens, positions) = v.Encoded.Above(below, _tuned.Value, v.SentenceOf[sentence.FirstToken], Candidates(v, sentence));
        if (positions.Length == 0) return result;
        var p = Classifier.PredictFromTop(states, positions);
        for (int i = 0; i < positions.Length; i++) result[tokens[i] - sentence.FirstToken] = p[i * Labels.Length + Inside];
        return result;
    }

    /// <summary>
    /// A model's tuned span tagger with the share a run option gives: NaN keeps the model's own, 0
    /// turns the tagger off (its encoding is most of the accurate tier's time), else a share in (0, 1].
    /// </summary>
    public static TunedSpanTagger? WithShare(TunedSpanTagger? tagger, float share, string option) =>
        float.IsNaN(share) ? tagger
        : share == 0 ? null
        : share is > 0 and <= 1 ? tagger?.WithWeight(share)
        : throw new ArgumentOutOfRangeException(nameof(share), share, $"the quotes option {option} is from 0 (off) to 1");

    /// <summary>One document's P(inside) per token, each sentence encoded when a tagger first reaches it.</summary>
    public Priors For(TokenView v) => new(this, v);

    public sealed class Priors(TunedSpanTagger tagger, TokenView v)
    {
        private readonly float[]?[] _sentences = new float[]?[v.Doc.Sentences.Length];

        /// <summary>P(inside) of token <paramref name="t"/> (NaN: not classified).</summary>
        public float At(int t)
        {
            int s = v.SentenceOf[t];
            var sentence = v.Doc.Sentences[s];
            return (_sentences[s] ??= tagger.InsideProbabilities(v, sentence))[t - sentence.FirstToken];
        }

        /// <summary>Mixes token <paramref name="t"/>'s P(inside) into the linear tagger's probabilities.</summary>
        public void Mix(int t, int previous, Span<float> probabilities) => tagger.Mix(At(t), previous, probabilities);
    }

    /// <summary>
    /// Mixes P(inside) into the linear tagger's B-I-O probabilities at a token: after an O label, B
    /// (a span opens) takes the inside share; within a span, I (it goes on) does. NaN: unchanged.
    /// </summary>
    public void Mix(float inside, int previous, Span<float> probabilities)
    {
        if (float.IsNaN(inside)) return;
        int goesOn = previous == Bio.O ? Bio.B : Bio.I;
        for (int k = 0; k < Bio.Count; k++)
        {
            float tuned = k == Bio.O ? 1 - inside : k == goesOn ? inside : 0;
            probabilities[k] = (1 - Weight) * probabilities[k] + Weight * tuned;
        }
    }

    /// <summary>A training example from a sentence, each token labelled by whether a gold span holds it (document-wide), or null when nothing is encoded.</summary>
    public static TunedTokenExample? Example(TokenView v, Sentence sentence, MiniLmEncoder below, bool[] inside)
    {
        var candidates = Candidates(v, sentence);
        var (states, tokens, positions) = TunedTokenInput.Encode(below, candidates.Count == 0 ? "" : v.Doc.GetString(sentence.Span), candidates);
        return positions.Length == 0 ? null : new TunedTokenExample(states, positions, [.. tokens.Select(t => inside[t] ? Inside : 0)]);
    }

    /// <summary>Every token of the sentence, with its span in the sentence.</summary>
    private static List<(int, TextSpan)> Candidates(TokenView v, Sentence sentence)
    {
        var candidates = new List<(int, TextSpan)>(sentence.TokenCount);
        int offset = sentence.Span.Start;
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            candidates.Add((t, new TextSpan(v.Doc.Tokens[t].Span.Start - offset, v.Doc.Tokens[t].Span.Length)));
        return candidates;
    }
}
