using System.Runtime.CompilerServices;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// The hashed feature indices of one token, filled by the feature extractors and reused for
/// every token (no allocation per token). A feature is a template id plus an integer value.
/// </summary>
internal sealed class FeatureBuffer(int bits)
{
    private readonly uint _mask = (1u << bits) - 1;
    private int[] _items = new int[64];

    public int Bits { get; } = bits;
    public int Count { get; private set; }
    public ReadOnlySpan<int> Items => _items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int template, int value = 0)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = (int)(Mix((uint)template * 0x9E3779B1u ^ (uint)value * 0x85EBCA77u) & _mask);
    }

    public void Add(int template, int a, int b) => Add(template, Hashing.Combine(a, b));

    public int[] ToArray() => Items.ToArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >> 16);
    }
}
