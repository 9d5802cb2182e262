using System.Runtime.CompilerServices;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// 64-bit hashing of token strings and integer mixing of hashes with template ids, so that a
/// feature key costs a few multiplications once the token's base hashes are known. Stable
/// across processes (keys are stored in models). Key 0 is reserved for "no feature".
/// </summary>
internal static class FeatureHash
{
    public const ulong Seed = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Step(ulong h, char c) => (h ^ c) * Prime;

    /// <summary>Hash of a string.</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        ulong h = Seed;
        foreach (char c in text) h = Step(h, c);
        return Finish(h, (ulong)text.Length);
    }

    /// <summary>Closes a running <see cref="Step"/> hash; <paramref name="salt"/> keeps equal states of different roles apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong h, ulong salt) => Fmix(h ^ (salt * 0x9E3779B97F4A7C15UL));

    /// <summary>Key of a feature: a base hash under a template (template ids include the window offset).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(ulong value, int template)
    {
        // One multiply and a fold: the values are hashes already (or small codes that the
        // multiply spreads), so this is enough to scatter keys over the table's low bits.
        ulong k = (value ^ (ulong)template * 0x9E3779B97F4A7C15UL) * 0xD6E8FEB86659FD93UL;
        k ^= k >> 32;
        return k == 0 ? 1 : k;
    }

    /// <summary>Key of a conjunction of two values under a template.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(ulong first, ulong second, int template) =>
        Key(System.Numerics.BitOperations.RotateLeft(first, 21) * 0xA0761D6478BD642FUL ^ second, template);

    /// <summary>Combines a running sequence hash with the next element (gazetteer n-grams).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong sequence, ulong next) => Fmix(sequence * 31 + next);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Fmix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCDUL;
        k ^= k >> 33;
        k *= 0xC4CEB9FE1A85EC53UL;
        return k ^ (k >> 33);
    }
}
