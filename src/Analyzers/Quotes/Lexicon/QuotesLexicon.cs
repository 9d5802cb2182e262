namespace Pipeline.Analyzers.Quotes.Lexicon;

/// <summary>The data files of models/quotes-lexicon, loaded once per run.</summary>
public sealed class QuotesLexicon(CueLexicon cues, SpeakerLexicon speakers, NameGenders? names = null, BodyLexicon? bodies = null)
{
    public const string DefaultName = "quotes-lexicon";

    public CueLexicon Cues { get; } = cues;
    public SpeakerLexicon Speakers { get; } = speakers;
    /// <summary>First names and titles that tell he from she; none when the folder has no first-names.tsv.</summary>
    public NameGenders Names { get; } = names ?? NameGenders.None;
    /// <summary>How descriptions of bodies resolve (firms, news outlets); <see cref="BodyLexicon.None"/> when the folder has no bodies.tsv.</summary>
    public BodyLexicon Bodies { get; } = bodies ?? BodyLexicon.None;

    /// <summary>Reads cues.tsv, speakers.tsv and, when present, first-names.tsv and bodies.tsv from a lexicon folder.</summary>
    public static QuotesLexicon Load(string folder)
    {
        string names = Path.Combine(folder, NameGenders.FileName), bodies = Path.Combine(folder, BodyLexicon.FileName);
        return new(
            CueLexicon.Load(Path.Combine(folder, "cues.tsv")),
            SpeakerLexicon.Load(Path.Combine(folder, "speakers.tsv")),
            File.Exists(names) ? NameGenders.Load(names) : NameGenders.None,
            File.Exists(bodies) ? BodyLexicon.Load(bodies) : BodyLexicon.None);
    }
}
