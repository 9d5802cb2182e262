using System.Numerics;
using System.Runtime.CompilerServices;
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
/// <remarks>
/// The methods on the tagging path (here and in the feature, cache and weight types) are marked
/// AggressiveOptimization: they are compiled optimized at their first call, where tiered
/// compilation would run them as unoptimized code through a run's first documents (on 2,226 BBC
/// articles this saved about a fifth of the run's processor time).
/// </remarks>
internal sealed class EntityTagger
{
    private const int Classes = LinearWeights.Classes;

    private readonly EntityModel _model;
    private readonly DocumentTokens _tokens = new();
    private readonly FormCache _forms;
    private readonly ClosedSetScores _closedSets;
    private readonly DocumentContextFeatures _context = new();
    private readonly ulong[] _keys = new ulong[Math.Max(LocalFeatures.MaxStatic, DocumentContextFeatures.MaxStatic)];
    private readonly float[] _scores = new float[EntityLabels.Count];
    private readonly float[] _row = new float[Classes];
    private readonly float[] _firstPairs, _secondPairs;
    private readonly List<TokenMention> _spans = [];
    private float[] _static = [], _firstProbabilities = [], _dense = [], _chosen = [];
    private byte[] _firstLabels = [], _labels = [];

    public EntityTagger(EntityModel model)
    {
        _model = model;
        _forms = new FormCache(model.FirstPass, model.SecondPass);
        _closedSets = new ClosedSetScores(model.FirstPass, model.SecondPass);
        _firstPairs = PairScores(model.FirstPass, LocalFeatures.LabelPair);
        _secondPairs = PairScores(model.SecondPass, DocumentContextFeatures.Labels);
    }

    public DocumentTokens Tokens => _tokens;
    public FormCache Forms => _forms;
    public bool ReadsEncoder => _model.ReadsEncoder;
    public ReadOnlySpan<byte> FirstPassLabels => _firstLabels.AsSpan(0, _tokens.Count);
    public ReadOnlySpan<float> FirstPassProbabilities => _firstProbabilities.AsSpan(0, _tokens.Count * EntityLabels.Count);
    public ReadOnlySpan<byte> Labels => _labels.AsSpan(0, _tokens.Count);

    /// <summary>
    /// Tags a document. <paramref name="wordVectors"/> holds one encoder vector per token when
    /// the model reads encoder vectors (accurate tier).
    /// </summary>
    public void Tag(Document document, IReadOnlyList<float[]>? wordVectors = null)
    {
        TagFirstPass(document, wordVectors);
        RunSecondPass();
    }

    /// <summary>The first pass alone (training uses it to make the second pass's inputs).</summary>
    public void TagFirstPass(Document document, IReadOnlyList<float[]>? wordVectors = null)
    {
        if (_model.ReadsEncoder && (wordVectors is null || wordVectors.Count != document.Tokens.Length))
            throw new ArgumentException("the model needs one encoder vector per token", nameof(wordVectors));
        _tokens.Load(document, _model.Lexicon, _forms);
        if (_model.ContextualClusters is { } clusters) _tokens.AssignContextual(clusters, wordVectors!);
        Resize(_tokens.Count);
        RunFirstPass(wordVectors);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunFirstPass(IReadOnlyList<float[]>? wordVectors)
    {
        var weights = _model.FirstPass;
        int n = _tokens.Count;
        for (int i = 0; i < n; i++)
        {
            var scores = _static.AsSpan(i * Classes, Classes);
            weights.Start(scores);
            _forms.AddWindow(_tokens, i, scores);
            (Vector512.Create<float>(scores) + _closedSets.Capitalisation(_tokens, i)).CopyTo(scores);
            int count = LocalFeatures.ContextKeys(_tokens, i, _keys);
            count += LocalFeatures.ContextualKeys(_tokens, i, _keys.AsSpan(count));
            weights.Add(_keys.AsSpan(0, count), scores);
            if (weights.DenseDimension > 0) weights.AddDense(wordVectors![i], scores);
        }
        Decode(_firstPairs, secondPass: false);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunSecondPass()
    {
        ScoreSecondPass();
        Decode(_secondPairs, secondPass: true);
    }

    /// <summary>The second pass's label-free scores of every token (after <see cref="TagFirstPass"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ScoreSecondPass()
    {
        var weights = _model.SecondPass;
        int n = _tokens.Count;
        _context.Build(_tokens, _firstLabels.AsSpan(0, n), _firstProbabilities.AsSpan(0, n * EntityLabels.Count), _dense);
        for (int i = 0; i < n; i++)
        {
            var scores = _static.AsSpan(i * Classes, Classes);
            weights.Start(scores);
            _keys[0] = DocumentContextFeatures.ShapeKey(_tokens, i);
            weights.Add(_keys.AsSpan(0, 1), scores);
            (Vector512.Create<float>(scores) + _forms.SecondPassFormScores(_tokens, i) + _closedSets.FirstPassLabels(_tokens, _firstLabels, i)).CopyTo(scores);
            weights.AddDense(_dense.AsSpan(i * DocumentContextFeatures.DenseDimension, DocumentContextFeatures.DenseDimension), scores);
        }
    }

    /// <summary>
    /// The second pass's probabilities of the labels of token <paramref name="i"/> (17, O first)
    /// after the given labels, written to <paramref name="probabilities"/>.
    /// </summary>
    public void SecondPassProbabilities(int i, int previous, int beforePrevious, bool sentenceEnd, Span<float> probabilities)
    {
        var sum = Vector512.Create<float>(_static.AsSpan(i * Classes, Classes))
                + Vector512.Create<float>(_secondPairs.AsSpan((previous * PreviousLabels + beforePrevious) * Classes, Classes));
        Choose(sum, probabilities, previous == LocalFeatures.StartLabel ? EntityLabels.Outside : previous, sentenceEnd);
    }

    /// <summary>Sets the final labels and their probabilities (a joint decoding of several models).</summary>
    public void SetLabels(ReadOnlySpan<byte> labels, ReadOnlySpan<float> chosen)
    {
        labels.CopyTo(_labels);
        chosen.CopyTo(_chosen);
    }

    /// <summary>
    /// Greedy left-to-right decoding of every sentence, adding the label features to the static
    /// scores: the label-pair features from a table, and in the first pass the label-and-form
    /// features (from the form cache when the previous label is O or the sentence start).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Decode(float[] pairs, bool secondPass)
    {
        int n = _tokens.Count;
        var scores = _scores.AsSpan();
        for (int start = 0; start < n; start = _tokens.SentenceEnd[start])
        {
            int end = _tokens.SentenceEnd[start];
            int previous = LocalFeatures.StartLabel, beforePrevious = LocalFeatures.StartLabel;
            for (int i = start; i < end; i++)
            {
                var sum = Vector512.Create<float>(_static.AsSpan(i * Classes, Classes))
                        + Vector512.Create<float>(pairs.AsSpan((previous * PreviousLabels + beforePrevious) * Classes, Classes));
                if (!secondPass)
                    sum += previous is EntityLabels.Outside or LocalFeatures.StartLabel
                        ? _forms.AfterLikelyLabel(_tokens, i, previous)
                        : LabelAndFormScores(i, previous);
                int label = Choose(sum, scores, previous == LocalFeatures.StartLabel ? EntityLabels.Outside : previous, i == end - 1);
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

    /// <summary>The first pass's label-and-form scores of token <paramref name="i"/> after <paramref name="previous"/>.</summary>
    private Vector512<float> LabelAndFormScores(int i, int previous)
    {
        var keys = _keys.AsSpan(0, LocalFeatures.LabelAndFormCount);
        LocalFeatures.LabelAndForm(_tokens, i, previous, keys);
        var row = _row.AsSpan();
        row.Clear();
        _model.FirstPass.Add(keys, row);
        return Vector512.Create<float>(row);
    }

    /// <summary>Labels a label feature can look back to: the 17 labels and "start".</summary>
    private const int PreviousLabels = LocalFeatures.StartLabel + 1;

    private delegate void LabelPairKeys(int previous, int beforePrevious, Span<ulong> keys);

    /// <summary>The scores of the label-pair features for every (previous, before previous) pair.</summary>
    private static float[] PairScores(LinearWeights weights, LabelPairKeys keysOf)
    {
        var table = new float[PreviousLabels * PreviousLabels * Classes];
        Span<ulong> keys = stackalloc ulong[LocalFeatures.LabelPairCount];
        for (int previous = 0; previous < PreviousLabels; previous++)
            for (int beforePrevious = 0; beforePrevious < PreviousLabels; beforePrevious++)
            {
                keysOf(previous, beforePrevious, keys);
                weights.Add(keys, table.AsSpan((previous * PreviousLabels + beforePrevious) * Classes, Classes));
            }
        return table;
    }

    /// <summary>Per (previous label, sentence end): 0 for the labels 1..16 allowed next, -infinity for the others.</summary>
    private static readonly Vector512<float>[] Allowed = BuildAllowed();

    /// <summary>
    /// Turns the 16 scores of the labels other than O (O's score is 0) into probabilities over
    /// the labels allowed after <paramref name="previous"/>, written to <paramref name="probabilities"/>
    /// (17, O first), and returns the most probable.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Choose(Vector512<float> scores, Span<float> probabilities, int previous, bool sentenceEnd)
    {
        int row = previous * 2 + (sentenceEnd ? 1 : 0);
        var others = scores + Allowed[row];
        bool outsideAllowed = EntityLabels.IsValidTransition(previous, EntityLabels.Outside);
        // The most probable label; on a tie the lowest, O (score 0) included.
        float max = Max(others);
        int best = 1 + BitOperations.TrailingZeroCount(Vector512.Equals(others, Vector512.Create(max)).ExtractMostSignificantBits());
        if (outsideAllowed && max <= 0) { max = 0; best = EntityLabels.Outside; }
        var exp = Vector512.Exp(others - Vector512.Create(max));
        float outside = outsideAllowed ? MathF.Exp(-max) : 0;
        float inverse = 1 / (Vector512.Sum(exp) + outside);
        probabilities[0] = outside * inverse;
        (exp * inverse).CopyTo(probabilities[1..]);
        return best;
    }

    /// <summary>The largest of the 16 lanes.</summary>
    private static float Max(Vector512<float> v)
    {
        var half = Vector256.Max(v.GetLower(), v.GetUpper());
        var quarter = Vector128.Max(half.GetLower(), half.GetUpper());
        quarter = Vector128.Max(quarter, Vector128.Shuffle(quarter, Vector128.Create(2, 3, 0, 1)));
        return float.Max(quarter[0], quarter[1]);
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
