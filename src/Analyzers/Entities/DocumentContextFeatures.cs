using System.Runtime.CompilerServices;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// The second pass's inputs. A dense vector per token: the first pass's label distribution,
/// then, over the other capitalised occurrences of the same word in the document, the share of
/// each type (O, PER, ORG, LOC, MISC) the first pass gave them: earlier occurrences only
/// (extended prediction history), all of them (two-stage aggregation), and those inside a
/// multi-token mention. Sparse keys: the first pass's labels in a window of two, the word and
/// its shape, and the second pass's own previous labels.
/// </summary>
internal sealed class DocumentContextFeatures
{
    public const int Types = EntityLabels.TypeCount + 1;
    public const int DenseDimension = EntityLabels.Count + 3 * Types;
    public const int MaxStatic = 8;
    public const int LabelFeatureCount = 2;

    private const int Window = 2;
    private const int TFirstPass = 200, TLower = 210, TShapeCap = 211, TPrevious = 220, TPreviousTwo = 221;

    private (ulong Key, int Token)[] _order = [];
    private int[] _group = [];
    private float[] _counts = [], _inLonger = [], _seen = [];

    /// <summary>Builds the dense vectors of a document (Count x <see cref="DenseDimension"/>) from the first pass's output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Build(DocumentTokens d, ReadOnlySpan<byte> labels, ReadOnlySpan<float> probabilities, Span<float> dense)
    {
        int n = d.Count;
        // Each row is written whole here (no clearing pass over the buffer first): the label
        // distribution, then zero shares, which the capitalised tokens' loop below overwrites.
        for (int i = 0; i < n; i++)
        {
            probabilities.Slice(i * EntityLabels.Count, EntityLabels.Count).CopyTo(dense.Slice(i * DenseDimension));
            dense.Slice(i * DenseDimension + EntityLabels.Count, 3 * Types).Clear();
        }

        // Group the capitalised tokens by lower-case form.
        if (_order.Length < n) { _order = new (ulong, int)[n]; _group = new int[n]; }
        int m = 0;
        for (int i = 0; i < n; i++)
            if (IsCandidate(d.Cap[i])) _order[m++] = (d.Lower[i], i);
            else _group[i] = -1;
        var order = _order.AsSpan(0, m);
        order.Sort();
        int groups = 0;
        for (int k = 0; k < m; k++)
        {
            if (k > 0 && order[k].Key != order[k - 1].Key) groups++;
            _group[order[k].Token] = groups;
        }
        if (m > 0) groups++;
        if (_counts.Length < groups * Types)
        {
            _counts = new float[groups * Types * 2];
            _inLonger = new float[_counts.Length];
            _seen = new float[_counts.Length];
        }
        _counts.AsSpan(0, groups * Types).Clear();
        _inLonger.AsSpan(0, groups * Types).Clear();
        _seen.AsSpan(0, groups * Types).Clear();
        for (int i = 0; i < n; i++)
        {
            int g = _group[i];
            if (g < 0) continue;
            _counts[g * Types + TypeOf(labels[i])]++;
            if (InMultiTokenMention(labels[i])) _inLonger[g * Types + TypeOf(labels[i])]++;
        }

        for (int i = 0; i < n; i++)
        {
            int g = _group[i];
            if (g < 0) continue;
            var row = dense.Slice(i * DenseDimension + EntityLabels.Count, 3 * Types);
            var counts = _counts.AsSpan(g * Types, Types);
            var inLonger = _inLonger.AsSpan(g * Types, Types);
            var seen = _seen.AsSpan(g * Types, Types);
            int own = TypeOf(labels[i]);
            Shares(seen, -1, row[..Types]);
            Shares(counts, own, row.Slice(Types, Types));
            Shares(inLonger, InMultiTokenMention(labels[i]) ? own : -1, row.Slice(2 * Types, Types));
            seen[own]++;
        }
    }

    /// <summary>Shares of each type in <paramref name="counts"/> minus the token's own (when <paramref name="own"/> is a type).</summary>
    private static void Shares(ReadOnlySpan<float> counts, int own, Span<float> into)
    {
        float total = 0;
        for (int t = 0; t < Types; t++) total += counts[t];
        if (own >= 0) total--;
        if (total <= 0) return;
        for (int t = 0; t < Types; t++) into[t] = (counts[t] - (t == own ? 1 : 0)) / total;
    }

    /// <summary>Writes the static sparse keys of token <paramref name="i"/>; returns how many.</summary>
    public static int Static(DocumentTokens d, ReadOnlySpan<byte> firstPass, int i, Span<ulong> keys)
    {
        int n = FirstPassLabels(d, firstPass, i, keys);
        keys[n++] = FormKey(d, i);
        keys[n++] = ShapeKey(d, i);
        return n;
    }

    /// <summary>The token's lower-case form.</summary>
    public static ulong FormKey(DocumentTokens d, int i) => FeatureHash.Key(d.Lower[i], TLower);

    /// <summary>The token's shape with its capitalisation and sentence context.</summary>
    public static ulong ShapeKey(DocumentTokens d, int i) =>
        FeatureHash.Key(d.Shape[i], (ulong)d.Cap[i] | (ulong)d.Context[i] << 8, TShapeCap);

    /// <summary>Offsets of the first-pass label window, and the values a label there takes: the 17 labels, before the sentence, after it.</summary>
    public const int LabelWindow = 2 * Window + 1, FirstPassLabelValues = EntityLabels.Count + 2;

    /// <summary>The value of the first-pass label feature at <paramref name="offset"/> from token <paramref name="i"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FirstPassLabelValue(DocumentTokens d, ReadOnlySpan<byte> firstPass, int i, int offset)
    {
        int j = i + offset;
        return j >= d.SentenceFirst[i] && j < d.SentenceEnd[i] ? firstPass[j] : LocalFeatures.StartLabel + (offset > 0 ? 1 : 0);
    }

    public static ulong FirstPassLabelKey(int value, int offset) => FeatureHash.Key((ulong)value, TFirstPass + offset);

    /// <summary>The first pass's labels in a window of two.</summary>
    private static int FirstPassLabels(DocumentTokens d, ReadOnlySpan<byte> firstPass, int i, Span<ulong> keys)
    {
        int n = 0;
        for (int o = -Window; o <= Window; o++) keys[n++] = FirstPassLabelKey(FirstPassLabelValue(d, firstPass, i, o), o);
        return n;
    }

    public static void Labels(int previous, int beforePrevious, Span<ulong> keys)
    {
        keys[0] = FeatureHash.Key((ulong)previous, TPrevious);
        keys[1] = FeatureHash.Key((ulong)(beforePrevious << 8 | previous), TPreviousTwo);
    }

    private static bool IsCandidate(CapPattern cap) => cap is not (CapPattern.Lower or CapPattern.NoLetters);

    /// <summary>0 for O, 1 + type otherwise.</summary>
    private static int TypeOf(byte label) => label == EntityLabels.Outside ? 0 : 1 + EntityLabels.TypeOf(label);

    private static bool InMultiTokenMention(byte label) =>
        label != EntityLabels.Outside && EntityLabels.PositionOf(label) != EntityLabels.Unit;
}
