using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// Joins names the segmenter split at a hyphen. The segmenter splits words joined by a hyphen
/// (UD convention) while CoNLL-2003, which the model learnt from, keeps them whole, so the model
/// cuts such a name at the hyphen and types its parts on their own: "Zehaf" and "Bibeau", "Wal"
/// and "Mart", "Kim Jong" without "-un", "Qaeda" without "al-". A mention is extended over a
/// touching hyphen (swallowing a mention on the other side whole):
/// <list type="bullet">
/// <item>to a capitalised word after a person's name of two or more words: "Daniel Day" + "-Lewis";</item>
/// <item>to a capitalised word on either side when neither word is written on its own anywhere in
/// the document: "Zehaf-Bibeau", "Wal-Mart", "Half-Life"; "the Putin-Lukashenka talks" keep two
/// people when the article names Putin and Lukashenka elsewhere;</item>
/// <item>back over an Arabic article or patronymic: "al-Qaeda", "bin-Laden", "Abu-Hamza";</item>
/// <item>to a short lower-case syllable after a person's name of two or more words: "Kim Jong-un",
/// "Ban Ki-moon", but not "Tony Blair-style".</item>
/// </list>
/// A lower-case word after any other name stays out: "UK-based", "US-led", "ISIS-controlled".
/// The joined mention keeps the type of its most confident part, a person's name of two or more
/// words its own ("Mansoor Mohi" + "Uddin", which the tagger typed LOC).
/// </summary>
internal static class HyphenatedNames
{
    private static readonly int Person = EntityLabels.TypeIndex(EntityTypes.Person);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Particles =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "al", "el", "as", "ash", "ad", "ar", "az", "bin", "ibn", "bint", "abu", "abd" }
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Lower-case words of at most five letters that make a compound with a name, not part of it.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CompoundHeads =
        new HashSet<string>(StringComparer.Ordinal) { "at", "on", "in", "era", "run", "led", "like", "type", "wide", "only", "area", "free", "made", "held", "born", "style", "level", "based", "owned", "year", "old" }
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private const int MaxSyllable = 5;

    /// <summary>Extends mentions over touching hyphens, in place, keeping text order; drops the mentions they swallow.</summary>
    public static void Join(Document document, List<TaggedMention> mentions)
    {
        HashSet<string>? standalone = null; // built on first need
        bool WrittenAlone(int token) =>
            (standalone ??= StandaloneWords(document)).GetAlternateLookup<ReadOnlySpan<char>>().Contains(document.TokenText(token));

        for (int m = 0; m < mentions.Count; m++)
        {
            var best = mentions[m];
            int first = best.Tokens.First, end = best.Tokens.End;
            bool person = best.Tokens.Type == Person && best.Tokens.Count >= 2;

            // Backwards: an Arabic article, or a capitalised word no mention holds.
            if (document.IsJoinedHyphen(first - 1) && first >= 2 && (m == 0 || mentions[m - 1].Tokens.End <= first - 2))
            {
                var before = document.TokenText(first - 2);
                if (Particles.Contains(before) && !document.IsJoinedHyphen(first - 3) // not "Sergeant-at-Arms"
                    || IsCapitalizedWord(document, first - 2) && !WrittenAlone(first - 2) && !WrittenAlone(first))
                    first -= 2;
            }

            // Forwards, over a chain of joined parts, each a word or the whole of the next mention.
            int next = m + 1;
            while (document.IsJoinedHyphen(end))
            {
                int word = end + 1;
                bool joins = IsCapitalizedWord(document, word)
                    ? person || !WrittenAlone(end - 1) && !WrittenAlone(word)
                    : person && IsSyllable(document, word);
                if (!joins) break;
                end = word + 1;
                while (next < mentions.Count && mentions[next].Tokens.First < end)
                {
                    if (!person && mentions[next].Confidence > best.Confidence) best = mentions[next];
                    end = Math.Max(end, mentions[next].Tokens.End);
                    next++;
                }
            }
            if (first == mentions[m].Tokens.First && end == mentions[m].Tokens.End) continue;
            mentions[m] = best with { Tokens = new TokenMention(first, end - first, best.Tokens.Type) };
            mentions.RemoveRange(m + 1, next - m - 1);
        }
    }

    private static bool IsCapitalizedWord(Document document, int token) =>
        document.Tokens[token].Kind == TokenKind.Word && document.Tokens[token].Has(TokenFlags.Capitalized);

    /// <summary>A short lower-case word that may be a syllable of a given name ("un", "moon", "sung").</summary>
    private static bool IsSyllable(Document document, int token)
    {
        var word = document.TokenText(token);
        return document.Tokens[token].Has(TokenFlags.AllLower) && word.Length <= MaxSyllable
            && !CompoundHeads.Contains(word) && !word.EndsWith("ed", StringComparison.Ordinal);
    }

    /// <summary>The capitalised words of the document written with no hyphen joining them to a neighbour.</summary>
    private static HashSet<string> StandaloneWords(Document document)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (int t = 0; t < document.Tokens.Length; t++)
            if (IsCapitalizedWord(document, t) && !document.IsJoinedHyphen(t - 1) && !document.IsJoinedHyphen(t + 1))
                words.Add(document.TokenText(t).ToString());
        return words;
    }
}
