using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pipeline.Sdk;

namespace Pipeline.Text.Segmenting;

/// <summary>Character classes the scanner needs: one table lookup for ASCII, Unicode categories beyond.</summary>
internal static class CharInfo
{
    /// <summary>Bits of a character class.</summary>
    public const byte Letter = 1, Upper = 2, Lower = 4, Digit = 8, Space = 16, Period = 32, Hyphen = 64,
        /// <summary>A combining mark or soft hyphen: inside a word, but neither letter nor digit.</summary>
        Mark = 128;

    public const byte WordChar = Letter | Digit | Mark;

    private static readonly byte[] s_ascii = BuildAscii();

    private static byte[] BuildAscii()
    {
        var t = new byte[128];
        for (int c = 0; c < 128; c++)
            t[c] = c switch
            {
                >= 'A' and <= 'Z' => Letter | Upper,
                >= 'a' and <= 'z' => Letter | Lower,
                >= '0' and <= '9' => Digit,
                '.' => Period,
                '-' => Hyphen,
                <= ' ' or 0x7F => Space, // control characters separate tokens like spaces
                _ => 0,
            };
        return t;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Class(char c) =>
        c < 128 ? Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s_ascii), c) : ClassSlow(c);

    private static byte ClassSlow(char c)
    {
        if (char.IsSurrogate(c)) return 0; // the scanner reads surrogate pairs as whole code points
        switch (char.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter: return Letter | Upper;
            case UnicodeCategory.LowercaseLetter: return Letter | Lower;
            case UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter: return Letter;
            case UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber: return Digit;
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark: return Mark;
            case UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control: return Space;
        }
        return c switch
        {
            '\u00AD' => Mark, // soft hyphen stays inside its word
            '\u200B' or '\uFEFF' => Space, // zero-width space, byte order mark
            '\u2010' or '\u2011' => Hyphen,
            _ => 0,
        };
    }

    /// <summary>Whitespace, control characters, and invisible separators (zero-width space, BOM).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => (Class(c) & Space) != 0;

    /// <summary>A letter, a digit, or a combining mark: what words are made of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAlnum(char c) => (Class(c) & WordChar) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c) => (Class(c) & Letter) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUpper(char c) => (Class(c) & Upper) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLower(char c) => (Class(c) & Lower) != 0;

    /// <summary>The orthographic flags of the text [start, end): case, digits, hyphens, periods.</summary>
    public static TokenFlags Orthography(string text, int start, int end)
    {
        int shape = 0;
        for (int i = start; i < end; i++) shape |= Class(text[i]);
        return FlagsFromShape(text, start, shape);
    }

    /// <summary>The orthographic flags of a token starting at <paramref name="start"/> whose character classes OR to <paramref name="shape"/>.</summary>
    public static TokenFlags FlagsFromShape(string text, int start, int shape)
    {
        var flags = TokenFlags.None;
        if ((shape & Digit) != 0) flags |= TokenFlags.HasDigit;
        if ((shape & Period) != 0) flags |= TokenFlags.HasPeriod;
        if ((shape & Hyphen) != 0) flags |= TokenFlags.HasHyphen;
        switch (shape & (Upper | Lower))
        {
            case Upper:
                flags |= TokenFlags.AllUpper | TokenFlags.Capitalized;
                break;
            case Lower:
                flags |= TokenFlags.AllLower;
                break;
            case Upper | Lower:
                int i = start;
                while ((Class(text[i]) & (Upper | Lower)) == 0) i++; // the first cased letter decides
                if ((Class(text[i]) & Upper) != 0) flags |= TokenFlags.Capitalized;
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
