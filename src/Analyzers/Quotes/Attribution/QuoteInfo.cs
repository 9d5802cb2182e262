using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Attribution;

/// <summary>A quote of the quotes layer seen as tokens: what the sieves work on.</summary>
internal sealed class QuoteInfo
{
    public required Quote Quote { get; init; }
    /// <summary>Cue tokens [Start, End), or null when the quote has no cue.</summary>
    public (int Start, int End)? Cue { get; init; }
    public required List<(int Start, int End)> Content { get; init; }
    public int Start => Content[0].Start;
    public int End => Content[^1].End;

    /// <summary>Set once the quote is attributed: the resolved speaker, for carry-over to later quotes.</summary>
    public ResolvedSpeaker? Speaker { get; set; }

    /// <summary>Set once the quote is attributed: the tokens of its speaker's words, when written.</summary>
    public (int Start, int End)? SpeakerTokens { get; set; }

    public bool InContent(int t)
    {
        foreach (var (s, e) in Content) if (t >= s && t < e) return true;
        return false;
    }
}
