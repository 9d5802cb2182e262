namespace Pipeline.Analyzers.Hedging.Ml;

/// <summary>
/// FNV-1a over a feature's template id and text parts, finished with a murmur mix so the low bits
/// are usable as an index. A value type: hashing allocates nothing.
/// </summary>
public struct FeatureHash
{
    private uint _h;

    public static FeatureHash Of(int template) => new() { _h = (2166136261u ^ (uint)template) * 16777619u };

    public FeatureHash Add(ReadOnlySpan<char> text)
    {
        foreach (var c in text) _h = ((_h ^ c) * 16777619u ^ (uint)(c >> 8)) * 16777619u;
        return Separator();
    }

    public FeatureHash Add(int value)
    {
        _h = (_h ^ (uint)value) * 16777619u;
        return Separator();
    }

    private FeatureHash Separator()
    {
        _h = (_h ^ 0x1F) * 16777619u;
        return this;
    }

    /// <summary>The feature's index among 2^bits.</summary>
    public readonly int Index(int bits)
    {
        uint h = _h;
        h ^= h >> 16; h *= 0x85EBCA6Bu; h ^= h >> 13; h *= 0xC2B2AE35u; h ^= h >> 16;
        return (int)(h & ((1u << bits) - 1));
    }
}
