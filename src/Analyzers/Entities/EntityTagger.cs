using System.Runtime.Intrinsics;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>A recognised mention: its tokens, its type and the product of its tokens' label probabilities.</summary>
internal readonly record struct TaggedMention(TokenMention Tokens, float Confidence);

/// <summary>
/// Runs a model over documents: first pass (greedy, left to right, BILOU transitions enforced),
/// document context from its output, second pass, mentions. Holds the per-document buffers, so
/// one instance serves one thread at a time.
/// </summary>
internal sealed class EntityTagger
{
    private const int Classes = LinearWeights.Classes;

    private readonly EntityModel _model;
    private readonly DocumentTokens _tokens = new();
    private readonly DocumentContextFeatures _context = new();
    private readonly ulong[] _keys = new ulong[Math.Max(LocalFeatures.MaxStatic, DocumentContextFeatures.MaxStatic)];
    private readonly float[] _scores = new float[EntityLabels.Count];
    private readonly List<TokenMention> _spans = [];
    private float[] _static = [], _firstProbabilities = [], _dense = [], _chosen = [];
    private byte[] _firstLabels = [], _labels = [];

    public EntityTagger(EntityModel model) => _model = model;

    public DocumentTokens Tokens => _tokens;
    public ReadOnlySpan<byte> FirstPassLabels => _firstLabels.AsSpan(0, _tokens.Count);
    public ReadOnlySpan<float> FirstPassProbabilities => _firstProbabilities.AsSpan(0, _tokens.Count * EntityLabels.Count);
    public ReadOnlySpan<byte> Labels => _labels.AsSpan(0, _tokens.Count);

    /// <summary>
    /// Tags a document. <paramref name="wordVectors"/> holds one encoder vector per token when
    /// the model's first pass has a dense part (accurate tier).
    /// </summary>
    public void Tag(Document document, IReadOnlyList<float[]>? wordVectors = null)
    {
        var first = _model.FirstPass;
        if (first.DenseDimension > 0 && (wordVectors is null || wordVectors.Count != document.Tokens.Length))
            throw new ArgumentException("the model needs one encoder vector per token", nameof(wordVectors));
        _tokens.Load(document, _model.Lexicon);
        Resize(_tokens.Count);
        RunFirstPass(wordVectors);
        RunSecondPass();
    }

    /// <summary>The first pass alone (training uses it to make the second pass's inputs).</summary>
    public void TagFirstPass(Document document, IReadOnlyList<float[]>? wordVectors = null)
    {
        _tokens.Load(document, _model.Lexicon);
        Resize(_tokens.Count);
        RunFirstPass(wordVectors);
    }

    private void RunFirstPass(IReadOnlyList<float[]>? wordVectors)
    {
        var weights = _model.FirstPass;
        int n = _tokens.Count;
        for (int i = 0; i < n; i++)
        {
            var scores = _static.AsSpan(i * Classes, Classes);
            weights.Start(scores);
            int count = LocalFeatures.Static(_tokens, i, _keys);
            weights.Add(_keys.AsSpan(0, count), scores);
            if (weights.DenseDimension > 0) weights.AddDense(wordVectors![i], scores);
        }
        Decode(weights, secondPass: false);
    }

    private void RunSecondPass()
    {
        var weights = _model.SecondPass;
        int n = _tokens.Count;
        _context.Build(_tokens, _firstLabels.AsSpan(0, n), _firstProbabilities.AsSpan(0, n * EntityLabels.Count), _dense);
        for (int i = 0; i < n; i++)
        {
            var scores = _static.AsSpan(i * Classes, Classes);
            weights.Start(scores);
            int count = DocumentContextFeatures.Static(_tokens, _firstLabels, i, _keys);
            weights.Add(_keys.AsSpan(0, count), scores);
            weights.AddDense(_dense.AsSpan(i * DocumentContextFeatures.DenseDimension, DocumentContextFeatures.DenseDimension), scores);
        }
        Decode(weights, secondPass: true);
    }

    /// <summary>Greedy left-to-right decoding of every sentence, adding the label features to the static scores.</summary>
    private void Decode(LinearWeights weights, bool secondPass)
    {
        int n = _tokens.Count;
        Span<ulong> labelKeys = stackalloc ulong[LocalFeatures.LabelFeatureCount];
        var scores = _scores.AsSpan();
        for (int start = 0; start < n; start = _tokens.SentenceEnd[start])
        {
            int end = _tokens.SentenceEnd[start];
            int previous = LocalFeatures.StartLabel, beforePrevious = LocalFeatures.StartLabel;
            for (int i = start; i < end; i++)
            {
                scores[0] = 0;
                _static.AsSpan(i * Classes, Classes).CopyTo(scores[1..]);
                if (secondPass)
                {
                    DocumentContextFeatures.Labels(previous, beforePrevious, labelKeys);
                    weights.Add(labelKeys[..DocumentContextFeatures.LabelFeatureCount], scores[1..]);
                }
                else
                {
                    LocalFeatures.Labels(_tokens, i, previous, beforePrevious, labelKeys);
                    weights.Add(labelKeys, scores[1..]);
                }
                int label = Choose(scores, previous == LocalFeatures.StartLabel ? EntityLabels.Outside : previous, i == end - 1);
                if (secondPass)
                {
                    _labels[i] = (byte)label;
                    _chosen[i] = scores[label];
                }
                else
                {
                    _firstLabels[i] = (byte)label;
                    scores.CopyTo(_firstProbabilities.AsSpan(i * EntityLabels.Count));
                }
                beforePrevious = previous;
                previous = label;
            }
        }
    }

    /// <summary>Per (previous label, sentence end): 0 for the labels 1..16 allowed next, -infinity for the others.</summary>
    private static readonly Vector512<float>[] Allowed = BuildAllowed();

    /// <summary>
    /// Turns scores (O's at index 0, always 0 before masking) into probabilities over the labels
    /// allowed after <paramref name="previous"/>, in place, and returns the most probable.
    /// </summary>
    private static int Choose(Span<float> scores, int previous, bool sentenceEnd)
    {
        int row = previous * 2 + (sentenceEnd ? 1 : 0);
        var others = Vector512.Create<float>(scores[1..]) + Allowed[row];
        bool outsideAllowed = EntityLabels.IsValidTransition(previous, EntityLabels.Outside);
        float max = outsideAllowed ? 0 : float.NegativeInfinity;
        int best = 0;
        for (int l = 0; l < Classes; l++)
            if (others[l] > max) { max = others[l]; best = l + 1; }
        var exp = Vector512.Exp(others - Vector512.Create(max));
        float outside = outsideAllowed ? MathF.Exp(-max) : 0;
        float inverse = 1 / (Vector512.Sum(exp) + outside);
        scores[0] = outside * inverse;
        (exp * inverse).CopyTo(scores[1..]);
        return best;
    }

    private static Vector512<float>[] BuildAllowed()
    {
        var table = new Vector512<float>[EntityLabels.Count * 2];
        Span<float> row = stackalloc float[Classes];
        for (int previous = 0; previous < EntityLabels.Count; previous++)
            for (int end = 0; end < 2; end++)
            {
                for (int l = 1; l < EntityLabels.Count; l++)
                    row[l - 1] = EntityLabels.IsValidTransition(previous, l) && (end == 0 || EntityLabels.CanEnd(l)) ? 0 : float.NegativeInfinity;
                table[previous * 2 + end] = Vector512.Create<float>(row);
            }
        return table;
    }

    /// <summary>The mentions of the last tagged document, with their confidences.</summary>
    public void Mentions(List<TaggedMention> into)
    {
        _spans.Clear();
        BilouCodec.Decode(Labels, 0, _spans);
        foreach (var span in _spans)
        {
            float confidence = 1;
            for (int i = span.First; i < span.End; i++) confidence *= _chosen[i];
            into.Add(new TaggedMention(span, confidence));
        }
    }

    private void Resize(int n)
    {
        if (_labels.Length >= n) return;
        n = Math.Max(n, _labels.Length * 2);
        _static = new float[n * Classes];
        _firstProbabilities = new float[n * EntityLabels.Count];
        _dense = new float[n * DocumentContextFeatures.DenseDimension];
        _chosen = new float[n];
        _firstLabels = new byte[n];
        _labels = new byte[n];
    }
}
