using Pipeline.Learning.Encoders;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging.Ml;

/// <summary>
/// Encoder states for the candidate cue tokens of a sentence: the tokens whose stem is one of the
/// model's ambiguous cue stems ("can", "or", "likelihood"...), where the decision rests on the
/// context. A sentence without a candidate is not encoded. Each sentence is encoded alone (its
/// text and its token spans), so training, evaluation and analysis compute the same vectors and a
/// training cache keyed on the sentence serves every fold.
/// </summary>
public sealed class CueContextEncoder
{
    private readonly ITextEncoder _encoder;
    private readonly CueFeatures _features;
    private readonly float _scale;

    /// <exception cref="InvalidOperationException">The encoder is not the one the model was trained with.</exception>
    public CueContextEncoder(ITextEncoder encoder, CueFeatures features, string modelEncoder, int dimension, float scale)
    {
        if (!MiniLmEncoder.Matches(encoder.ModelId, modelEncoder) || encoder.Dimension != dimension)
            throw new InvalidOperationException($"the hedging model reads {modelEncoder} states ({dimension} dimensions); the encoder given is {encoder.ModelId} ({encoder.Dimension})");
        _encoder = encoder;
        _features = features;
        _scale = scale;
    }

    public int Dimension => _encoder.Dimension;

    /// <summary>One vector per token of the sentence (index i - FirstToken), scaled; null when no token is a candidate.</summary>
    public float[][]? Encode(TokenTable table, in Sentence sentence)
    {
        bool any = false;
        for (int i = sentence.FirstToken; i < sentence.EndToken && !any; i++) any = _features.IsCandidate(table, i);
        if (!any) return null;
        var doc = table.Document;
        int start = sentence.Span.Start;
        var spans = new TextSpan[sentence.EndToken - sentence.FirstToken];
        for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
            spans[i - sentence.FirstToken] = new TextSpan(doc.Tokens[i].Span.Start - start, doc.Tokens[i].Span.Length);
        var vectors = _encoder.EncodeWords(doc.GetString(sentence.Span), spans);
        if (_scale != 1f)
            foreach (var v in vectors) System.Numerics.Tensors.TensorPrimitives.Multiply(v, _scale, v);
        return vectors;
    }
}
