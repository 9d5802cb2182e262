using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Text.Segmenting;

/// <summary>
/// Pairs quotation marks over the whole document with a stack, so quotes nest. Straight marks are
/// told apart by the characters around them; a closing ’ or ' with no quote to close is an
/// apostrophe (students’). A quote still open at the end of a paragraph continues when the next
/// paragraph opens again with the same mark (the news convention); otherwise it ends there, unclosed.
/// A double quote still open when a sentence opens again with the same mark continues the same way:
/// text whose paragraph breaks were lost (`... 26 weeks. "We are going ...`) keeps the convention,
/// and English nests single marks inside double ones, never a double mark inside its own kind.
/// A straight double mark and a curly one close each other when the copy mixes them, and a
/// closing straight ' closes a ‘ that is the innermost quote open.
/// </summary>
internal sealed class QuotationPairer
{
    private struct OpenQuote
    {
        public int Token;
        public QuoteMarkStyle Style;
        /// <summary>The opening character, for marks used in both directions (« » ‹ ›, ” as an opener).</summary>
        public char Mark;
        public int Depth;
        public int SegmentStart;
        public int SegmentFirstToken;
        public ImmutableArray<TextSpan>.Builder? EarlierSegments;
    }

    private readonly List<OpenQuote> _stack = [];
    private readonly List<QuotationPair> _pairs = [];
    private string _text = "";
    private SegmentBuffer _buffer = null!;

    [ThreadStatic] private static QuotationPairer? t_instance;

    public static ImmutableArray<QuotationPair> Pair(string text, SegmentBuffer buffer)
    {
        var pairer = t_instance ??= new QuotationPairer();
        pairer._text = text;
        pairer._buffer = buffer;
        try { return pairer.Run(); }
        finally
        {
            pairer._stack.Clear();
            pairer._pairs.Clear();
            pairer._text = "";
            pairer._buffer = null!;
        }
    }

    private ImmutableArray<QuotationPair> Run()
    {
        var tokens = _buffer.Tokens;
        for (int p = 0; p < _buffer.ParagraphCount; p++)
        {
            int first = _buffer.ParagraphStart(p), end = _buffer.ParagraphEnds[p];
            for (int t = first; t < end; t++)
                if (tokens[t].Kind == TokenKind.QuoteMark && tokens[t].Role != QuoteRole.Reopen) OnMark(t);
            EndParagraph(p, end);
        }
        if (_pairs.Count == 0) return [];
        _pairs.Sort(static (a, b) => a.Open.Start.CompareTo(b.Open.Start));
        return [.. _pairs];
    }

    private void OnMark(int t)
    {
        ref var token = ref _buffer.Tokens[t];
        char c = _text[token.Start];
        var f = token.Flanking;
        bool openOnly = f == Flanking.CanOpen, closeOnly = f == Flanking.CanClose;
        if (openOnly && ContinuesInParagraph(t))
        {
            Reopen(t);
            return;
        }
        switch (c)
        {
            case '"':
                if (f == Flanking.None && InsideWord(token)) break; // India"s: an apostrophe typed as a double mark (Reuters-21578)
                if (openOnly) Open(t, QuoteMarkStyle.StraightDouble, c);
                // Web copy mixes its marks ("“We are not blind to those," wrote The Post): a closing " may close a “.
                else if (closeOnly) _ = TryClose(t, QuoteMarkStyle.StraightDouble) || TryClose(t, QuoteMarkStyle.CurlyDouble);
                else if (!TryClose(t, QuoteMarkStyle.StraightDouble)) Open(t, QuoteMarkStyle.StraightDouble, c);
                break;
            case '\'':
                if (openOnly) Open(t, QuoteMarkStyle.StraightSingle, c);
                // Web copy mixes its marks ("‘butter is back.'"): a closing ' may close a ‘ left open.
                else if (!TryClose(t, QuoteMarkStyle.StraightSingle) && !(closeOnly && InnermostIs(QuoteMarkStyle.CurlySingle) && TryClose(t, QuoteMarkStyle.CurlySingle)))
                    AsApostrophe(ref token);
                break;
            case '\u2018': // ‘
                if (closeOnly) TryClose(t, QuoteMarkStyle.CurlySingle); // ‘ typed for ’
                else Open(t, QuoteMarkStyle.CurlySingle, c);
                break;
            case '\u2019' when token.Length == 2: // ’’ typed for ” (TokenScanner); else it closes a single quote
                _ = TryClose(t, QuoteMarkStyle.CurlyDouble) || TryClose(t, QuoteMarkStyle.StraightDouble) || TryClose(t, QuoteMarkStyle.CurlySingle);
                break;
            case '\u2019': // ’
                if (openOnly || !TryClose(t, QuoteMarkStyle.CurlySingle)) AsApostrophe(ref token);
                break;
            case '\u201C': // “ opens, or closes „ (German)
                if (closeOnly && (TryClose(t, QuoteMarkStyle.LowDouble) || TryClose(t, QuoteMarkStyle.CurlyDouble))) break;
                Open(t, QuoteMarkStyle.CurlyDouble, c);
                break;
            case '\u201D': // ” closes “ or „, or a " where copy mixes its marks; opens only where nothing is open to close (”Swedish”)
                if (TryClose(t, QuoteMarkStyle.CurlyDouble) || TryClose(t, QuoteMarkStyle.LowDouble) || TryClose(t, QuoteMarkStyle.StraightDouble)) break;
                if (openOnly) Open(t, QuoteMarkStyle.CurlyDouble, c);
                break;
            case '\u201E': // „
                Open(t, QuoteMarkStyle.LowDouble, c);
                break;
            case '\u00AB' or '\u00BB': // « » either way round: the first one seen opens
                if (!TryClose(t, QuoteMarkStyle.Guillemet, c == '\u00AB' ? '\u00BB' : '\u00AB')) Open(t, QuoteMarkStyle.Guillemet, c);
                break;
            case '\u2039' or '\u203A': // ‹ ›
                if (!TryClose(t, QuoteMarkStyle.SingleGuillemet, c == '\u2039' ? '\u203A' : '\u2039')) Open(t, QuoteMarkStyle.SingleGuillemet, c);
                break;
        }
    }

    private bool InnermostIs(QuoteMarkStyle style) => _stack.Count > 0 && _stack[^1].Style == style;

    /// <summary>Whether the mark stands between two letters: no quotation opens or closes inside a word.</summary>
    private bool InsideWord(in RawToken token) =>
        token.Start > 0 && token.Start + 1 < _text.Length && CharInfo.IsLetter(_text[token.Start - 1]) && CharInfo.IsLetter(_text[token.Start + 1]);

    /// <summary>A closing single mark with nothing to close: a possessive after a word (students’), else a stray mark.</summary>
    private void AsApostrophe(ref RawToken token)
    {
        if (token.Flanking == Flanking.CanClose && token.Start > 0 && CharInfo.IsLetter(_text[token.Start - 1]))
            token.Kind = TokenKind.Clitic;
    }

    private void Open(int t, QuoteMarkStyle style, char mark)
    {
        ref var token = ref _buffer.Tokens[t];
        token.Role = QuoteRole.Open;
        _stack.Add(new OpenQuote
        {
            Token = t, Style = style, Mark = mark, Depth = _stack.Count,
            SegmentStart = token.End, SegmentFirstToken = t + 1,
        });
    }

    /// <summary>Closes the innermost open quote of this style (and, for « », opened by <paramref name="opener"/>).</summary>
    private bool TryClose(int t, QuoteMarkStyle style, char opener = '\0')
    {
        int k = _stack.Count - 1;
        while (k >= 0 && !(_stack[k].Style == style && (opener == '\0' || _stack[k].Mark == opener))) k--;
        if (k < 0) return false;
        ref var mark = ref _buffer.Tokens[t];
        int contentEnd = t > _stack[^1].SegmentFirstToken ? _buffer.Tokens[t - 1].End : mark.Start;
        while (_stack.Count - 1 > k) EndUnclosed(contentEnd, t);
        mark.Role = QuoteRole.Close;
        Finish(_stack[k], TextSpan.FromBounds(_stack[k].SegmentStart, mark.Start), t, new TextSpan(mark.Start, mark.Length));
        _stack.RemoveAt(k);
        return true;
    }

    /// <summary>Ends the innermost open quote without a closing mark; a lone straight ' was an apostrophe after all.</summary>
    private void EndUnclosed(int contentEnd, int endToken)
    {
        var quote = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        if (quote.Style == QuoteMarkStyle.StraightSingle)
        {
            _buffer.Tokens[quote.Token].Role = QuoteRole.None;
            return;
        }
        int end = Math.Max(contentEnd, quote.SegmentStart);
        Finish(quote, TextSpan.FromBounds(quote.SegmentStart, end), endToken, new TextSpan(end, 0));
    }

    private void EndParagraph(int paragraph, int endToken)
    {
        if (_stack.Count == 0) return;
        int contentEnd = _buffer.Tokens[endToken - 1].End;
        while (_stack.Count > 1) EndUnclosed(contentEnd, endToken);
        if (paragraph + 1 < _buffer.ParagraphCount && Reopens(_stack[0], endToken)) Reopen(endToken);
        else EndUnclosed(contentEnd, endToken);
    }

    /// <summary>
    /// Whether the opening mark <paramref name="t"/> continues the innermost open quote: a double
    /// mark of its kind opening a sentence (after . ? or !) while that quote is open.
    /// </summary>
    private bool ContinuesInParagraph(int t)
    {
        if (_stack.Count == 0 || t == 0) return false;
        var quote = _stack[^1];
        if (quote.Style is not (QuoteMarkStyle.StraightDouble or QuoteMarkStyle.CurlyDouble) || !Reopens(quote, t)) return false;
        ref var before = ref _buffer.Tokens[t - 1];
        return before.End < _buffer.Tokens[t].Start && _text[before.End - 1] is '.' or '?' or '!';
    }

    /// <summary>Ends the innermost open quote's segment before mark <paramref name="t"/>, which opens its next segment.</summary>
    private void Reopen(int t)
    {
        var tokens = _buffer.Tokens;
        var quote = _stack[^1];
        int contentEnd = t > quote.SegmentFirstToken ? tokens[t - 1].End : quote.SegmentStart;
        quote.EarlierSegments ??= ImmutableArray.CreateBuilder<TextSpan>();
        quote.EarlierSegments.Add(TextSpan.FromBounds(quote.SegmentStart, Math.Max(contentEnd, quote.SegmentStart)));
        MarkInQuotation(quote.SegmentFirstToken, t);
        ref var reopen = ref tokens[t];
        reopen.Role = QuoteRole.Reopen;
        quote.SegmentStart = reopen.End;
        quote.SegmentFirstToken = t + 1;
        _stack[^1] = quote;
    }

    /// <summary>Whether the token starting the next paragraph opens a quote of the same style as <paramref name="quote"/>.</summary>
    private bool Reopens(in OpenQuote quote, int t)
    {
        ref var token = ref _buffer.Tokens[t];
        if (token.Kind != TokenKind.QuoteMark || (token.Flanking & Flanking.CanOpen) == 0) return false;
        char c = _text[token.Start];
        return quote.Style switch
        {
            QuoteMarkStyle.StraightDouble or QuoteMarkStyle.StraightSingle => c == quote.Mark,
            QuoteMarkStyle.CurlyDouble => c is '\u201C' || c == quote.Mark,
            QuoteMarkStyle.CurlySingle => c == '\u2018',
            QuoteMarkStyle.LowDouble => c == '\u201E',
            _ => c == quote.Mark,
        };
    }

    private void Finish(in OpenQuote quote, TextSpan lastSegment, int endToken, TextSpan close)
    {
        MarkInQuotation(quote.SegmentFirstToken, endToken);
        ImmutableArray<TextSpan> segments;
        if (quote.EarlierSegments is { } earlier)
        {
            earlier.Add(lastSegment);
            segments = earlier.ToImmutable();
        }
        else segments = [lastSegment];
        var open = _buffer.Tokens[quote.Token];
        _pairs.Add(new QuotationPair
        {
            Open = new TextSpan(open.Start, open.Length),
            Close = close,
            Style = quote.Style,
            Depth = quote.Depth,
            Segments = segments,
        });
    }

    private void MarkInQuotation(int firstToken, int endToken)
    {
        var tokens = _buffer.Tokens;
        for (int i = firstToken; i < endToken; i++) tokens[i].Flags |= TokenFlags.InQuotation;
    }
}
