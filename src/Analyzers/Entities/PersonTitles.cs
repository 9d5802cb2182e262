using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// Titles only people bear: "Lord Falconer", "Baroness Boothroyd", "Sir Menzies Campbell", "Mr
/// Kilroy-Silk", with the title in the mention or just before it, are PER. The tagger learned from
/// CoNLL-2003's wire text, where such titles are rare, and types most British peers ORG or LOC (on
/// 417 BBC politics articles, 154 of 185 "Lord" mentions), so a quote's "he" could not find them.
/// Offices named with the title ("Lord Chancellor", "Lord Mayor", "Lord Chief Justice") and titles
/// of works ("Lord of the Rings") are left alone. A title and name the tagger left out entirely
/// become a person too. Applied to a document's tagged mentions, in place, keeping text order,
/// before double-barrelled surnames are joined ("Mr Kilroy" + "-Silk").
/// </summary>
internal static class PersonTitles
{
    private static readonly int Person = EntityLabels.TypeIndex(EntityTypes.Person);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles =
        new HashSet<string>(StringComparer.Ordinal)
        {
            "Lord", "Lady", "Baroness", "Baron", "Dame", "Sir",
            "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Prof", "Prof.",
        }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words after a title that make an office ("Lord Chancellor") or a title of a work ("Lord of the Rings"), not a name.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Offices =
        new HashSet<string>(StringComparer.Ordinal)
        {
            "Chancellor", "Mayor", "Chief", "Provost", "Advocate", "Lieutenant", "President", "Speaker", "Privy", "Protector",
            "Chamberlain", "High", "Great", "Commissioner", "Lords", "of", "and",
        }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The confidence of a peer the tagger did not tag, found by the title alone.</summary>
    public const float Confidence = 0.8f;

    public static void Apply(Document document, List<TaggedMention> mentions)
    {
        AddUntagged(document, mentions);
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i].Tokens;
            if (m.Type == Person) continue;
            // The title opens the mention ("Lord Falconer") or stands right before it ("Lord [Falconer]").
            int title = Titles.Contains(document.TokenText(m.First)) ? m.First
                : m.First > 0 && Titles.Contains(document.TokenText(m.First - 1)) ? m.First - 1 : -1;
            int name = title + 1;
            if (title < 0 || name >= m.First + m.Count || Offices.Contains(document.TokenText(name))
                || !char.IsUpper(document.TokenText(name)[0])) continue;
            mentions[i] = mentions[i] with { Tokens = m with { Type = Person } };
        }
    }

    /// <summary>"Baroness Boothroyd", "Lord Skidelsky" left untagged: the title and the capitalised words after it, kept in text order.</summary>
    private static void AddUntagged(Document document, List<TaggedMention> mentions)
    {
        int n = document.Tokens.Length;
        for (int t = 0; t + 1 < n; t++)
        {
            if (!Titles.Contains(document.TokenText(t)) || !IsNameWord(document, t + 1)) continue;
            int at = mentions.FindIndex(m => m.Tokens.End > t);
            if (at >= 0 && mentions[at].Tokens.First <= t + 1) continue; // the title or the name is tagged already
            int end = t + 1;
            while (end < n && IsNameWord(document, end) && (at < 0 || end < mentions[at].Tokens.First)) end++;
            mentions.Insert(at < 0 ? mentions.Count : at, new TaggedMention(new TokenMention(t, end - t, Person), Confidence));
            t = end - 1;
        }
    }

    private static bool IsNameWord(Document document, int t)
    {
        var word = document.TokenText(t);
        return document.Tokens[t].Kind == TokenKind.Word && word.Length > 1 && char.IsUpper(word[0]) && !Offices.Contains(word) && !Titles.Contains(word);
    }
}
