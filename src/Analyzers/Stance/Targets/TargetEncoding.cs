using System.Numerics.Tensors;
using Pipeline.Analyzers.Stance.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance.Targets;

/// <summary>
/// Contextual features of a target from the text encoder: one encoder call per sentence gives a
/// vector per token. From them: the target's vector (the mean over its mentions' tokens; the
/// encoder has read the whole sentence, so it carries what is said about the target), the
/// distance-weighted means of the tokens before and after the target, the mean of the sentiment
/// words weighted by their strength and nearness (what the opinion words mean here), and the
/// sentence's mean.
/// </summary>
public sealed class TargetEncoding(ITextEncoder encoder, StanceLexicon lexicon)
{
    private const int Parts = 5;

    /// <summary>Target, left context, right context, sentiment words and sentence vectors, concatenated.</summary>
    public int Dimension => Parts * encoder.Dimension;

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
        Span<float> weights = stackalloc float[Parts];
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            int d = items.Distance(i), side = items.Side(i);
            float near = 1f / (1f + (Math.Max(d, 1) - 1) / 3f);
            float sentiment = item.Kind == ItemKind.Word ? Math.Abs(lexicon.Valence(item.Text)) / 4f * near : 0f;
            for (int t = item.FirstToken; t <= item.LastToken; t++)
            {
                var v = tokenVectors[t - firstToken];
                if (item.Kind == ItemKind.Target) Accumulate(output, 0, v, 1f, weights, dim);
                else Accumulate(output, side <= 0 ? 1 : 2, v, near, weights, dim);
                if (sentiment > 0) Accumulate(output, 3, v, sentiment, weights, dim);
                Accumulate(output, 4, v, 1f, weights, dim);
            }
        }
        for (int part = 0; part < Parts; part++)
            if (weights[part] > 0) TensorPrimitives.Divide(output.Slice(part * dim, dim), weights[part], output.Slice(part * dim, dim));
    }

    private static void Accumulate(Span<float> output, int part, float[] vector, float weight, Span<float> weights, int dim)
    {
        var slice = output.Slice(part * dim, dim);
        TensorPrimitives.MultiplyAdd(vector, weight, slice, slice);
        weights[part] += weight;
    }
}
