using Pipeline.Analyzers.Hedging.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging.Ml;

/// <summary>
/// Per-document views of the tokens the features read: lower-cased text and a crude stem in one
/// character arena, and each token's lexicon tag. Built once per document, no allocation per token.
/// </summary>
public sealed class TokenTable
{
    private const int MinStem = 3;
    private static readonly string[] Suffixes = ["ingly", "edly", "ing", "ed", "es", "ly", "s", "e", "y"];

    private readonly char[] _arena;
    private readonly int[] _start;
    private readonly int[] _stemLength;

    public TokenTable(Document doc, HedgeLexicon lexicon)
    {
        Document = doc;
        int n = doc.Tokens.Length, total = 0;
        foreach (var t in doc.Tokens) total += t.Span.Length;
        _arena = new char[total];
        _start = new int[n + 1];
        _stemLength = new int[n];
        for (int i = 0, at = 0; i < n; i++)
        {
            _start[i] = at;
            var dest = _arena.AsSpan(at, doc.Tokens[i].Span.Length);
            LexiconCueDetector.LowerCase(doc.TokenText(i), dest);
            _stemLength[i] = StemLength(dest);
            at += dest.Length;
        }
        _start[n] = total;
        LexiconTags = LexiconTagger.Tag(doc, lexicon);
    }

    public Document Document { get; }
    public int Count => _stemLength.Length;

    /// <summary>Per token: 0 outside any lexicon entry, else <see cref="LexiconTagger"/>'s code.</summary>
    public byte[] LexiconTags { get; }

    public ReadOnlySpan<char> Lower(int i) => _arena.AsSpan(_start[i], _start[i + 1] - _start[i]);
    public ReadOnlySpan<char> Stem(int i) => _arena.AsSpan(_start[i], _stemLength[i]);

    private static int StemLength(ReadOnlySpan<char> lower)
    {
        foreach (var suffix in Suffixes)
            if (lower.Length - suffix.Length >= MinStem && lower.EndsWith(suffix, StringComparison.Ordinal))
                return lower.Length - suffix.Length;
        return lower.Length;
    }
}

/// <summary>Marks each token with the lexicon entry covering it: its type, and whether it begins the entry.</summary>
public static class LexiconTagger
{
    public const byte Exception = 1;

    /// <summary>The tag of a token starting (or continuing) a cue of <paramref name="type"/>.</summary>
    public static byte CueTag(HedgeType type, bool begins) => (byte)(2 + (int)type * 2 + (begins ? 0 : 1));

    /// <summary>The cue type of a tag and whether it begins the entry; false for no tag or an exception.</summary>
    public static bool TryReadCueTag(byte tag, out HedgeType type, out bool begins)
    {
        type = (HedgeType)((tag - 2) / 2);
        begins = (tag - 2) % 2 == 0;
        return tag >= 2;
    }

    public static byte[] Tag(Document doc, HedgeLexicon lexicon)
    {
        var tags = new byte[doc.Tokens.Length];
        var detector = new LexiconCueDetector(lexicon, "");
        Span<char> buffer = stackalloc char[lexicon.MaxTokenLength];
        foreach (var sentence in doc.Sentences)
        {
            int i = sentence.FirstToken;
            while (i < sentence.EndToken)
            {
                var (entry, end) = detector.LongestMatch(doc, sentence, i, buffer);
                if (entry is null) { i++; continue; }
                for (int k = i; k < end; k++)
                    tags[k] = entry.IsException ? Exception : CueTag(entry.Type!.Value, k == i);
                i = end;
            }
        }
        return tags;
    }
}
