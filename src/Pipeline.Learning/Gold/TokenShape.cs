using Pipeline.Sdk;

namespace Pipeline.Learning.Gold;

/// <summary>
/// Kind and orthographic flags of a gold token given as a string (CoNLL files carry tokens, not
/// text to segment). Position flags (space before, sentence and paragraph start) are set by
/// <see cref="GoldDocumentBuilder"/>.
/// </summary>
internal static class TokenShape
{
    private static readonly HashSet<string> Clitics = new(StringComparer.OrdinalIgnoreCase)
        { "'s", "n't", "'re", "'ll", "'ve", "'d", "'m", "’s", "n’t", "’re", "’ll", "’ve", "’d", "’m" };

    public static (TokenKind Kind, TokenFlags Flags) Classify(ReadOnlySpan<char> token)
    {
        var flags = TokenFlags.None;
        int letters = 0, upper = 0, lower = 0;
        bool allDigitsOrSeparators = token.Length > 0;
        foreach (char c in token)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c)) upper++; else if (char.IsLower(c)) lower++;
                allDigitsOrSeparators = false;
            }
            else if (char.IsDigit(c)) flags |= TokenFlags.HasDigit;
            else if (c is not (',' or '.' or '-' or '/' or ':')) allDigitsOrSeparators = false;
            if (c is '-' or '‐' or '–') flags |= TokenFlags.HasHyphen;
            if (c == '.') flags |= TokenFlags.HasPeriod;
        }
        if (letters > 0)
        {
            foreach (char c in token)
                if (char.IsLetter(c)) { if (char.IsUpper(c)) flags |= TokenFlags.Capitalized; break; }
            if (upper == letters) flags |= TokenFlags.AllUpper;
            if (lower == letters) flags |= TokenFlags.AllLower;
        }
        return (KindOf(token, letters, allDigitsOrSeparators && (flags & TokenFlags.HasDigit) != 0), flags);
    }

    private static TokenKind KindOf(ReadOnlySpan<char> t, int letters, bool number)
    {
        if (t.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || t.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) return TokenKind.Url;
        int at = t.IndexOf('@');
        if (at > 0 && t[(at + 1)..].Contains('.')) return TokenKind.Email;
        if (t.Length > 1 && t[0] == '#' && char.IsLetterOrDigit(t[1])) return TokenKind.Hashtag;
        if (t.Length > 1 && t[0] == '@' && char.IsLetterOrDigit(t[1])) return TokenKind.Mention;
        if (t is "\"" or "“" or "”" or "‘" or "’" or "«" or "»" or "„" or "‹" or "›" or "'" or "``" or "''" or "`") return TokenKind.QuoteMark;
        if (Clitics.GetAlternateLookup<ReadOnlySpan<char>>().Contains(t)) return TokenKind.Clitic;
        if (number) return TokenKind.Number;
        if (letters > 0 || t.ContainsAnyInRange('0', '9')) return TokenKind.Word;
        foreach (char c in t)
            if (!char.IsPunctuation(c)) return TokenKind.Symbol;
        return TokenKind.Punctuation;
    }
}
