using System.Text;
using Pipeline.Sdk;

namespace Pipeline.Text.Segmenting;

/// <summary>
/// One pass over the text that cuts it into tokens and finds paragraph breaks: blank lines, and
/// inside a block of lines between them, the line breaks that news text without blank lines uses
/// (see <see cref="EndBlock"/>). Hand-written: every decision looks at a few characters around
/// the current position.
/// </summary>
internal static class TokenScanner
{
    /// <summary>A line of a block: its first token, its indentation, its length in characters (0 until it ends).</summary>
    private record struct Line(int FirstToken, int Indent, int Length);

    /// <summary>A line this long is no hard-wrapped line (wrapped text keeps to about 60-80 columns).</summary>
    private const int UnwrappedLineLength = 100;

    [ThreadStatic] private static List<Line>? t_lines;

    public static void Scan(string text, SegmentBuffer buffer)
    {
        int i = 0, n = text.Length, lineStart = 0;
        var lines = t_lines ??= []; // the current block's lines, reused like the buffer
        lines.Clear();
        while (i < n)
        {
            int breaks = 0, indent = 0, lineEnd = -1;
            for (; i < n; i++)
            {
                char c = text[i];
                if (!CharInfo.IsSpace(c)) break;
                bool newline = c is '\n' or '\u2028' || c == '\r' && (i + 1 == n || text[i + 1] != '\n');
                if (newline || c == '\u2029')
                {
                    if (breaks == 0) lineEnd = i;
                    breaks += newline ? 1 : 2;
                    indent = 0;
                }
                else indent += c == '\t' ? 2 : 1;
            }
            if (lineEnd >= 0 && lines.Count > 0) lines[^1] = lines[^1] with { Length = lineEnd - lineStart };
            if (i == n) break;
            if (breaks >= 2) EndBlock(buffer, lines);
            if (breaks > 0 || lines.Count == 0)
            {
                lines.Add(new Line(buffer.TokenCount, indent, 0));
                lineStart = i;
            }
            int chunkStart = i, firstToken = buffer.TokenCount;
            do i = ScanToken(text, i, chunkStart, buffer);
            while (i < n && !CharInfo.IsSpace(text[i]));
            if (breaks > 0 && buffer.TokenCount > firstToken) buffer.Tokens[firstToken].LineStart = true;
        }
        EndBlock(buffer, lines);
    }

    /// <summary>
    /// Ends the paragraphs of a block of lines. Lines that are not hard-wrapped (one of them, the
    /// last aside, is <see cref="UnwrappedLineLength"/> characters or longer: scraped news, one
    /// paragraph per line) are a paragraph each. Hard-wrapped lines are one paragraph, unless some
    /// lines after the first are indented and some not: wire copy such as Reuters indents each
    /// paragraph's first line and leaves no blank line, so each indented line starts one.
    /// </summary>
    private static void EndBlock(SegmentBuffer buffer, List<Line> lines)
    {
        bool unwrapped = false, indented = false, flush = false;
        for (int k = 0; k < lines.Count; k++)
        {
            if (k < lines.Count - 1 && lines[k].Length >= UnwrappedLineLength) unwrapped = true;
            if (k > 0 && lines[k].Indent >= 2) indented = true;
            else if (k > 0) flush = true;
        }
        for (int k = 1; k < lines.Count; k++)
            if (unwrapped || indented && flush && lines[k].Indent >= 2) buffer.EndParagraphBefore(lines[k].FirstToken);
        lines.Clear();
        buffer.EndParagraph();
    }

    /// <summary>Emits the token(s) starting at <paramref name="p"/> and returns the position after them.</summary>
    private static int ScanToken(string text, int p, int chunkStart, SegmentBuffer buffer)
    {
        char c = text[p];
        if (CharInfo.IsAlnum(c))
            return IsUrlStart(text, p) ? ScanUrl(text, p, buffer) : ScanWord(text, p, chunkStart, buffer);

        int n = text.Length;
        char next = p + 1 < n ? text[p + 1] : ' ';
        switch (c)
        {
            case '.' or '-': // ellipsis "...", dash "--"
                return Emit(text, buffer, p, RunOf(text, p, c), TokenKind.Punctuation);
            case '!' or '?':
                return Emit(text, buffer, p, RunOfAny(text, p), TokenKind.Punctuation);
            case '\u2026':
                return Emit(text, buffer, p, p + 1, TokenKind.Punctuation);
            case '#' when CharInfo.IsAlnum(next):
                int tagEnd = TagEnd(text, p + 1, out bool hasLetter);
                if (hasLetter) return Emit(text, buffer, p, tagEnd, TokenKind.Hashtag);
                break;
            case '@' when CharInfo.IsAlnum(next) || next == '_':
                if (p > chunkStart && IsLocalPartChar(text[p - 1]) && TryScanEmail(text, p, chunkStart, buffer) is > 0 and var emailEnd)
                    return emailEnd; // franz371...@gmail.com
                return Emit(text, buffer, p, TagEnd(text, p + 1, out _), TokenKind.Mention);
        }
        if (p == chunkStart && EmoticonEnd(text, p) is > 0 and var emoticonEnd) return Emit(text, buffer, p, emoticonEnd, TokenKind.Symbol);
        if (CharInfo.IsDash(c)) return Emit(text, buffer, p, RunOf(text, p, c), TokenKind.Punctuation);
        if (CharInfo.IsQuoteChar(c))
        {
            if (c is '\'' or '\u2019' or '\u2018' && ElidedWordEnd(text, p) is var elidedEnd && elidedEnd > p)
                return Emit(text, buffer, p, elidedEnd, TokenKind.Word);
            // ’’ typed for ” ("paying the price’’ for ...") is one closing double mark.
            if (c == '\u2019' && next == '\u2019' && p > 0 && !CharInfo.IsSpace(text[p - 1]) && (FlankingAt(text, p + 1) & Flanking.CanClose) != 0)
            {
                ref var pair = ref Add(text, buffer, p, p + 2, TokenKind.QuoteMark);
                pair.Flanking = Flanking.CanClose;
                return p + 2;
            }
            ref var mark = ref Add(text, buffer, p, p + 1, TokenKind.QuoteMark);
            mark.Flanking = FlankingAt(text, p);
            return p + 1;
        }
        if (char.IsHighSurrogate(c) && p + 1 < n && char.IsLowSurrogate(next))
        {
            if (Rune.IsLetterOrDigit(new Rune(c, next))) return ScanWord(text, p, chunkStart, buffer);
            return Emit(text, buffer, p, SymbolClusterEnd(text, p + 2), TokenKind.Symbol);
        }
        // a run of one character is one token: "***", "____", "==="
        int end = CharInfo.IsOpeningBracket(c) || CharInfo.IsClosingBracket(c) ? p + 1 : RunOf(text, p, c);
        return Emit(text, buffer, p, end, CharInfo.IsSymbol(c) ? TokenKind.Symbol : TokenKind.Punctuation);
    }

    private static readonly string[] s_emoticons =
        [":-)", ":)", ":-(", ":(", ":-D", ":D", ";-)", ";)", ":-P", ":P", ":p", ":-/", ":/", ":'(", "(:", "):", "^^", "^_^", "<3", "xD", "XD"];

    /// <summary>End of an emoticon standing alone at <paramref name="p"/> (followed by space or the end), or -1.</summary>
    private static int EmoticonEnd(string text, int p)
    {
        if (text[p] is not (':' or ';' or '(' or ')' or '^' or '<')) return -1;
        foreach (var emoticon in s_emoticons)
        {
            int end = p + emoticon.Length;
            if (text.AsSpan(p).StartsWith(emoticon, StringComparison.Ordinal) && (end == text.Length || CharInfo.IsSpace(text[end])))
                return end;
        }
        return -1;
    }

    private static int Emit(string text, SegmentBuffer buffer, int start, int end, TokenKind kind)
    {
        Add(text, buffer, start, end, kind);
        return end;
    }

    private static ref RawToken Add(string text, SegmentBuffer buffer, int start, int end, TokenKind kind) =>
        ref Add(text, buffer, start, end, kind, CharInfo.Orthography(text, start, end));

    private static ref RawToken Add(string text, SegmentBuffer buffer, int start, int end, TokenKind kind, TokenFlags flags)
    {
        if (start > 0 && CharInfo.IsSpace(text[start - 1])) flags |= TokenFlags.SpaceBefore;
        return ref buffer.Add(start, end - start, kind, flags);
    }

    /// <summary>
    /// A word or number: letters and digits joined by word-internal periods (U.S, 3.5, bbc.co.uk),
    /// thousands separators (1,000), apostrophes (O'Brien, don't), kept hyphens (e-mail), and
    /// digit separators (9/11, 2:30). Then the final period of an abbreviation is taken in, or a
    /// clitic is split off (don't -> do + n't, Moscow's -> Moscow + 's).
    /// </summary>
    private static int ScanWord(string text, int p, int chunkStart, SegmentBuffer buffer)
    {
        int n = text.Length, q = p + 1, partStart = p, apostrophe = -1;
        int shape = CharInfo.Class(text[p]);
        bool internalDot = false;
        if (char.IsHighSurrogate(text[p])) q++;
        while (q < n)
        {
            char c = text[q];
            byte cls = CharInfo.Class(c);
            if ((cls & CharInfo.WordChar) != 0) { shape |= cls; q++; continue; }
            if (char.IsHighSurrogate(c))
            {
                if (q + 1 < n && char.IsLowSurrogate(text[q + 1]) && Rune.IsLetterOrDigit(new Rune(c, text[q + 1]))) { q += 2; continue; }
                break;
            }
            char prev = text[q - 1], next = q + 1 < n ? text[q + 1] : ' ';
            bool join;
            switch (c)
            {
                case '.': join = CharInfo.IsAlnum(next); internalDot |= join; break;
                case ',': join = CharInfo.IsDigit(prev) && IsThousandsGroup(text, q + 1); break;
                case '\'' or '\u2019':
                    join = CharInfo.IsLetter(prev) && CharInfo.IsLetter(next) || CharInfo.IsDigit(prev) && IsPluralS(text, q + 1);
                    if (join) apostrophe = q;
                    break;
                case '-' or '\u2010' or '\u2011':
                    join = CharInfo.IsAlnum(prev) && CharInfo.IsAlnum(next) && KeepHyphen(text, p, partStart, q);
                    if (join) partStart = q + 1;
                    break;
                case '&': join = CharInfo.IsUpper(prev) && CharInfo.IsUpper(next); break;
                case '/' or ':': join = CharInfo.IsDigit(prev) && CharInfo.IsDigit(next); break;
                case '_': join = CharInfo.IsAlnum(next); break;
                case '@':
                    int emailEnd = TryScanEmail(text, q, chunkStart, buffer);
                    if (emailEnd > 0) return emailEnd;
                    join = false;
                    break;
                default: join = false; break;
            }
            if (!join) break;
            shape |= cls;
            q++;
        }

        if (q < n && text[q] == '.' && (q + 1 == n || text[q + 1] != '.'))
        {
            var abbreviation = AbbreviationOf(text, p, q, internalDot);
            if (abbreviation == AbbreviationKind.BeforeNumber)
                abbreviation = NumberFollows(text, q + 1) ? AbbreviationKind.Title : AbbreviationKind.None;
            if (abbreviation != AbbreviationKind.None)
            {
                Add(text, buffer, p, q + 1, TokenKind.Word, CharInfo.FlagsFromShape(text, p, shape | CharInfo.Period)).Abbreviation = abbreviation;
                return q + 1;
            }
        }
        if (apostrophe > p)
        {
            int clitic = CliticStart(text, p, q, apostrophe);
            if (clitic > p)
            {
                Add(text, buffer, p, clitic, WordKind(text, p, clitic));
                Add(text, buffer, clitic, q, TokenKind.Clitic);
                return q;
            }
        }
        Add(text, buffer, p, q, WordKind(text, p, q), CharInfo.FlagsFromShape(text, p, shape));
        return q;
    }

    /// <summary>An "s" ending the word, as in 1980's.</summary>
    private static bool IsPluralS(string text, int i) =>
        i < text.Length && text[i] == 's' && (i + 1 == text.Length || !CharInfo.IsAlnum(text[i + 1]));

    private static TokenKind WordKind(string text, int start, int end)
    {
        if (!CharInfo.IsDigit(text[start])) return TokenKind.Word;
        for (int i = start + 1; i < end; i++)
            if (!CharInfo.IsDigit(text[i]) && text[i] is not ('.' or ',' or ':' or '/' or '-')) return TokenKind.Word;
        return TokenKind.Number;
    }

    /// <summary>Three digits, then no further digit: a thousands group after a comma.</summary>
    private static bool IsThousandsGroup(string text, int i) =>
        i + 2 < text.Length && CharInfo.IsDigit(text[i]) && CharInfo.IsDigit(text[i + 1]) && CharInfo.IsDigit(text[i + 2])
        && (i + 3 == text.Length || !CharInfo.IsDigit(text[i + 3]));

    /// <summary>
    /// Whether the hyphen at <paramref name="hyphen"/> stays inside the word. UD English EWT keeps
    /// prefixes (e-mail, re-election, co-founder, mid-2004), phone numbers and postcodes
    /// (853-7906, 94305-5015) and dates (01-Feb-02), and splits everything else: compounds
    /// (search - engine), names (Putin - Lukashenka), ranges (1969 - 1970), models (F - 16).
    /// </summary>
    private static bool KeepHyphen(string text, int wordStart, int partStart, int hyphen)
    {
        var part = text.AsSpan(partStart, hyphen - partStart);
        int right = hyphen + 1, rightDigits = 0;
        while (right + rightDigits < text.Length && CharInfo.IsDigit(text[right + rightDigits])) rightDigits++;
        bool chained = partStart > wordStart && CharInfo.IsHyphen(text[partStart - 1]);
        if (!part.ContainsAnyExcept(s_asciiLetters))
        {
            if (part.Length == 1 && rightDigits > 0) return false; // F-16, but X-ray
            return Lexicon.IsHyphenPrefix(part) || chained && rightDigits > 0 && Lexicon.IsMonth(part);
        }
        if (part.ContainsAnyExceptInRange('0', '9')) return false;
        if (rightDigits == 0) // 01-Feb-02
            return part.Length <= 2 && right + 4 < text.Length && Lexicon.IsMonth(text.AsSpan(right, 3))
                && CharInfo.IsHyphen(text[right + 3]) && CharInfo.IsDigit(text[right + 4]);
        bool phoneLeft = part.Length is 3 or 5 || chained;
        bool phoneRight = rightDigits == 4 || rightDigits == 3 && right + 4 < text.Length
            && CharInfo.IsHyphen(text[right + 3]) && CharInfo.IsDigit(text[right + 4]);
        return phoneLeft && phoneRight && (right + rightDigits == text.Length || !CharInfo.IsLetter(text[right + rightDigits]));
    }

    private static readonly System.Buffers.SearchValues<char> s_asciiLetters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>How the word [start, end) followed by a period behaves as an abbreviation.</summary>
    private static AbbreviationKind AbbreviationOf(string text, int start, int end, bool internalDot)
    {
        var word = text.AsSpan(start, end - start);
        if (word.Length == 1) return CharInfo.IsUpper(word[0]) && word[0] != 'I' ? AbbreviationKind.General : AbbreviationKind.None;
        if (internalDot && IsDottedLetters(word)) return AbbreviationKind.General;
        return Lexicon.Abbreviation(word);
    }

    /// <summary>Letters in groups of one or two between periods: U.S, e.g, Ph.D, a.m.</summary>
    private static bool IsDottedLetters(ReadOnlySpan<char> word)
    {
        int run = 0;
        foreach (char c in word)
        {
            if (c == '.') { if (run == 0) return false; run = 0; }
            else if (!CharInfo.IsLetter(c) || ++run > 2) return false;
        }
        return run > 0;
    }

    private static bool NumberFollows(string text, int i)
    {
        while (i < text.Length && text[i] == ' ') i++;
        return i < text.Length && CharInfo.IsDigit(text[i]);
    }

    /// <summary>Where a clitic starts in the word [start, end) with an apostrophe, or start when none: n't 's 'm 'd 're 've 'll.</summary>
    private static int CliticStart(string text, int start, int end, int apostrophe)
    {
        int length = end - start;
        if (apostrophe == end - 2)
        {
            char last = (char)(text[end - 1] | 0x20);
            if (last == 't' && length >= 4 && (text[end - 3] | 0x20) == 'n') return end - 3;
            if (last is 's' or 'm' or 'd') return end - 2;
        }
        else if (apostrophe == end - 3 && length >= 4)
        {
            char a = (char)(text[end - 2] | 0x20), b = (char)(text[end - 1] | 0x20);
            if (a == 'r' && b == 'e' || a == 'v' && b == 'e' || a == 'l' && b == 'l') return end - 3;
        }
        return start;
    }

    /// <summary>
    /// End of a word written with a leading apostrophe ('90s, 'em, 'til, 'cause, 'n') starting at
    /// the apostrophe, or <paramref name="p"/> when the mark is a quotation mark.
    /// </summary>
    private static int ElidedWordEnd(string text, int p)
    {
        if (p > 0 && !CharInfo.IsSpace(text[p - 1]) && !CharInfo.IsOpeningBracket(text[p - 1])) return p;
        int q = p + 1, n = text.Length;
        if (q + 1 < n && CharInfo.IsDigit(text[q]) && CharInfo.IsDigit(text[q + 1]) && (q + 2 == n || !CharInfo.IsDigit(text[q + 2])))
            return q + 2 < n && text[q + 2] == 's' ? q + 3 : q + 2; // '90s, '05
        while (q < n && CharInfo.IsLetter(text[q])) q++;
        if (q < n && CharInfo.IsAlnum(text[q])) return p;
        var word = text.AsSpan(p + 1, q - p - 1);
        if (word.Equals("n", StringComparison.OrdinalIgnoreCase))
            return q < n && CharInfo.IsApostrophe(text[q]) ? q + 1 : p; // rock 'n' roll
        return word.Equals("em", StringComparison.OrdinalIgnoreCase) || word.Equals("til", StringComparison.OrdinalIgnoreCase)
            || word.Equals("cause", StringComparison.OrdinalIgnoreCase) || word.Equals("tis", StringComparison.OrdinalIgnoreCase)
            ? q : p;
    }

    private static Flanking FlankingAt(string text, int p)
    {
        int n = text.Length;
        char prev = p > 0 ? text[p - 1] : ' ', next = p + 1 < n ? text[p + 1] : ' ';
        bool spaceBefore = CharInfo.IsSpace(prev), spaceAfter = CharInfo.IsSpace(next);
        bool leftBound = spaceBefore || CharInfo.IsOpeningBracket(prev) || CharInfo.IsQuoteChar(prev)
            || CharInfo.IsDash(prev) || CharInfo.IsHyphen(prev) || prev == '/';
        bool rightBound = spaceAfter || next is ',' or '.' or ';' or ':' or '!' or '?' or '\u2026'
            || CharInfo.IsClosingBracket(next) || CharInfo.IsQuoteChar(next) || CharInfo.IsDash(next) || CharInfo.IsHyphen(next);
        var flanking = Flanking.None;
        if (leftBound && !spaceAfter) flanking |= Flanking.CanOpen;
        if (rightBound && !spaceBefore) flanking |= Flanking.CanClose;
        return flanking;
    }

    private static int RunOf(string text, int p, char c)
    {
        int q = p + 1;
        while (q < text.Length && text[q] == c) q++;
        return q;
    }

    private static int RunOfAny(string text, int p)
    {
        int q = p + 1;
        while (q < text.Length && text[q] is '!' or '?') q++;
        return q;
    }

    /// <summary>End of a hashtag or mention body: letters, digits and underscores.</summary>
    private static int TagEnd(string text, int q, out bool hasLetter)
    {
        hasLetter = false;
        for (; q < text.Length; q++)
        {
            char c = text[q];
            if (CharInfo.IsLetter(c)) hasLetter = true;
            else if (!CharInfo.IsAlnum(c) && c != '_') break;
        }
        return q;
    }

    /// <summary>An emoji with its variation selectors, skin tones and zero-width-joined parts.</summary>
    private static int SymbolClusterEnd(string text, int q)
    {
        while (q < text.Length)
        {
            char c = text[q];
            if (c is '\uFE0E' or '\uFE0F' or '\u20E3') q++;
            else if (c == '\u200D' && q + 2 < text.Length && char.IsHighSurrogate(text[q + 1])) q += 3;
            else if (c == '\uD83C' && q + 1 < text.Length && text[q + 1] is >= '\uDFFB' and <= '\uDFFF') q += 2;
            else break;
        }
        return q;
    }

    /// <summary>http://, https://, ftp://, mailto: or www. followed by a letter or digit (ASCII case ignored).</summary>
    private static bool IsUrlStart(string text, int p)
    {
        char c = (char)(text[p] | 0x20);
        if (p + 5 >= text.Length) return false;
        if (c == 'h')
        {
            if ((text[p + 1] | 0x20) != 't') return false;
            return text.AsSpan(p).StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || text.AsSpan(p).StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        }
        if (c == 'w') return (text[p + 1] | 0x20) == 'w' && (text[p + 2] | 0x20) == 'w' && text[p + 3] == '.' && CharInfo.IsAlnum(text[p + 4]);
        if (c == 'f') return (text[p + 1] | 0x20) == 't' && text.AsSpan(p).StartsWith("ftp://", StringComparison.OrdinalIgnoreCase);
        if (c == 'm') return (text[p + 1] | 0x20) == 'a' && text.AsSpan(p).StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
        return false;
    }

    /// <summary>A URL runs to the next space, less trailing punctuation (a closing bracket stays when the URL opened one).</summary>
    private static int ScanUrl(string text, int p, SegmentBuffer buffer)
    {
        int end = p;
        while (end < text.Length && !CharInfo.IsSpace(text[end])) end++;
        int chunkEnd = end;
        while (end > p + 1)
        {
            char c = text[end - 1];
            if (c is ')' or ']')
            {
                char open = c == ')' ? '(' : '[';
                var url = text.AsSpan(p, end - p);
                if (url.Count(open) >= url.Count(c)) break;
            }
            else if (!(c is '.' or ',' or ';' or ':' or '!' or '?' or '>' or '}' or '\u2026' || CharInfo.IsQuoteChar(c))) break;
            end--;
        }
        Add(text, buffer, p, end, TokenKind.Url);
        return end;
    }

    /// <summary>
    /// An e-mail address around the @ at <paramref name="at"/>: the local part may start before
    /// tokens already emitted from this chunk (first-last@x.org), which are then taken back.
    /// Returns the end of the address, or -1.
    /// </summary>
    private static int TryScanEmail(string text, int at, int chunkStart, SegmentBuffer buffer)
    {
        int start = at;
        while (start > chunkStart && IsLocalPartChar(text[start - 1])) start--;
        while (start < at && !CharInfo.IsAlnum(text[start])) start++;
        if (start == at) return -1;
        int end = at + 1, lastLabelEnd = -1;
        while (end < text.Length)
        {
            char c = text[end];
            if (CharInfo.IsAlnum(c) && c < 128) { end++; lastLabelEnd = end; }
            else if ((c == '.' || c == '-') && end + 1 < text.Length && CharInfo.IsAlnum(text[end + 1]) && text[end + 1] < 128) end++;
            else break;
        }
        if (lastLabelEnd < 0) return -1;
        int keep = buffer.TokenCount;
        while (keep > 0 && buffer.Tokens[keep - 1].Start >= start) keep--;
        if (keep > 0 && buffer.Tokens[keep - 1].End > start) return -1; // the local part began inside a token (#tag@x)
        buffer.TokenCount = keep;
        Add(text, buffer, start, lastLabelEnd, TokenKind.Email);
        return lastLabelEnd;
    }

    private static bool IsLocalPartChar(char c) => c < 128 && (CharInfo.IsAlnum(c) || c is '.' or '_' or '%' or '+' or '-');
}
