using System.Collections.Frozen;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// The tokens a tagged mention's span keeps. Every mention leaves out a final possessive 's, a
/// final period that stands alone (the segmenter keeps an abbreviation's period on its word, "Co.",
/// "Bros.", so a bare one closes the sentence: "in the East.") and, when it starts with a capital,
/// lower-case words at its end ("Viktor wields", "Kommersant reported"), name particles excepted
/// ("Schalk van der Merwe", "Ivan de la Peña") and, in a person's name, a syllable joined by a hyphen
/// ("Kim Jong-un"). A person's name also leaves out a question word
/// before it ("How Putin and Lukashenka really talk").
/// </summary>
internal static class MentionBounds
{
    private static readonly int Person = EntityLabels.TypeIndex(EntityTypes.Person);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> QuestionWords =
        FrozenSet.ToFrozenSet(["How", "Why", "What", "When", "Where", "Who", "Whom", "Whose", "Which"], StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NameParticles =
        FrozenSet.ToFrozenSet(["van", "der", "den", "de", "da", "das", "do", "dos", "du", "del", "della", "di", "la", "le",
            "von", "zu", "ter", "ten", "bin", "ibn", "al", "el", "y"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a lower-case word is a particle inside names: "van", "de", "da", "bin"...</summary>
    public static bool IsNameParticle(ReadOnlySpan<char> word) => NameParticles.Contains(word);

    /// <summary>The first token and the end (exclusive) of the span kept; never empty.</summary>
    public static (int First, int End) Trim(Document document, TokenMention tokens)
    {
        int first = tokens.First, end = tokens.End;
        while (end - first > 1 && (IsPossessive(document, end - 1) || document.TokenText(end - 1) is ".")) end--;
        // A name written in lower case ("interior ministry") keeps its words.
        bool named = tokens.Type == Person || TokenText.Cap(document.TokenText(first)) != CapPattern.Lower;
        while (named && end - first > 1 && TokenText.Cap(document.TokenText(end - 1)) == CapPattern.Lower && !NameParticles.Contains(document.TokenText(end - 1))
               && !(tokens.Type == Person && document.IsJoinedHyphen(end - 2))) end--;
        if (tokens.Type != Person) return (first, end);
        while (end - first > 1 && QuestionWords.Contains(document.TokenText(first))) first++;
        return (first, end);
    }

    /// <summary>A possessive 's or a bare apostrophe.</summary>
    private static bool IsPossessive(Document document, int token)
    {
        var text = document.TokenText(token);
        if (text.Length == 1) return TokenText.Normalize(text[0]) == '\'';
        return text.Length == 2 && TokenText.Normalize(text[0]) == '\'' && text[1] is 's' or 'S';
    }
}
