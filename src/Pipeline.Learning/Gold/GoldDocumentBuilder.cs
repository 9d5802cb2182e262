using System.Collections.Immutable;
using System.Text;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Learning.Gold;

/// <summary>
/// Builds a document whose segmentation is the gold one: token-based formats add their tokens
/// (joined by single spaces unless told otherwise), sentence-based formats add whole sentences
/// (tokenised by the segmenter but kept as one sentence). Sentences are separated by
/// <see cref="SentenceSeparator"/>, paragraphs by a blank line.
/// </summary>
public sealed class GoldDocumentBuilder(string sentenceSeparator = " ")
{
    private readonly StringBuilder _text = new();
    private readonly ImmutableArray<Token>.Builder _tokens = ImmutableArray.CreateBuilder<Token>();
    private readonly ImmutableArray<Sentence>.Builder _sentences = ImmutableArray.CreateBuilder<Sentence>();
    private readonly ImmutableArray<Paragraph>.Builder _paragraphs = ImmutableArray.CreateBuilder<Paragraph>();
    private readonly ImmutableArray<QuotationPair>.Builder _quotations = ImmutableArray.CreateBuilder<QuotationPair>();
    private int _sentenceFirstToken = -1;
    private int _paragraphFirstSentence = -1;

    public string SentenceSeparator { get; } = sentenceSeparator;
    public bool IsEmpty => _tokens.Count == 0;
    public int TokenCount => _tokens.Count;
    public int SentenceCount => _sentences.Count;
    /// <summary>The last completed sentence.</summary>
    public Sentence LastSentence => _sentences[^1];

    /// <summary>Appends a gold token and returns its span.</summary>
    /// <param name="spaceBefore">False when the token follows the previous one without a space (CoNLL-U SpaceAfter=No).</param>
    public TextSpan AddToken(string token, bool spaceBefore = true)
    {
        if (string.IsNullOrEmpty(token)) throw new FormatException("empty token");
        bool sentenceStart = BeginSentence();
        if (!sentenceStart && spaceBefore) _text.Append(' ');
        var span = new TextSpan(_text.Length, token.Length);
        _text.Append(token);
        var (kind, flags) = TokenShape.Classify(token);
        _tokens.Add(new Token(span, kind, flags | PositionFlags(span.Start, sentenceStart)));
        return span;
    }

    /// <summary>
    /// Appends a whole sentence given as text (tokenised by the segmenter, kept as one sentence)
    /// and returns the offset where its text starts, to place its annotations.
    /// </summary>
    /// <exception cref="FormatException">The sentence has no tokens.</exception>
    public int AddSentence(string sentence)
    {
        var s = Segmenter.Default.Segment(sentence);
        if (s.Tokens.IsEmpty) throw new FormatException("empty sentence");
        EndSentence();
        BeginSentence();
        int offset = _text.Length;
        _text.Append(sentence);
        for (int i = 0; i < s.Tokens.Length; i++)
        {
            var t = s.Tokens[i];
            var span = new TextSpan(t.Span.Start + offset, t.Span.Length);
            var flags = t.Flags & ~(TokenFlags.SentenceStart | TokenFlags.ParagraphStart | TokenFlags.SpaceBefore);
            bool space = span.Start > 0 && char.IsWhiteSpace(_text[span.Start - 1]);
            _tokens.Add(t with { Span = span, Flags = flags | PositionFlags(span.Start, i == 0) | (space ? TokenFlags.SpaceBefore : 0) });
        }
        foreach (var q in s.Quotations)
            _quotations.Add(q with
            {
                Open = Shift(q.Open, offset),
                Close = q.IsClosed ? Shift(q.Close, offset) : q.Close,
                Segments = q.Segments.Select(x => Shift(x, offset)).ToImmutableArray(),
            });
        EndSentence();
        return offset;
    }

    /// <summary>Closes the current sentence (no-op when none is open).</summary>
    public void EndSentence()
    {
        if (_sentenceFirstToken < 0) return;
        int first = _sentenceFirstToken;
        var span = TextSpan.FromBounds(_tokens[first].Span.Start, _tokens[^1].Span.End);
        _sentences.Add(new Sentence(span, first, _tokens.Count - first, _paragraphs.Count));
        _sentenceFirstToken = -1;
    }

    /// <summary>Closes the current paragraph (no-op when none is open).</summary>
    public void EndParagraph()
    {
        EndSentence();
        if (_paragraphFirstSentence < 0) return;
        int first = _paragraphFirstSentence;
        var span = TextSpan.FromBounds(_sentences[first].Span.Start, _sentences[^1].Span.End);
        _paragraphs.Add(new Paragraph(span, first, _sentences.Count - first));
        _paragraphFirstSentence = -1;
    }

    public Document Build(DocumentMetadata metadata)
    {
        EndParagraph();
        string text = _text.ToString();
        return new Document(DocumentFactory.ContentHash(text), text, metadata,
            _tokens.ToImmutable(), _sentences.ToImmutable(), _paragraphs.ToImmutable(), _quotations.ToImmutable());
    }

    /// <summary>Opens a sentence (and a paragraph) if none is open, writing the separator; true when it did.</summary>
    private bool BeginSentence()
    {
        if (_sentenceFirstToken >= 0) return false;
        if (_paragraphFirstSentence < 0)
        {
            if (_text.Length > 0) _text.Append("\n\n");
            _paragraphFirstSentence = _sentences.Count;
        }
        else _text.Append(SentenceSeparator);
        _sentenceFirstToken = _tokens.Count;
        return true;
    }

    private TokenFlags PositionFlags(int start, bool sentenceStart)
    {
        var flags = TokenFlags.None;
        if (start > 0 && char.IsWhiteSpace(_text[start - 1])) flags |= TokenFlags.SpaceBefore;
        if (sentenceStart)
        {
            flags |= TokenFlags.SentenceStart;
            if (_sentences.Count == _paragraphFirstSentence) flags |= TokenFlags.ParagraphStart;
        }
        return flags;
    }

    private static TextSpan Shift(TextSpan span, int offset) => new(span.Start + offset, span.Length);
}
