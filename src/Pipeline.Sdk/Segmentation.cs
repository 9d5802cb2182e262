using System.Collections.Immutable;

namespace Pipeline.Sdk;

/// <summary>What kind of text a token is; decided once by the segmenter.</summary>
public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    /// <summary>A quotation mark or an apostrophe used as one.</summary>
    QuoteMark,
    Symbol,
    Url,
    Email,
    Hashtag,
    Mention,
    /// <summary>A clitic split off a word: possessive 's, n't, 're, 'll...</summary>
    Clitic,
}

/// <summary>Cheap orthographic facts about a token, computed during segmentation.</summary>
[Flags]
public enum TokenFlags : ushort
{
    None = 0,
    /// <summary>Whitespace precedes the token.</summary>
    SpaceBefore = 1 << 0,
    /// <summary>First letter is upper case.</summary>
    Capitalized = 1 << 1,
    /// <summary>Every letter is upper case (and there are at least one).</summary>
    AllUpper = 1 << 2,
    /// <summary>Every letter is lower case (and there are at least one).</summary>
    AllLower = 1 << 3,
    HasDigit = 1 << 4,
    HasHyphen = 1 << 5,
    HasPeriod = 1 << 6,
    /// <summary>First token of its sentence.</summary>
    SentenceStart = 1 << 7,
    /// <summary>First token of its paragraph.</summary>
    ParagraphStart = 1 << 8,
    /// <summary>Inside a quotation-mark pair.</summary>
    InQuotation = 1 << 9,
}

/// <summary>A token: its span, its kind and its orthographic flags.</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind, TokenFlags Flags)
{
    public bool Has(TokenFlags flag) => (Flags & flag) == flag;
}

/// <summary>A sentence: its span and the range of its tokens.</summary>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int TokenCount, int Paragraph)
{
    public int EndToken => FirstToken + TokenCount;
}

/// <summary>A paragraph: its span and the range of its sentences.</summary>
public readonly record struct Paragraph(TextSpan Span, int FirstSentence, int SentenceCount)
{
    public int EndSentence => FirstSentence + SentenceCount;
}

public enum QuoteMarkStyle : byte
{
    /// <summary>"straight double"</summary>
    StraightDouble,
    /// <summary>'straight single'</summary>
    StraightSingle,
    /// <summary>“curly double”</summary>
    CurlyDouble,
    /// <summary>‘curly single’</summary>
    CurlySingle,
    /// <summary>«guillemets» (either direction)</summary>
    Guillemet,
    /// <summary>‹single guillemets›</summary>
    SingleGuillemet,
    /// <summary>„low-high“ (German style)</summary>
    LowDouble,
}

/// <summary>
/// A pair of quotation marks and what they enclose. A quote continued over several paragraphs
/// (news convention: each paragraph reopens, only the last one closes) is one pair whose
/// <see cref="Segments"/> hold one content segment per paragraph.
/// </summary>
public sealed record QuotationPair
{
    /// <summary>The opening mark.</summary>
    public required TextSpan Open { get; init; }
    /// <summary>The closing mark; empty when the quote was never closed.</summary>
    public required TextSpan Close { get; init; }
    public required QuoteMarkStyle Style { get; init; }
    /// <summary>0 for an outermost quote, 1 for a quote inside it...</summary>
    public int Depth { get; init; }
    public bool IsClosed => !Close.IsEmpty;
    /// <summary>Content between the marks, one segment per paragraph it spans, marks excluded.</summary>
    public required ImmutableArray<TextSpan> Segments { get; init; }
    /// <summary>From the opening mark to the closing mark (or the last segment), marks included.</summary>
    public TextSpan Span => TextSpan.FromBounds(Open.Start, IsClosed ? Close.End : Segments[^1].End);
    /// <summary>Hull of the content, marks excluded.</summary>
    public TextSpan Content => TextSpan.FromBounds(Segments[0].Start, Segments[^1].End);
}
