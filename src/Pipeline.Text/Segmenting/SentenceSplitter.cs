using Pipeline.Sdk;

namespace Pipeline.Text.Segmenting;

/// <summary>
/// Cuts each paragraph into sentences. A sentence ends after . ! ? … (with the closing quotes and
/// brackets that follow) when the next token can open a sentence: a capital, a digit, an opening
/// quote or bracket. After an abbreviation or an initial it ends only before a usual sentence
/// opener (The, He...), and never after a title (Mr., Gen., Jan.). A paragraph end always ends one.
/// A run of more than <see cref="MaxTokens"/> tokens without an end (a table, a list, text without
/// punctuation) is cut at its last line break before the limit, else after its last , ; or : in
/// the second half of the limit, else at the limit: analyzers work per sentence, and an unbounded one makes their cost quadratic.
/// </summary>
internal static class SentenceSplitter
{
    private enum Ending : byte { None, Terminator, Abbreviation }

    /// <summary>The most tokens a sentence may hold, far above the longest sentences of real news prose.</summary>
    public const int MaxTokens = 250;

    public static void Split(string text, SegmentBuffer buffer)
    {
        var tokens = buffer.Tokens;
        for (int p = 0; p < buffer.ParagraphCount; p++)
        {
            int first = buffer.ParagraphStart(p), end = buffer.ParagraphEnds[p], start = first;
            for (int t = first; t < end; t++)
            {
                if (t > start && tokens[t].LineStart && IsBullet(text[tokens[t].Start]))
                {
                    Add(text, buffer, start, t, p, first);
                    start = t;
                }
                var ending = EndingOf(text, tokens[t]);
                if (ending == Ending.None) continue;
                int next = t + 1;
                while (next < end && IsCloser(text, tokens[next])) next++;
                if (next == end) break;
                bool split = ending == Ending.Terminator
                    ? StartsSentence(text, tokens[next]) || next == t + 1 && LowerCaseOpener(text, tokens[t], tokens[next])
                    : tokens[t].Abbreviation == AbbreviationKind.General && OpensSentenceAfterAbbreviation(text, tokens, next, end);
                if (split)
                {
                    Add(text, buffer, start, next, p, first);
                    start = next;
                }
                t = next - 1;
            }
            Add(text, buffer, start, end, p, first);
        }
    }

    private static void Add(string text, SegmentBuffer buffer, int start, int end, int paragraph, int paragraphStart)
    {
        while (end - start > MaxTokens)
        {
            int cut = BoundedEnd(text, buffer.Tokens, start);
            AddOne(buffer, start, cut, paragraph, paragraphStart);
            start = cut;
        }
        AddOne(buffer, start, end, paragraph, paragraphStart);
    }

    /// <summary>Where to end a first sentence of at most <see cref="MaxTokens"/> tokens in the over-long run [start, end).</summary>
    private static int BoundedEnd(string text, RawToken[] tokens, int start)
    {
        int limit = start + MaxTokens;
        for (int t = limit; t > start + 1; t--)
            if (tokens[t].LineStart) return t;
        for (int t = limit; t > start + MaxTokens / 2; t--)
            if (tokens[t - 1].Kind == TokenKind.Punctuation && text[tokens[t - 1].Start] is ',' or ';' or ':') return t;
        return limit;
    }

    private static void AddOne(SegmentBuffer buffer, int start, int end, int paragraph, int paragraphStart)
    {
        ref var head = ref buffer.Tokens[start];
        head.Flags |= start == paragraphStart ? TokenFlags.SentenceStart | TokenFlags.ParagraphStart : TokenFlags.SentenceStart;
        var span = TextSpan.FromBounds(head.Start, buffer.Tokens[end - 1].End);
        buffer.AddSentence(new Sentence(span, start, end - start, paragraph));
    }

    private static Ending EndingOf(string text, in RawToken token)
    {
        if (token.Abbreviation != AbbreviationKind.None) return Ending.Abbreviation;
        return token.Kind == TokenKind.Punctuation && text[token.Start] is '.' or '!' or '?' or '\u2026'
            ? Ending.Terminator : Ending.None;
    }

    /// <summary>A closing quotation mark or bracket that stays with the sentence before it.</summary>
    private static bool IsCloser(string text, in RawToken token) => token.Kind switch
    {
        TokenKind.QuoteMark => token.Role == QuoteRole.Close || token.Role == QuoteRole.None && token.Flanking == Flanking.CanClose,
        TokenKind.Punctuation => token.Length == 1 && CharInfo.IsClosingBracket(text[token.Start]),
        TokenKind.Symbol => token.Length > 1 && text[token.Start] is ':' or ';', // an emoticon: "Great! :)"
        _ => false,
    };

    private static bool StartsSentence(string text, in RawToken token)
    {
        char c = text[token.Start];
        switch (token.Kind)
        {
            case TokenKind.QuoteMark:
                return token.Role is QuoteRole.Open or QuoteRole.Reopen || token.Role == QuoteRole.None && token.Flanking == Flanking.CanOpen;
            case TokenKind.Punctuation:
                return CharInfo.IsOpeningBracket(c) || c is '\u00BF' or '\u00A1' || IsBullet(c);
            case TokenKind.Clitic:
                return false;
            case TokenKind.Symbol or TokenKind.Url or TokenKind.Email or TokenKind.Hashtag or TokenKind.Mention:
                return true;
            default:
                if (c is '\'' or '\u2019' or '\u2018' && token.Length > 1) c = text[token.Start + 1];
                return !CharInfo.IsLower(c);
        }
    }

    /// <summary>
    /// A lower-case word right after . ! or ? (no quote or bracket between) opens a sentence too:
    /// known abbreviations already hold their period, so this is informal text or a brand (eBay).
    /// After an ellipsis or a closing quote ("Why?" he asked) the sentence goes on.
    /// </summary>
    private static bool LowerCaseOpener(string text, in RawToken terminator, in RawToken next) =>
        next.Kind == TokenKind.Word && next.Start > terminator.End
        && (text[terminator.Start] is '!' or '?' || text[terminator.Start] == '.' && terminator.Length == 1);

    /// <summary>
    /// After an abbreviation: a usual sentence opener, or an opening quote before a word that is
    /// not in lower case ("the U.S. \"strongly condemns ...\"" goes on).
    /// </summary>
    private static bool OpensSentenceAfterAbbreviation(string text, RawToken[] tokens, int next, int end)
    {
        ref readonly var token = ref tokens[next];
        if (token.Kind == TokenKind.QuoteMark)
            return StartsSentence(text, token) && !(next + 1 < end && tokens[next + 1].Kind == TokenKind.Word && CharInfo.IsLower(text[tokens[next + 1].Start]));
        return token.Kind == TokenKind.Word && CharInfo.IsUpper(text[token.Start])
            && Lexicon.IsSentenceOpener(text.AsSpan(token.Start, token.Length));
    }

    private static bool IsBullet(char c) => c is '\u2022' or '\u2023' or '\u25AA' or '\u25CF' or '\u25E6' or '\u00B7' or '*' or '-' || CharInfo.IsDash(c);
}
