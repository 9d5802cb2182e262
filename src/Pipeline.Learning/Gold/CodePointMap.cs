using Pipeline.Sdk;

namespace Pipeline.Learning.Gold;

/// <summary>
/// Converts offsets that count Unicode code points (Python str indices, used by most published
/// corpora) into UTF-16 offsets (C# string indices, used by every span here). They differ after
/// each character outside the Basic Multilingual Plane, which takes two UTF-16 units.
/// </summary>
public sealed class CodePointMap
{
    private readonly int[]? _utf16; // code point index -> UTF-16 index; null when the text has no surrogate pairs
    private readonly int _length;

    public CodePointMap(string text)
    {
        int pairs = 0;
        for (int i = 0; i + 1 < text.Length; i++)
            if (char.IsSurrogatePair(text[i], text[i + 1])) { pairs++; i++; }
        _length = text.Length - pairs;
        if (pairs == 0) return;
        _utf16 = new int[_length + 1];
        int cp = 0;
        for (int i = 0; i < text.Length; cp++)
        {
            _utf16[cp] = i;
            i += i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]) ? 2 : 1;
        }
        _utf16[_length] = text.Length;
    }

    /// <summary>Number of code points in the text.</summary>
    public int CodePointLength => _length;

    /// <summary>The UTF-16 offset of a code point offset (0..CodePointLength).</summary>
    /// <exception cref="FormatException">The offset is outside the text.</exception>
    public int ToUtf16(int codePointOffset)
    {
        if ((uint)codePointOffset > (uint)_length)
            throw new FormatException($"offset {codePointOffset} is outside the text ({_length} code points)");
        return _utf16 is null ? codePointOffset : _utf16[codePointOffset];
    }

    /// <summary>The code point offset of a UTF-16 offset (one inside a surrogate pair counts as the pair's start).</summary>
    public int ToCodePoint(int utf16Offset)
    {
        if (_utf16 is null) return utf16Offset;
        int index = Array.BinarySearch(_utf16, utf16Offset);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>A [start, end) code point range as a UTF-16 span.</summary>
    public TextSpan ToSpan(int start, int end)
    {
        if (end < start) throw new FormatException($"span [{start}, {end}) ends before it starts");
        return TextSpan.FromBounds(ToUtf16(start), ToUtf16(end));
    }
}
