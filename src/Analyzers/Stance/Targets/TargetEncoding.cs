using System.Collections.Immutable;
using System.Numerics.Tensors;
using System.Text;
using Pipeline.Analyzers.Stance.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance.Targets;

/// <summary>
/// Contextual features of a target from the text encoder, as one or more views (a model records
/// the views it was trained with):
/// <list type="bullet">
/// <item><c>tokens</c>: one encoder call per sentence gives a vector per token; from them the
/// target's vector (the mean over its mentions' tokens; the encoder has read the whole sentence,
/// so it carries what is said about the target), the distance-weighted means of the tokens
/// before and after the target, the mean of the sentiment words weighted by their strength and
/// nearness, and the sentence's mean (5 vectors).</item>
/// <item><c>window</c>: the sentence vector of the words around the target (the target and
/// <see cref="WindowWords"/> items on each side): what the nearby phrase says.</item>
/// <item><c>sides</c>: the sentence vectors of the left window (words before, through the
/// target) and of the right window (from the target on), separately (2 vectors).</item>
/// <item><c>masked</c>: the sentence with the target's mentions replaced by a neutral
/// placeholder; the placeholder's contextual vector is what the sentence says about whoever
/// stands there, free of the name's own associations.</item>
/// </list>
/// One instance per document at a time (it keeps the current document's token vectors).
/// </summary>
public sealed class TargetEncoding
{
    public const string Tokens = "tokens", Window = "window", Sides = "sides", Masked = "masked";
    /// <summary>The views of models that do not name theirs.</summary>
    public static readonly ImmutableArray<string> DefaultViews = [Tokens];
    public static readonly ImmutableArray<string> KnownViews = [Tokens, Window, Sides, Masked];
    /// <summary>Items on each side of the target in the window views.</summary>
    public const int WindowWords = 6;
    private const string Placeholder = "someone";
    private const int TokenParts = 5;

    private readonly ITextEncoder _encoder;
    private readonly StanceLexicon _lexicon;
    private readonly ImmutableArray<string> _views;
    private readonly float _scale;
    private readonly Dictionary<int, float[][]> _tokenVectors = [];
    private readonly StringBuilder _text = new();
    private readonly List<TextSpan> _spans = [];
    private Document? _document;

    /// <param name="scale">Multiplies every encoder number: against the sparse features' 0/1 values, it sets how strongly the
    /// shared L2 penalty holds the encoder weights back (scaling by s is an L2 divided by s² on them alone).</param>
    public TargetEncoding(ITextEncoder encoder, StanceLexicon lexicon, ImmutableArray<string> views, float scale)
    {
        foreach (var view in views)
            if (!KnownViews.Contains(view))
                throw new ArgumentException($"stance: unknown encoder view '{view}'; expected some of {string.Join(", ", KnownViews)}");
        _encoder = encoder;
        _lexicon = lexicon;
        _views = views;
        _scale = scale;
    }

    /// <summary>Length of the views' vectors, concatenated in the views' order.</summary>
    public int Dimension => _views.Sum(Parts) * _encoder.Dimension;

    private static int Parts(string view) => view switch { Tokens => TokenParts, Sides => 2, _ => 1 };

    /// <summary>Starts a document (drops the previous one's token vectors).</summary>
    public void Begin(Document document)
    {
        _document = document;
        _tokenVectors.Clear();
    }

    /// <summary>Writes the target's dense features for the built <paramref name="items"/> of <paramref name="sentence"/> into <paramref name="output"/>.</summary>
    public void Write(int sentence, SentenceItems items, Span<float> output)
    {
        var doc = _document ?? throw new InvalidOperationException("call Begin first");
        output[..Dimension].Clear();
        if (items.Targets.Count == 0) return;
        int dim = _encoder.Dimension, offset = 0, next = 0;
        var windows = WindowVectors(doc, items);
        foreach (var view in _views)
        {
            var slice = output.Slice(offset, Parts(view) * dim);
            switch (view)
            {
                case Tokens: WriteTokens(doc, sentence, items, slice); break;
                case Window: windows[next++].CopyTo(slice); break;
                case Sides:
                    windows[next++].CopyTo(slice);
                    windows[next++].CopyTo(slice[dim..]);
                    break;
                case Masked: WriteMasked(doc, sentence, items, slice); break;
            }
            offset += slice.Length;
        }
        if (_scale != 1f) TensorPrimitives.Multiply(output[..Dimension], _scale, output[..Dimension]);
    }

    private void WriteTokens(Document doc, int sentence, SentenceItems items, Span<float> output)
    {
        if (!_tokenVectors.TryGetValue(sentence, out var tokenVectors))
            _tokenVectors[sentence] = tokenVectors = TokenVectors(doc, sentence);
        int dim = _encoder.Dimension, firstToken = doc.Sentences[sentence].FirstToken;
        Span<float> weights = stackalloc float[TokenParts];
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            int d = items.Distance(i), side = items.Side(i);
            float near = 1f / (1f + (Math.Max(d, 1) - 1) / 3f);
            float sentiment = item.Kind == ItemKind.Word ? Math.Abs(_lexicon.Valence(item.Text)) / 4f * near : 0f;
            for (int t = item.FirstToken; t <= item.LastToken; t++)
            {
                var v = tokenVectors[t - firstToken];
                if (item.Kind == ItemKind.Target) Accumulate(output, 0, v, 1f, weights, dim);
                else Accumulate(output, side <= 0 ? 1 : 2, v, near, weights, dim);
                if (sentiment > 0) Accumulate(output, 3, v, sentiment, weights, dim);
                Accumulate(output, 4, v, 1f, weights, dim);
            }
        }
        for (int part = 0; part < TokenParts; part++)
            if (weights[part] > 0) TensorPrimitives.Divide(output.Slice(part * dim, dim), weights[part], output.Slice(part * dim, dim));
    }

    /// <summary>The encoder's vectors of a sentence's tokens (index 0 is the sentence's first token).</summary>
    private float[][] TokenVectors(Document doc, int sentence)
    {
        var s = doc.Sentences[sentence];
        var spans = new TextSpan[s.TokenCount];
        for (int i = 0; i < spans.Length; i++)
        {
            var span = doc.Tokens[s.FirstToken + i].Span;
            spans[i] = new TextSpan(span.Start - s.Span.Start, span.Length);
        }
        return _encoder.EncodeWords(doc.GetString(s.Span), spans);
    }

    /// <summary>The sentence vectors the window views need, in the views' order, from one batched encoder call.</summary>
    private float[][] WindowVectors(Document doc, SentenceItems items)
    {
        var texts = new List<string>(3);
        foreach (var view in _views)
        {
            if (view == Window) texts.Add(WindowText(doc, items, WindowWords, WindowWords));
            if (view == Sides)
            {
                texts.Add(WindowText(doc, items, WindowWords, 0));
                texts.Add(WindowText(doc, items, 0, WindowWords));
            }
        }
        return texts.Count == 0 ? [] : _encoder.EncodeSentences(texts);
    }

    /// <summary>The text from <paramref name="before"/> items before the first target to <paramref name="after"/> items after the last.</summary>
    private static string WindowText(Document doc, SentenceItems items, int before, int after)
    {
        int from = Math.Max(0, items.Targets[0] - before), to = Math.Min(items.Count - 1, items.Targets[^1] + after);
        int start = doc.Tokens[items[from].FirstToken].Span.Start, end = doc.Tokens[items[to].LastToken].Span.End;
        return doc.Text.Substring(start, end - start);
    }

    /// <summary>The mean contextual vector of the placeholders standing for the target's mentions.</summary>
    private void WriteMasked(Document doc, int sentence, SentenceItems items, Span<float> output)
    {
        var s = doc.Sentences[sentence].Span;
        _text.Clear();
        _spans.Clear();
        int copied = s.Start;
        foreach (int t in items.Targets)
        {
            int start = doc.Tokens[items[t].FirstToken].Span.Start, end = doc.Tokens[items[t].LastToken].Span.End;
            _text.Append(doc.Text, copied, start - copied);
            _spans.Add(new TextSpan(_text.Length, Placeholder.Length));
            _text.Append(Placeholder);
            copied = end;
        }
        _text.Append(doc.Text, copied, s.End - copied);
        var vectors = _encoder.EncodeWords(_text.ToString(), _spans);
        foreach (var v in vectors) TensorPrimitives.Add(output, v, output);
        TensorPrimitives.Divide(output, vectors.Length, output);
    }

    private static void Accumulate(Span<float> output, int part, float[] vector, float weight, Span<float> weights, int dim)
    {
        var slice = output.Slice(part * dim, dim);
        TensorPrimitives.MultiplyAdd(vector, weight, slice, slice);
        weights[part] += weight;
    }
}
