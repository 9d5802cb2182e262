using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Text;

/// <summary>
/// Splits text into paragraphs, sentences, tokens and quotation-mark pairs. Thread-safe.
/// (Initial version: whitespace and punctuation split, sentence ends at . ! ?, paragraphs at blank lines.)
/// </summary>
public sealed class Segmenter
{
    public static readonly Segmenter Default = new();

    public Segmentation Segment(string text)
    {
        var tokens = ImmutableArray.CreateBuilder<Token>();
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var paragraphs = ImmutableArray.CreateBuilder<Paragraph>();
        int i = 0, n = text.Length;
        while (i < n)
        {
            while (i < n && char.IsWhiteSpace(text[i])) i++;
            if (i >= n) break;
            int pEnd = text.IndexOf("\n\n", i, StringComparison.Ordinal);
            if (pEnd < 0) pEnd = n;
            int pStart = i, firstSentence = sentences.Count;
            int sStart = -1, firstToken = tokens.Count;
            while (i < pEnd)
            {
                if (char.IsWhiteSpace(text[i])) { i++; continue; }
                int start = i;
                TokenKind kind;
                if (char.IsLetterOrDigit(text[i]))
                {
                    while (i < pEnd && char.IsLetterOrDigit(text[i])) i++;
                    kind = char.IsDigit(text[start]) ? TokenKind.Number : TokenKind.Word;
                }
                else { i++; kind = text[start] is '"' or '“' or '”' ? TokenKind.QuoteMark : TokenKind.Punctuation; }
                if (sStart < 0) { sStart = start; firstToken = tokens.Count; }
                tokens.Add(new Token(new TextSpan(start, i - start), kind, TokenFlags.None));
                if (text[start] is '.' or '!' or '?' || i >= pEnd)
                {
                    sentences.Add(new Sentence(TextSpan.FromBounds(sStart, i), firstToken, tokens.Count - firstToken, paragraphs.Count));
                    sStart = -1;
                }
            }
            if (sStart >= 0)
                sentences.Add(new Sentence(TextSpan.FromBounds(sStart, tokens[^1].Span.End), firstToken, tokens.Count - firstToken, paragraphs.Count));
            if (sentences.Count > firstSentence)
                paragraphs.Add(new Paragraph(TextSpan.FromBounds(pStart, tokens[^1].Span.End), firstSentence, sentences.Count - firstSentence));
            i = pEnd;
        }
        return new Segmentation(tokens.ToImmutable(), sentences.ToImmutable(), paragraphs.ToImmutable(), []);
    }
}
