using System.Globalization;
using System.Runtime.CompilerServices;
using Pipeline.Sdk;

namespace Pipeline.Text.Segmenting;

/// <summary>Character classes the scanner needs, with an ASCII table for the common case.</summary>
internal static class CharInfo
{
    private const byte Letter = 1, Upper = 2, Lower = 4, Digit = 8, Space = 16;

    private static readonly byte[] s_ascii = BuildAscii();

    private static byte[] BuildAscii()
    {
        var t = new byte[128];
        for (int c = 0; c < 128; c++)
        {
            if (c is >= 'A' and <= 'Z') t[c] = Letter | Upper;
            else if (c is >= 'a' and <= 'z') t[c] = Letter | Lower;
            else if (c is >= '0' and <= '9') t[c] = Digit;
            else if (c <= ' ' || c == 0x7F) t[c] = Space; // control characters separate tokens like spaces
        }
        return t;
    }

    /// <summary>Whitespace, control characters, and invisible separators (zero-width space, BOM).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) =>
        c < 128 ? (s_ascii[c] & Space) != 0 : char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF' || char.IsControl(c);

    /// <summary>A letter, a digit, or a combining mark: what words are made of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAlnum(char c) => c < 128 ? (s_ascii[c] & (Letter | Digit)) != 0 : IsAlnumSlow(c);

    private static bool IsAlnumSlow(char c)
    {
        if (char.IsSurrogate(c)) return false; // handled by the scanner as whole code points
        var cat = char.GetUnicodeCategory(c);
        return cat <= UnicodeCategory.OtherNumber && cat != UnicodeCategory.EnclosingMark
            || c == '\u00AD'; // soft hyphen stays inside its word
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c) => c < 128 ? (s_ascii[c] & Letter) != 0 : char.IsLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUpper(char c) => c < 128 ? (s_ascii[c] & Upper) != 0 : char.IsUpper(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLower(char c) => c < 128 ? (s_ascii[c] & Lower) != 0 : char.IsLower(c);

    private const byte ShapeUpper = 1, ShapeLower = 2, ShapeDigit = 4, ShapePeriod = 8, ShapeHyphen = 16;
    private static readonly byte[] s_shapeAscii = BuildShapeAscii();

    private static byte[] BuildShapeAscii()
    {
        var t = new byte[128];
        for (int c = 0; c < 128; c++)
            t[c] = c switch
            {
                >= 'A' and <= 'Z' => ShapeUpper,
                >= 'a' and <= 'z' => ShapeLower,
                >= '0' and <= '9' => ShapeDigit,
                '.' => ShapePeriod,
                '-' => ShapeHyphen,
                _ => 0,
            };
        return t;
    }

    private static byte ShapeOf(char c) =>
        c < 128 ? s_shapeAscii[c]
        : char.IsUpper(c) ? ShapeUpper : char.IsLower(c) ? ShapeLower : char.IsDigit(c) ? ShapeDigit
        : IsHyphen(c) ? ShapeHyphen : (byte)0;

    /// <summary>The orthographic flags of the text [start, end): case, digits, hyphens, periods.</summary>
    public static TokenFlags Orthography(string text, int start, int end)
    {
        int shape = 0;
        for (int i = start; i < end; i++) shape |= ShapeOf(text[i]);
        var flags = TokenFlags.None;
        if ((shape & ShapeDigit) != 0) flags |= TokenFlags.HasDigit;
        if ((shape & ShapePeriod) != 0) flags |= TokenFlags.HasPeriod;
        if ((shape & ShapeHyphen) != 0) flags |= TokenFlags.HasHyphen;
        switch (shape & (ShapeUpper | ShapeLower))
        {
            case ShapeUpper: flags |= TokenFlags.AllUpper | TokenFlags.Capitalized; break;
            case ShapeLower: flags |= TokenFlags.AllLower; break;
            case ShapeUpper | ShapeLower:
                int i = start;
                while ((ShapeOf(text[i]) & (ShapeUpper | ShapeLower)) == 0) i++;
                if (ShapeOf(text[i]) == ShapeUpper) flags |= TokenFlags.Capitalized;
                break;
        }
        return flags;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    public static bool IsDash(char c) => c is '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2E3A' or '\u2E3B';

    public static bool IsQuoteChar(char c) =>
        c is '"' or '\'' or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' or '\u2039' or '\u203A';

    public static bool IsOpeningBracket(char c) => c is '(' or '[' or '{';

    public static bool IsClosingBracket(char c) => c is ')' or ']' or '}';

    /// <summary>Symbols (currency, maths, other) as opposed to punctuation.</summary>
    public static bool IsSymbol(char c)
    {
        if (c < 128) return c is '$' or '%' or '+' or '<' or '=' or '>' or '^' or '|' or '~' or '&' or '#' or '@' or '`';
        var cat = char.GetUnicodeCategory(c);
        return cat is UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
            or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;
    }
}
