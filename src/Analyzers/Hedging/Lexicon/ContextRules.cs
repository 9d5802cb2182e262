using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging.Lexicon;

/// <summary>Context checks a lexicon entry can name in its fourth column.</summary>
public enum ContextRule
{
    None,
    /// <summary>"may" is a modal of possibility: not the month ("in May", "May 9", "Theresa May") and not permission ("you may go", "May I").</summary>
    ModalMay,
    /// <summary>"must have" is an inference only before a past participle ("must have been"), not obligation ("must have a plan").</summary>
    PerfectParticiple,
}

/// <summary>The context rules, kept small: each looks at the match and its neighbouring tokens only.</summary>
public static class ContextRules
{
    private static readonly Dictionary<string, ContextRule> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["modal-may"] = ContextRule.ModalMay,
        ["perfect-participle"] = ContextRule.PerfectParticiple,
    };

    private static readonly HashSet<string> IrregularParticiples = new(StringComparer.Ordinal)
    {
        "been", "had", "got", "made", "said", "thought", "felt", "left", "lost", "met", "paid", "sent", "told",
        "heard", "kept", "put", "read", "set", "cut", "hit", "let", "brought", "bought", "caught", "taught",
        "fought", "sought", "found", "held", "meant", "won", "run", "come", "become", "begun", "built", "spent",
    };
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> IrregularLookup =
        IrregularParticiples.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string name, out ContextRule rule) => ByName.TryGetValue(name.Trim(), out rule);

    /// <summary>Whether the cue matched over tokens [first, end) of <paramref name="sentence"/> passes its rule.</summary>
    public static bool Accept(ContextRule rule, Document doc, in Sentence sentence, int first, int end) => rule switch
    {
        ContextRule.None => true,
        ContextRule.ModalMay => IsModalMay(doc, sentence, first),
        ContextRule.PerfectParticiple => end < sentence.EndToken && LooksLikeParticiple(doc.TokenText(end)),
        _ => true,
    };

    private static bool IsModalMay(Document doc, in Sentence sentence, int i)
    {
        var text = doc.TokenText(i);
        bool first = i == sentence.FirstToken;
        // A number next to it makes it a date: "May 9", "9 May", "May 2020".
        if (IsNumber(doc, i + 1, sentence) || IsNumber(doc, i - 1, sentence)) return false;
        if (char.IsUpper(text[0]))
        {
            // Capitalised inside a sentence: the month or the name, unless the whole sentence is in title case.
            if (!first && !IsTitleCase(doc, sentence)) return false;
        }
        // Permission: "you may go", "May I ask".
        if (i > sentence.FirstToken && Is(doc.TokenText(i - 1), "you")) return false;
        if (first && i + 1 < sentence.EndToken && (Is(doc.TokenText(i + 1), "i") || Is(doc.TokenText(i + 1), "we"))) return false;
        return true;
    }

    private static bool IsNumber(Document doc, int i, in Sentence sentence) =>
        i >= sentence.FirstToken && i < sentence.EndToken && doc.Tokens[i].Kind == TokenKind.Number;

    private static bool Is(ReadOnlySpan<char> token, string word) => token.Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Most words capitalised: a headline written in title case.</summary>
    private static bool IsTitleCase(Document doc, in Sentence sentence)
    {
        int words = 0, capitalised = 0;
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if (doc.Tokens[t].Kind != TokenKind.Word) continue;
            var w = doc.TokenText(t);
            if (w.Length < 4) continue; // short function words stay lower case in title case
            words++;
            if (char.IsUpper(w[0])) capitalised++;
        }
        return words > 0 && capitalised * 5 >= words * 4;
    }

    private static bool LooksLikeParticiple(ReadOnlySpan<char> token)
    {
        Span<char> lower = stackalloc char[Math.Min(token.Length, 32)];
        if (token.Length > lower.Length) return false;
        token.ToLowerInvariant(lower);
        return lower.EndsWith("ed") || lower.EndsWith("en") || lower.EndsWith("wn") || lower.EndsWith("ne")
            || IrregularLookup.Contains(lower);
    }
}
