using System.Runtime.CompilerServices;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// The base hashes of one token, computed in one pass over its characters: exact form, lower
/// case, shape, prefixes and suffixes (lower case) of 1 to 4 characters, capitalisation.
/// Feature keys are these hashes mixed with template ids.
/// </summary>
internal struct TokenHashes
{
    public const int AffixLengths = 4;
    private const int MaxShapeLength = 24;

    public ulong Word;
    public ulong Lower;
    public ulong Shape;
    public CapPattern Cap;
    /// <summary>Prefix hashes of length 1..4 then suffix hashes of length 1..4; 0 when the token is shorter.</summary>
    public Affixes Affix;

    [System.Runtime.CompilerServices.InlineArray(2 * AffixLengths)]
    public struct Affixes { private ulong _element; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TokenHashes Compute(ReadOnlySpan<char> token)
    {
        var r = new TokenHashes { Cap = TokenText.Cap(token) };
        ulong word = FeatureHash.Seed, lower = FeatureHash.Seed, shape = FeatureHash.Seed;
        char last = '\0', beforeLast = '\0';
        int shapeLength = 0;
        for (int i = 0; i < token.Length; i++)
        {
            char c = TokenText.Normalize(token[i]);
            word = FeatureHash.Step(word, c);
            lower = FeatureHash.Step(lower, char.ToLowerInvariant(c));
            if (i < AffixLengths) r.Affix[i] = FeatureHash.Finish(lower, 101 + (ulong)i);
            char s = TokenText.ShapeOf(c);
            // Runs longer than two collapse: "Xxxxx" and "Xxx" share the shape "Xxx".
            if (shapeLength < MaxShapeLength && !(s == last && s == beforeLast))
            {
                shape = FeatureHash.Step(shape, s);
                shapeLength++;
            }
            beforeLast = last;
            last = s;
        }
        r.Word = FeatureHash.Finish(word, (ulong)token.Length);
        r.Lower = FeatureHash.Finish(lower, (ulong)token.Length);
        r.Shape = FeatureHash.Finish(shape, 7);
        ulong suffix = FeatureHash.Seed;
        for (int k = 0; k < AffixLengths && k < token.Length; k++)
        {
            suffix = FeatureHash.Step(suffix, char.ToLowerInvariant(TokenText.Normalize(token[token.Length - 1 - k])));
            r.Affix[AffixLengths + k] = FeatureHash.Finish(suffix, 201 + (ulong)k);
        }
        return r;
    }

    /// <summary>The lower-case hash alone (what gazetteer and cluster entries are keyed by).</summary>
    public static ulong LowerOf(ReadOnlySpan<char> token)
    {
        ulong h = FeatureHash.Seed;
        foreach (char c in token) h = FeatureHash.Step(h, char.ToLowerInvariant(TokenText.Normalize(c)));
        return FeatureHash.Finish(h, (ulong)token.Length);
    }

    /// <summary>The exact-form hash alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong WordOf(ReadOnlySpan<char> token)
    {
        ulong h = FeatureHash.Seed;
        foreach (char c in token) h = FeatureHash.Step(h, TokenText.Normalize(c));
        return FeatureHash.Finish(h, (ulong)token.Length);
    }
}
