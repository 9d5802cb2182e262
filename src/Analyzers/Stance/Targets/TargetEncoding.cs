using System.Numerics.Tensors;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance.Targets;

/// <summary>
/// Contextual features of a target from the text encoder: one encoder call per sentence gives a
/// vector per token; the target's vector is the mean over its mentions' tokens (the encoder has
/// read the whole sentence, so it carries what is said about the target), the context vector the
/// distance-weighted mean of the other tokens, the sentence vector the plain mean.
/// </summary>
public sealed class TargetEncoding(ITextEncoder encoder)
{
    /// <summary>Target, context and sentence vectors, concatenated.</summary>
    public int Dimension => 3 * encoder.Dimension;
    public string ModelId => encoder.ModelId;

    /// <summary>The encoder's vectors of a sentence's tokens (index 0 is the sentence's first token).</summary>
    public float[][] TokenVectors(Document doc, int sentence)
    {
        var s = doc.Sentences[sentence];
        var spans = new TextSpan[s.TokenCount];
        for (int i = 0; i < spans.Length; i++)
        {
            var span = doc.Tokens[s.FirstToken + i].Span;
            spans[i] = new TextSpan(span.Start - s.Span.Start, span.Length);
        }
        return encoder.EncodeWords(doc.GetString(s.Span), spans);
    }

    /// <summary>Writes the target's dense features for the built <paramref name="items"/> into <paramref name="output"/>.</summary>
    /// <param name="tokenVectors">From <see cref="TokenVectors"/> for the items' sentence.</param>
    /// <param name="firstToken">The document index of the sentence's first token.</param>
    public void Write(SentenceItems items, float[][] tokenVectors, int firstToken, Span<float> output)
    {
        int dim = encoder.Dimension;
        output[..Dimension].Clear();
        var target = output[..dim];
        var context = output.Slice(dim, dim);
        var sentence = output.Slice(2 * dim, dim);
        int targetTokens = 0;
        float contextWeight = 0;
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            int d = items.Distance(i);
            float weight = 1f / (1f + (Math.Max(d, 1) - 1) / 3f);
            for (int t = item.FirstToken; t <= item.LastToken; t++)
            {
                var v = tokenVectors[t - firstToken];
                TensorPrimitives.Add(sentence, v, sentence);
                if (item.Kind == ItemKind.Target) { TensorPrimitives.Add(target, v, target); targetTokens++; }
                else { TensorPrimitives.MultiplyAdd(v, weight, context, context); contextWeight += weight; }
            }
        }
        int tokens = tokenVectors.Length;
        if (targetTokens > 0) TensorPrimitives.Divide(target, targetTokens, target);
        if (contextWeight > 0) TensorPrimitives.Divide(context, contextWeight, context);
        if (tokens > 0) TensorPrimitives.Divide(sentence, tokens, sentence);
    }
}
