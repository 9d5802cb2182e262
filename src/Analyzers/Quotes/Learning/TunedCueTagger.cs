using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Neural;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// The accurate model's second cue tagger: a <see cref="TunedTokenClassifier"/> (MiniLM's last layers
/// fine-tuned for B-I-O cue labels) reads the whole sentence, so a cue such as "is defending" or
/// "has been slow to embrace" is judged from more than the two words the linear features see.
/// Its probabilities are mixed with the linear cue tagger's at each token the tagger scores.
/// It classifies a word by its first piece, and only the words a cue can open on (outside
/// quotations, not a skipped word), in training as at run time.
/// </summary>
internal sealed class TunedCueTagger(TunedTokenClassifier classifier, MiniLmEncoder below, float weight, Lazy<MiniLmEncoder>? tunedEncoder = null)
{
    public const string FileName = "cue-tuned.bin";
    public const float DefaultWeight = 0.5f;

    public TunedTokenClassifier Classifier { get; } = classifier;

    // At run time ONNX Runtime runs the tuned layers too (the same states, faster), over the states
    // below that the document's tuned taggers share; created on first use, shared by every thread.
    private readonly Lazy<MiniLmEncoder> _tuned = tunedEncoder ?? new(() => classifier.CreateOnnxEncoder());
    /// <summary>The tuned classifier's share of the mixed probabilities.</summary>
    public float Weight { get; } = weight is > 0 and <= 1 ? weight
        : throw new ArgumentOutOfRangeException(nameof(weight), weight, "the tuned cue tagger's weight is above 0 and at most 1");

    /// <summary>The same tagger with another share for the tuned classifier.</summary>
    public TunedCueTagger WithWeight(float share) => new(Classifier, below, share, _tuned);

    /// <summary>The same tagger with the encoder below and the tuned layers multiplying in 8-bit integers.</summary>
    public TunedCueTagger WithInt8() => new(Classifier, MiniLmEncoder.ForModelId(MiniLmEncoder.Int8IdOf(below.ModelId))!, Weight,
        new(() => Classifier.CreateOnnxEncoder(int8: true)));

    /// <summary>Whether the cue tagger's tuned part classifies token <paramref name="t"/>: a cue may open there.</summary>
    public static bool Classifies(TokenView v, HashSet32 skip, int t) => !v.InQuote(t) && !skip.Contains(v.WordHash[t]);

    /// <summary>
    /// Per token of the sentence, the tuned classifier's B-I-O probabilities (3 per token, from
    /// <paramref name="sentence"/>'s first token), NaN where it does not classify the token.
    /// </summary>
    public float[] Probabilities(TokenView v, Sentence sentence, HashSet32 skip)
    {
        var result = new float[sentence.TokenCount * Bio.Count];
        Array.Fill(result, float.NaN);
        var candidates = Candidates(v, sentence, skip);
        if (candidates.Count == 0) return result;
        var (states, tokens, positions) = v.Encoded.Above(below, _tuned.Value, v.SentenceOf[sentence.FirstToken], candidates);
        var p = Classifier.PredictFromTop(states, positions);
        for (int i = 0; i < positions.Length; i++)
            p.AsSpan(i * Bio.Count, Bio.Count).CopyTo(result.AsSpan((tokens[i] - sentence.FirstToken) * Bio.Count, Bio.Count));
        return result;
    }

    /// <summary>Mixes the tuned probabilities of one token (NaN: none) into the linear tagger's.</summary>
    public void Mix(ReadOnlySpan<float> tuned, Span<float> probabilities)
    {
        if (float.IsNaN(tuned[0])) return;
        for (int k = 0; k < Bio.Count; k++) probabilities[k] = (1 - Weight) * probabilities[k] + Weight * tuned[k];
    }

    /// <summary>A training example from a sentence with gold BIO labels (document-wide), or null when it classifies no token.</summary>
    public static TunedTokenExample? Example(TokenView v, Sentence sentence, HashSet32 skip, MiniLmEncoder below, int[] labels)
    {
        var candidates = Candidates(v, sentence, skip);
        var (states, tokens, positions) = TunedTokenInput.Encode(below, candidates.Count == 0 ? "" : v.Doc.GetString(sentence.Span), candidates);
        return positions.Length == 0 ? null : new TunedTokenExample(states, positions, [.. tokens.Select(t => labels[t])]);
    }

    /// <summary>The sentence's tokens the tagger classifies, with their spans in the sentence.</summary>
    private static List<(int, TextSpan)> Candidates(TokenView v, Sentence sentence, HashSet32 skip)
    {
        var candidates = new List<(int, TextSpan)>();
        int offset = sentence.Span.Start;
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            if (Classifies(v, skip, t)) candidates.Add((t, new TextSpan(v.Doc.Tokens[t].Span.Start - offset, v.Doc.Tokens[t].Span.Length)));
        return candidates;
    }
}
