using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Pipeline.Sdk;
using Pipeline.Text.Segmenting;

namespace Pipeline.Text;

/// <summary>
/// Splits text into paragraphs (blank-line separated), sentences, tokens and quotation-mark pairs.
/// Thread-safe; each thread reuses its own working buffers, so a document costs only its results.
/// </summary>
/// <remarks>
/// Tokens follow UD English EWT: clitics split off (do + n't, Moscow + 's), hyphenated compounds
/// split (Putin - Lukashenka) except after prefixes (e-mail, re-election), abbreviations and
/// initials keep their period (U.S., Dr., J.), numbers keep their separators (1,000,000, 3.5),
/// and URLs, e-mail addresses, hashtags and mentions are single tokens.
/// </remarks>
public sealed class Segmenter
{
    public static readonly Segmenter Default = new();

    public Segmentation Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = SegmentBuffer.Rent();
        try
        {
            TokenScanner.Scan(text, buffer);
            var quotations = QuotationPairer.Pair(text, buffer);
            SentenceSplitter.Split(text, buffer);
            return new Segmentation(Tokens(buffer), Sentences(buffer), Paragraphs(buffer), quotations);
        }
        finally { SegmentBuffer.Return(buffer); }
    }

    private static ImmutableArray<Token> Tokens(SegmentBuffer buffer)
    {
        var tokens = new Token[buffer.TokenCount];
        for (int i = 0; i < tokens.Length; i++)
        {
            ref var raw = ref buffer.Tokens[i];
            tokens[i] = new Token(new TextSpan(raw.Start, raw.Length), raw.Kind, raw.Flags);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(tokens);
    }

    private static ImmutableArray<Sentence> Sentences(SegmentBuffer buffer) =>
        ImmutableCollectionsMarshal.AsImmutableArray(buffer.Sentences.AsSpan(0, buffer.SentenceCount).ToArray());

    private static ImmutableArray<Paragraph> Paragraphs(SegmentBuffer buffer)
    {
        var paragraphs = new Paragraph[buffer.ParagraphCount];
        var sentences = buffer.Sentences;
        for (int s = 0, p = 0; p < paragraphs.Length; p++)
        {
            int first = s;
            while (s < buffer.SentenceCount && sentences[s].Paragraph == p) s++;
            var span = TextSpan.FromBounds(sentences[first].Span.Start, sentences[s - 1].Span.End);
            paragraphs[p] = new Paragraph(span, first, s - first);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(paragraphs);
    }
}
