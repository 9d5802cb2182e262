using System.Text;
using System.Text.Unicode;

namespace Pipeline.Text.Reading;

/// <summary>
/// Turns file bytes into text: UTF-8 with or without a byte order mark, UTF-16 LE or BE with one,
/// and Windows-1252 when the bytes are not valid UTF-8. Line ends become "\n".
/// </summary>
public static class TextDecoder
{
    private static readonly Encoding s_windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>How many leading bytes <see cref="IsBinary"/> looks at.</summary>
    public const int SniffLength = 8192;

    /// <summary>What <see cref="Decode"/> warns of when it falls back to Windows-1252.</summary>
    public const string LegacyWarning = "not valid UTF-8; read as Windows-1252";

    /// <summary>
    /// The decoded text, or null with a reason when the bytes are not text. <paramref name="warning"/>
    /// is <see cref="LegacyWarning"/> when the bytes were not valid UTF-8 (the text may be wrong).
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? reason, out string? warning)
    {
        reason = null;
        warning = null;
        string text;
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) text = Encoding.UTF8.GetString(bytes[3..]);
        else if (bytes is [0xFF, 0xFE, ..]) text = Encoding.Unicode.GetString(bytes[2..]);
        else if (bytes is [0xFE, 0xFF, ..]) text = Encoding.BigEndianUnicode.GetString(bytes[2..]);
        else if (IsBinary(bytes[..Math.Min(bytes.Length, SniffLength)]))
        {
            reason = "binary file (not text)";
            return null;
        }
        else if (Utf8.IsValid(bytes)) text = Encoding.UTF8.GetString(bytes);
        else
        {
            text = s_windows1252.GetString(bytes);
            warning = LegacyWarning;
        }
        if (text.Contains('\0'))
        {
            reason = "binary file (not text)";
            return null;
        }
        return NormalizeLineEnds(text);
    }

    /// <summary>
    /// Whether the first bytes of a file without a byte order mark look binary: a NUL byte, or
    /// more than one in ten bytes a control character other than tab, line feed, form feed and carriage return.
    /// </summary>
    public static bool IsBinary(ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0)) return true;
        int control = 0;
        foreach (byte b in head)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)) control++;
        return control * 10 > head.Length;
    }

    public static string NormalizeLineEnds(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
}
