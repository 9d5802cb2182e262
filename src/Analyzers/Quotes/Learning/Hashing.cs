namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>Stable (cross-process) hashes of token texts, used as feature values.</summary>
internal static class Hashing
{
    /// <summary>FNV-1a of the lower-cased UTF-16 units.</summary>
    public static int Lower(ReadOnlySpan<char> text)
    {
        uint h = 2166136261;
        foreach (char c in text) h = (h ^ ToLower(c)) * 16777619;
        return (int)h;
    }

    // ASCII (nearly every character of English news) without the culture tables' call.
    private static char ToLower(char c) => c < 128 ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : char.ToLowerInvariant(c);

    /// <summary>FNV-1a of the last <paramref name="n"/> lower-cased units.</summary>
    public static int Suffix(ReadOnlySpan<char> text, int n) => Lower(text.Length <= n ? text : text[^n..]);

    /// <summary>Combines two values into one (for conjunction features).</summary>
    public static int Combine(int a, int b) => (int)((uint)a * 0x9E3779B1u ^ (uint)b * 0x85EBCA77u);
}
