namespace Pipeline.Analyzers.Quotes.Lexicon;

/// <summary>The data files of models/quotes-lexicon, loaded once per run.</summary>
public sealed class QuotesLexicon(CueLexicon cues, SpeakerLexicon speakers)
{
    public const string DefaultName = "quotes-lexicon";

    public CueLexicon Cues { get; } = cues;
    public SpeakerLexicon Speakers { get; } = speakers;

    /// <summary>Reads cues.tsv and speakers.tsv from a lexicon folder.</summary>
    public static QuotesLexicon Load(string folder) => new(
        CueLexicon.Load(Path.Combine(folder, "cues.tsv")),
        SpeakerLexicon.Load(Path.Combine(folder, "speakers.tsv")));
}
