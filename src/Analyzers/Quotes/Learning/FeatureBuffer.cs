using System.Runtime.CompilerServices;
using Pipeline.Learning.Linear;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// The hashed feature indices of one token, filled by the feature extractors and reused for
/// every token (no allocation per token). A feature is a template id plus an integer value.
/// </summary>
internal sealed class FeatureBuffer(int bits)
{
    private readonly FeatureHasher _hasher = new(bits);
    private int[] _items = new int[64];

    public int Bits => _hasher.Bits;
    public int Count { get; private set; }
    public ReadOnlySpan<int> Items => _items.AsSpan(0, Count);

    /// <summary>The token's encoder vector, for a tagger with a dense part; empty otherwise.</summary>
    public ReadOnlySpan<float> Dense => _dense;

    private float[]? _dense;

    public void Clear()
    {
        Count = 0;
        _dense = null;
    }

    public void SetDense(float[]? vector) => _dense = vector;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int template, int value = 0)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = _hasher.Hash(template, value);
    }

    public void Add(int template, int a, int b) => Add(template, Hashing.Combine(a, b));

    public int[] ToArray() => Items.ToArray();
}
