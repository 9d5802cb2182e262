using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// Splits a name the tagger ran together with the body and office before it: "European Commission
/// President Jacques Delors", "Saudi Arabian Oil Minister Hisham Nazer", "US Attorney David Kelley"
/// came out as one organisation, so a quote's "he" could not find the person. CoNLL-2003 writes
/// the body and the person as two mentions and leaves the office out; so does this: the words
/// before the office keep the mention's type, the office is dropped, the name after it is a person.
/// Not when the name ends on a word of a body's name ("Daily Mail &amp; General Trust", "Michigan
/// General Corp", "EC Executive Commission").
/// </summary>
internal static class TitledNames
{
    private static readonly int Person = EntityLabels.TypeIndex(EntityTypes.Person);

    /// <summary>The words of an office, any of which may follow the body: "Vice President", "Foreign Minister", "Attorney General".</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OfficeWords =
        new HashSet<string>(StringComparer.Ordinal)
        {
            "President", "Minister", "Chairman", "Chairwoman", "Secretary", "Governor", "Director", "Commissioner", "Ambassador",
            "Senator", "Chancellor", "Premier", "Judge", "Mayor", "Spokesman", "Spokeswoman", "Attorney", "General", "Leader",
            "Chief", "Executive", "Officer", "Vice", "Deputy", "Prime", "Foreign", "Finance", "Interior", "Defence", "Defense",
            "Trade", "Justice", "Economy", "Health", "Education", "Energy", "Oil", "Agriculture", "Transport", "Technology",
            "Shadow", "First", "Home", "State", "Federal", "Development", "Constitutional", "Affairs",
            "Culture", "Environment", "Work", "Pensions", "Treasury", "Cabinet", "Business", "Industry", "Sport", "Media",
        }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The words that head an office; a run of office words holds one ("Finance" alone is no office).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OfficeHeads =
        new HashSet<string>(StringComparer.Ordinal)
        {
            "President", "Minister", "Chairman", "Chairwoman", "Secretary", "Governor", "Director", "Commissioner", "Ambassador",
            "Senator", "Chancellor", "Premier", "Judge", "Mayor", "Spokesman", "Spokeswoman", "Attorney", "Leader",
        }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Last words of a body's name, after which the words are no person's.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BodyEnds =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Corp", "Corp.", "Corporation", "Inc", "Inc.", "Co", "Co.", "Ltd", "Plc", "Trust", "Commission", "Association", "Worker",
            "Workers", "Group", "Bank", "Party", "Council", "Committee", "League", "Union", "Office", "Department", "Ministry", "Board",
        }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Splits such mentions in place, keeping text order.</summary>
    public static void Split(Document document, List<TaggedMention> mentions)
    {
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i].Tokens;
            if (m.Type == Person || m.Count < 3 || BodyEnds.Contains(document.TokenText(m.End - 1))) continue;
            // The name: capitalised words that end the mention, after the last office word.
            int name = m.End;
            while (name > m.First && IsNameWord(document, name - 1) && !OfficeWords.Contains(document.TokenText(name - 1))) name--;
            int office = name;
            bool head = false;
            while (office > m.First && OfficeWords.Contains(document.TokenText(office - 1)))
            {
                office--;
                head |= OfficeHeads.Contains(document.TokenText(office));
            }
            if (!head || name == m.End || office == name || office == m.First && name - office < 1) continue;
            var person = new TaggedMention(new TokenMention(name, m.End - name, Person), mentions[i].Confidence);
            // "Lord Chancellor Lord Falconer": "Lord" before an office is part of it.
            if (office == m.First + 1 && document.TokenText(m.First) is "Lord") office = m.First;
            if (office > m.First)
            {
                mentions[i] = mentions[i] with { Tokens = m with { Count = office - m.First } };
                mentions.Insert(i + 1, person);
                i++;
            }
            else mentions[i] = person;
        }
    }

    private static bool IsNameWord(Document document, int t)
    {
        var word = document.TokenText(t);
        return document.Tokens[t].Kind == TokenKind.Word && word.Length > 0 && char.IsUpper(word[0]);
    }
}
