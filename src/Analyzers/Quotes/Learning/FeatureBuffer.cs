using System.Runtime.CompilerServices;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Learning.Linear;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// The features of one token, filled by the feature extractors and reused for every token (no
/// allocation per token): hashed feature indices (a template id plus an integer value), and, for
/// a buffer made by a tagger, the summed scores of its closed feature sets and form features.
/// </summary>
/// <param name="closedSets">The tagger's closed-set tables; without them every feature is hashed (training).</param>
/// <param name="forms">The tagger's form cache for this thread; without it every feature is hashed.</param>
internal sealed class FeatureBuffer(int bits, ClosedSetScores? closedSets = null, FormScores? forms = null)
{
    private readonly FeatureHasher _hasher = new(bits);
    private int[] _items = new int[64];
    private readonly float[] _summedScores = new float[Bio.Count];

    public int Bits => _hasher.Bits;
    public int Count { get; private set; }
    public ReadOnlySpan<int> Items => _items.AsSpan(0, Count);

    /// <summary>The scores added from the tagger's closed-set tables and form cache (zeros for a training buffer).</summary>
    public ReadOnlySpan<float> SummedScores => _summedScores;

    /// <summary>The token's encoder vector, for a tagger with a dense part; empty otherwise.</summary>
    public ReadOnlySpan<float> Dense => _dense;

    private float[]? _dense;

    public void Clear()
    {
        Count = 0;
        _dense = null;
        _summedScores.AsSpan().Clear();
    }

    public void SetDense(float[]? vector) => _dense = vector;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int template, int value = 0)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = _hasher.Hash(template, value);
    }

    public void Add(int template, int a, int b) => Add(template, Hashing.Combine(a, b));

    /// <summary>The features of a closed set's value: one table row when the tagger has the set's table, else each hashed feature.</summary>
    public void Add(ClosedFeatureSet set, int value)
    {
        // A value past the set would read another value's row: a packing bug, never a wrong score.
        if ((uint)value >= (uint)set.Size) throw new ArgumentOutOfRangeException(nameof(value), value, $"closed feature set {set.Id} has {set.Size} values");
        if (closedSets?.TableOf(set) is not { } table)
        {
            set.AddKeys(value, this);
            return;
        }
        int at = value * Bio.Count;
        for (int c = 0; c < Bio.Count; c++) _summedScores[c] += table[at + c];
    }

    /// <summary>The form features of token <paramref name="t"/>: a remembered row when the buffer has the tagger's form cache, else each hashed feature.</summary>
    public void Add(FormFeatureSet set, TokenView v, int t)
    {
        if (forms is null) set.AddKeys(v, t, this);
        else forms.AddTo(v, t, _summedScores);
    }

    public int[] ToArray() => Items.ToArray();
}
