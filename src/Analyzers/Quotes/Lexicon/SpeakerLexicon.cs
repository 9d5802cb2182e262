using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Lexicon;

/// <summary>What a word says about the speaker a phrase names (speakers.tsv).</summary>
public enum SpeakerWordClass
{
    None,
    /// <summary>he, she: the nearest person.</summary>
    PronounPerson,
    /// <summary>they, it, we: an organisation or a person.</summary>
    PronounGroup,
    /// <summary>I, me.</summary>
    PronounSelf,
    /// <summary>Head of a description of an organisation: "the company".</summary>
    OrgNoun,
    /// <summary>Head of a description of a person: "the governor".</summary>
    PersonNoun,
    /// <summary>Head of an unnamed source: "sources", "a senior official".</summary>
    VagueHead,
    /// <summary>Makes a source anonymous: "unidentified", "familiar with".</summary>
    Anonymity,
    /// <summary>Head of a group no one is named in: "analysts", "economists"; unnamed unless a body is ("analysts at Citigroup").
    /// Last, so the classes before keep the numbers the source tagger's features were trained with.</summary>
    GroupHead,
    /// <summary>A person by nationality: "the American", "the Scot" (sport writing's second mention).</summary>
    Demonym,
    /// <summary>Head of a description of a document that speaks for its authors: "the report", "a survey".</summary>
    Document,
}

/// <summary>Pronouns, descriptive heads and anonymity markers used to classify and resolve speakers.</summary>
public sealed class SpeakerLexicon
{
    private readonly PhraseTable<SpeakerWordClass> _phrases;

    private SpeakerLexicon(PhraseTable<SpeakerWordClass> phrases) => _phrases = phrases;

    public static SpeakerLexicon Load(string path)
    {
        var phrases = new List<(string[], SpeakerWordClass)>();
        foreach (var (line, f) in LexiconFile.Read(path, 2))
        {
            var cls = f[0] switch
            {
                "pronoun-person" => SpeakerWordClass.PronounPerson,
                "pronoun-group" => SpeakerWordClass.PronounGroup,
                "pronoun-self" => SpeakerWordClass.PronounSelf,
                "org-noun" => SpeakerWordClass.OrgNoun,
                "person-noun" => SpeakerWordClass.PersonNoun,
                "vague-head" => SpeakerWordClass.VagueHead,
                "group-head" => SpeakerWordClass.GroupHead,
                "demonym" => SpeakerWordClass.Demonym,
                "document" => SpeakerWordClass.Document,
                "anonymity" => SpeakerWordClass.Anonymity,
                _ => throw new LexiconException(path, line, $"unknown class '{f[0]}'"),
            };
            phrases.Add((LexiconFile.Words(f[1]), cls));
        }
        if (phrases.Count == 0) throw new LexiconException(path, 0, "no entries");
        return new SpeakerLexicon(new PhraseTable<SpeakerWordClass>(phrases));
    }

    /// <summary>The class of the phrase starting at token <paramref name="index"/>, and its length in tokens.</summary>
    public SpeakerWordClass Classify(Document doc, int index, int end, out int length) =>
        _phrases.TryMatch(doc, index, end, out length, out var cls) ? Checked(doc, index, cls) : SpeakerWordClass.None;

    /// <summary>The class of a single token (multi-word entries do not match).</summary>
    public SpeakerWordClass Classify(Document doc, int index) =>
        _phrases.TryMatch(doc, index, index + 1, out _, out var cls) ? Checked(doc, index, cls) : SpeakerWordClass.None;

    /// <summary>The same, given the token's lower-cased hash.</summary>
    internal SpeakerWordClass Classify(Document doc, int index, int lowerHash) =>
        _phrases.TryMatch(doc, index, index + 1, lowerHash, out _, out var cls) ? Checked(doc, index, cls) : SpeakerWordClass.None;

    /// <summary>The lexicon matches lower-cased words, but "US" (the country) or "IT" written in capitals is no pronoun.</summary>
    private static SpeakerWordClass Checked(Document doc, int index, SpeakerWordClass cls)
    {
        if (cls is not (SpeakerWordClass.PronounPerson or SpeakerWordClass.PronounGroup or SpeakerWordClass.PronounSelf)) return cls;
        var word = doc.TokenText(index);
        if (word.Length < 2) return cls;
        foreach (char c in word) if (!char.IsUpper(c)) return cls;
        return SpeakerWordClass.None;
    }
}
