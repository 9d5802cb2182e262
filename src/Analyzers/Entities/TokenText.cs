namespace Pipeline.Analyzers.Entities;

/// <summary>How token text is normalised before hashing, and the orthographic classes the features use.</summary>
internal static class TokenText
{
    /// <summary>Typographic variants folded to their ASCII form, so ’s and 's, “ and " hash alike.</summary>
    public static char Normalize(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u201B' or '`' or '\u00B4' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
        '\u2013' or '\u2014' or '\u2212' => '-',
        _ => c,
    };

    /// <summary>Capitalisation pattern of a token (a small code, used as a feature value).</summary>
    public static CapPattern Cap(ReadOnlySpan<char> token)
    {
        int upper = 0, lower = 0;
        bool firstUpper = false, firstSeen = false;
        foreach (char c in token)
        {
            if (!char.IsLetter(c)) continue;
            bool u = char.IsUpper(c);
            if (!firstSeen) { firstSeen = true; firstUpper = u; }
            if (u) upper++; else lower++;
        }
        if (upper + lower == 0) return CapPattern.NoLetters;
        if (upper == 0) return CapPattern.Lower;
        if (lower == 0) return upper == 1 ? CapPattern.SingleUpper : CapPattern.AllUpper;
        if (!firstUpper) return CapPattern.MixedLowerFirst;
        return upper == 1 ? CapPattern.Initial : CapPattern.MixedUpperFirst;
    }

    /// <summary>Shape class of a character: X upper, x lower, d digit, the character itself otherwise.</summary>
    public static char ShapeOf(char c) =>
        char.IsUpper(c) ? 'X' : char.IsLetter(c) ? 'x' : char.IsDigit(c) ? 'd' : Normalize(c);
}

internal enum CapPattern : byte
{
    NoLetters,
    Lower,
    /// <summary>Upper first letter, the rest lower ("Putin").</summary>
    Initial,
    SingleUpper,
    AllUpper,
    /// <summary>Upper first letter and more upper letters ("McDonald").</summary>
    MixedUpperFirst,
    /// <summary>Lower first letter and some upper ("iPhone").</summary>
    MixedLowerFirst,
}
