using Pipeline.Sdk;

namespace Pipeline.Text.Segmenting;

/// <summary>Which side a quotation mark can take, from the characters around it.</summary>
[Flags]
internal enum Flanking : byte
{
    None = 0,
    /// <summary>Text follows and space or an opening bracket precedes: it can open.</summary>
    CanOpen = 1,
    /// <summary>Text precedes and space or punctuation follows: it can close.</summary>
    CanClose = 2,
}

/// <summary>What the quotation pairer decided a quotation mark does.</summary>
internal enum QuoteRole : byte
{
    None,
    Open,
    /// <summary>Reopens a quote continued from the previous paragraph.</summary>
    Reopen,
    Close,
}

/// <summary>A token while segmentation is in progress: mutable, with the scanner's extra facts.</summary>
internal struct RawToken
{
    public int Start;
    public int Length;
    public TokenKind Kind;
    public TokenFlags Flags;
    public Flanking Flanking;
    public QuoteRole Role;
    /// <summary>For a word that kept its final period: how that abbreviation behaves.</summary>
    public AbbreviationKind Abbreviation;
    /// <summary>First token after a line break.</summary>
    public bool LineStart;

    public readonly int End => Start + Length;
}

/// <summary>
/// Growable arrays reused across documents on the same thread, so that segmenting a document
/// allocates only its results.
/// </summary>
internal sealed class SegmentBuffer
{
    [ThreadStatic] private static SegmentBuffer? t_cached;
    private const int KeepTokens = 1 << 18;

    public RawToken[] Tokens = new RawToken[4096];
    public int TokenCount;
    /// <summary>Token index where each paragraph ends (exclusive); paragraph p starts where p-1 ends.</summary>
    public int[] ParagraphEnds = new int[256];
    public int ParagraphCount;
    public Sentence[] Sentences = new Sentence[256];
    public int SentenceCount;

    public static SegmentBuffer Rent()
    {
        var buffer = t_cached ?? new SegmentBuffer();
        t_cached = null;
        buffer.TokenCount = buffer.ParagraphCount = buffer.SentenceCount = 0;
        return buffer;
    }

    public static void Return(SegmentBuffer buffer)
    {
        if (buffer.Tokens.Length <= KeepTokens) t_cached = buffer; // a huge document's arrays are not kept
    }

    public ref RawToken Add(int start, int length, TokenKind kind, TokenFlags flags)
    {
        if (TokenCount == Tokens.Length) Array.Resize(ref Tokens, Tokens.Length * 2);
        ref var t = ref Tokens[TokenCount++];
        t = new RawToken { Start = start, Length = length, Kind = kind, Flags = flags };
        return ref t;
    }

    public void EndParagraph() => EndParagraphBefore(TokenCount);

    /// <summary>Ends the open paragraph before token <paramref name="token"/> (nothing when it would be empty).</summary>
    public void EndParagraphBefore(int token)
    {
        int start = ParagraphCount == 0 ? 0 : ParagraphEnds[ParagraphCount - 1];
        if (token <= start) return;
        if (ParagraphCount == ParagraphEnds.Length) Array.Resize(ref ParagraphEnds, ParagraphEnds.Length * 2);
        ParagraphEnds[ParagraphCount++] = token;
    }

    public int ParagraphStart(int paragraph) => paragraph == 0 ? 0 : ParagraphEnds[paragraph - 1];

    public void AddSentence(Sentence sentence)
    {
        if (SentenceCount == Sentences.Length) Array.Resize(ref Sentences, Sentences.Length * 2);
        Sentences[SentenceCount++] = sentence;
    }
}
