using System.Collections.Frozen;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// Span and type conventions for names of institutions that the tagger, deciding token by token,
/// misses; applied to a document's tagged mentions, in place:
/// <list type="bullet">
/// <item>A university campus is one organisation: "University of Texas" + "at" + "Arlington" is
/// one ORG, "University of Texas at Arlington" (CoNLL-2003: "Southern Illinois University at
/// Carbondale"). The tagger, which has seen "at" before places, ends the name at "at".</item>
/// <item>A capitalised "The" before an institution's name is left out ("The Atlantic Council",
/// "The University of Texas"), as CoNLL-2003 leaves out "the": the name holds an institution
/// noun. Titles that own their article ("The Times", "The Hague") have none and keep it.</item>
/// <item>A name of two or more words headed by an institution noun is an organisation: "the
/// Atlantic Council" is not a place, whatever "Atlantic" suggests. In CoNLL-2003 train, 196 of
/// the 198 names of two or more words ending in one of these nouns are ORG (two are MISC, none
/// LOC). Nouns that also end place names ("Bank": West Bank; "Centre", "Court", "Federation")
/// are not institution nouns here.</item>
/// <item>A seat of government stands for the government: "the Kremlin", "the White House", "the
/// Pentagon", "Downing Street" are organisations, as OntoNotes types these names; CoNLL-2003 types
/// the Kremlin and the White House LOC.</item>
/// </list>
/// </summary>
internal static class InstitutionNames
{
    /// <summary>Nouns that head the names of institutions.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InstitutionNouns = FrozenSet.ToFrozenSet(
        ["Academy", "Agency", "Authority", "Board", "Bureau", "College", "Commission", "Committee", "Council", "Department",
         "Foundation", "Institute", "Ministry", "Organisation", "Organization", "Party", "Service", "Society", "University"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Seats of government whose names stand for the government, as spelt in a mention (without "the").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SeatsOfGovernment = FrozenSet.ToFrozenSet(
        ["Kremlin", "White House", "Pentagon", "Downing Street", "Elysee", "Élysée", "Elysée", "Zhongnanhai"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CampusWords =
        FrozenSet.ToFrozenSet(["University", "College"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int Organisation = EntityLabels.TypeIndex(EntityTypes.Organization);
    private static readonly int Location = EntityLabels.TypeIndex(EntityTypes.Location);

    public static void Apply(Document document, List<TaggedMention> mentions)
    {
        for (int m = 0; m < mentions.Count; m++)
        {
            JoinCampus(document, mentions, m);
            var mention = mentions[m];
            var tokens = mention.Tokens;
            if (tokens.Count > 1 && document.TokenText(tokens.First).SequenceEqual("The") && HoldsInstitutionNoun(document, tokens))
                mentions[m] = mention = mention with { Tokens = tokens = tokens with { First = tokens.First + 1, Count = tokens.Count - 1 } };
            if (tokens.Type != Organisation && (tokens.Type == Location && IsHeadedByInstitutionNoun(document, tokens) || IsSeatOfGovernment(document, tokens)))
                mentions[m] = mention with { Tokens = tokens with { Type = Organisation } };
        }
    }

    /// <summary>Extends mention <paramref name="m"/> over "at" and the place mention right after it, when it names a university.</summary>
    private static void JoinCampus(Document document, List<TaggedMention> mentions, int m)
    {
        var tokens = mentions[m].Tokens;
        if (tokens.Type != Organisation || m + 1 >= mentions.Count) return;
        var next = mentions[m + 1];
        if (next.Tokens.Type != Location || next.Tokens.First != tokens.End + 1 || !document.TokenText(tokens.End).SequenceEqual("at")) return;
        bool campus = false;
        for (int i = tokens.First; i < tokens.End && !campus; i++) campus = CampusWords.Contains(document.TokenText(i));
        if (!campus) return;
        mentions[m] = new TaggedMention(tokens with { Count = next.Tokens.End - tokens.First }, mentions[m].Confidence * next.Confidence);
        mentions.RemoveAt(m + 1);
    }

    private static bool HoldsInstitutionNoun(Document document, TokenMention tokens)
    {
        for (int i = tokens.First + 1; i < tokens.End; i++)
            if (InstitutionNouns.Contains(document.TokenText(i))) return true;
        return false;
    }

    private static bool IsSeatOfGovernment(Document document, TokenMention tokens)
    {
        int first = tokens.First + (document.TokenText(tokens.First) is "The" or "the" ? 1 : 0);
        return first < tokens.End && SeatsOfGovernment.Contains(document.GetText(
            TextSpan.FromBounds(document.Tokens[first].Span.Start, document.Tokens[tokens.End - 1].Span.End)));
    }

    private static bool IsHeadedByInstitutionNoun(Document document, TokenMention tokens) =>
        tokens.Count > 1 && InstitutionNouns.Contains(document.TokenText(tokens.End - 1));
}
