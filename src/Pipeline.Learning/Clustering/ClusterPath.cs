using System.Numerics;

namespace Pipeline.Learning.Clustering;

/// <summary>
/// A word's position in a binary cluster hierarchy: the bits from the root (first bit is the most
/// significant of <see cref="Bits"/>). Paths longer than <see cref="MaxLength"/> bits keep their first
/// <see cref="MaxLength"/> bits.
/// </summary>
public readonly record struct ClusterPath
{
    public const int MaxLength = 63;

    public ClusterPath(ulong bits, int length)
    {
        if ((uint)length > MaxLength) throw new ArgumentOutOfRangeException(nameof(length), $"a path has 0..{MaxLength} bits, not {length}");
        Bits = length == 0 ? 0 : bits & (ulong.MaxValue >> (64 - length));
        Length = length;
    }

    /// <summary>The path's bits, the first step from the root in the highest of the <see cref="Length"/> low bits.</summary>
    public ulong Bits { get; }

    public int Length { get; }

    /// <summary>The first <paramref name="length"/> bits (the whole path when it is shorter).</summary>
    public ClusterPath Prefix(int length) =>
        length >= Length ? this : new ClusterPath(Bits >> (Length - length), Math.Max(length, 0));

    /// <summary>How many leading bits two paths have in common.</summary>
    public int CommonPrefixLength(ClusterPath other)
    {
        int n = Math.Min(Length, other.Length);
        ulong diff = (Bits >> (Length - n)) ^ (other.Bits >> (other.Length - n));
        return diff == 0 ? n : n - (64 - BitOperations.LeadingZeroCount(diff));
    }

    /// <summary>A number that differs for every distinct bit string (a leading 1 marks the length), for feature hashing.</summary>
    public ulong Key => (1UL << Length) | Bits;

    /// <summary>Reads a string of '0' and '1' characters.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ClusterPath path)
    {
        path = default;
        if (text.IsEmpty) return false;
        ulong bits = 0;
        int length = Math.Min(text.Length, MaxLength);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is not ('0' or '1')) return false;
            if (i < length) bits = (bits << 1) | (uint)(c - '0');
        }
        path = new ClusterPath(bits, length);
        return true;
    }

    public override string ToString() =>
        string.Create(Length, this, static (chars, p) =>
        {
            for (int i = 0; i < chars.Length; i++)
                chars[i] = ((p.Bits >> (p.Length - 1 - i)) & 1) == 0 ? '0' : '1';
        });
}
