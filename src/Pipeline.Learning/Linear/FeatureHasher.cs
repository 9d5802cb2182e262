using System.Runtime.CompilerServices;

namespace Pipeline.Learning.Linear;

/// <summary>
/// Maps a feature (a template id plus the text or number it fires on) to an index in
/// [0, 2^bits). FNV-1a over the UTF-16 units followed by a murmur3 finaliser, so the low bits
/// used by the mask are well mixed. Allocation-free and stable across runs and machines
/// (string.GetHashCode is randomised per process, so it cannot be stored in a model).
/// </summary>
public readonly struct FeatureHasher
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public FeatureHasher(int bits)
    {
        if (bits is < 1 or > 30) throw new ArgumentOutOfRangeException(nameof(bits), bits, "hash bits must be between 1 and 30");
        Bits = bits;
    }

    /// <summary>Size of the hashed space is 2^Bits.</summary>
    public int Bits { get; }
    public int Size => 1 << Bits;
    private uint Mask => (1u << Bits) - 1;

    /// <summary>Index of a feature given by a template and a text (e.g. template "word", text "Obama").</summary>
    public int Hash(int template, ReadOnlySpan<char> text) =>
        (int)(Finish(Add(Start(template), text)) & Mask);

    /// <summary>Index of a conjunction of two texts under one template (e.g. previous word + word).</summary>
    public int Hash(int template, ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        uint h = Add(Start(template), first);
        h = Step(h, 0xFFFF); // separator: ("ab","c") and ("a","bc") differ
        return (int)(Finish(Add(h, second)) & Mask);
    }

    /// <summary>Index of a feature given by a template and a number (a cluster id, a shape code, a bucket).</summary>
    public int Hash(int template, int value)
    {
        uint h = (uint)template < (uint)Starts.Length ? Starts[template] : Start(template);
        h = Step(h, (uint)value & 0xFFFF);
        h = Step(h, (uint)value >> 16);
        return (int)(Finish(h) & Mask);
    }

    /// <summary>Index of a feature given by a template alone (a bias-like indicator, "is sentence start").</summary>
    public int Hash(int template) => (int)(Finish(Start(template)) & Mask);

    // The hash state after the template, for the small template ids taggers use: half the steps of a numeric feature.
    private static readonly uint[] Starts = [.. Enumerable.Range(0, 256).Select(Start)];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Start(int template)
    {
        uint h = OffsetBasis;
        h = Step(h, (uint)template & 0xFFFF);
        return Step(h, (uint)template >> 16);
    }

    private static uint Add(uint h, ReadOnlySpan<char> text)
    {
        foreach (char c in text) h = Step(h, c);
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Step(uint h, uint unit)
    {
        h = (h ^ (unit & 0xFF)) * Prime;
        return (h ^ (unit >> 8)) * Prime;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Finish(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >> 16);
    }
}
