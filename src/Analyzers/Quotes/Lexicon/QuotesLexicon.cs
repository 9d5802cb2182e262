namespace Pipeline.Analyzers.Quotes.Lexicon;

/// <summary>The data files of models/quotes-lexicon, loaded once per run.</summary>
public sealed class QuotesLexicon(CueLexicon cues, SpeakerLexicon speakers, NameGenders? names = null, MediaLexicon? media = null)
{
    public const string DefaultName = "quotes-lexicon";

    public CueLexicon Cues { get; } = cues;
    public SpeakerLexicon Speakers { get; } = speakers;
    /// <summary>First names and titles that tell he from she; none when the folder has no first-names.tsv.</summary>
    public NameGenders Names { get; } = names ?? NameGenders.None;
    /// <summary>News outlets' description heads and name words; none when the folder has no media.tsv.</summary>
    public MediaLexicon Media { get; } = media ?? MediaLexicon.None;

    /// <summary>Reads cues.tsv, speakers.tsv and, when present, first-names.tsv and media.tsv from a lexicon folder.</summary>
    public static QuotesLexicon Load(string folder)
    {
        string names = Path.Combine(folder, NameGenders.FileName), media = Path.Combine(folder, MediaLexicon.FileName);
        return new(
            CueLexicon.Load(Path.Combine(folder, "cues.tsv")),
            SpeakerLexicon.Load(Path.Combine(folder, "speakers.tsv")),
            File.Exists(names) ? NameGenders.Load(names) : NameGenders.None,
            File.Exists(media) ? MediaLexicon.Load(media) : MediaLexicon.None);
    }
}
