using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Detection;

/// <summary>A quote found in a document, before it gets its id: token ranges plus how it was found.</summary>
public sealed class DetectedQuote
{
    /// <summary>Content segments as token ranges [Start, End), in text order.</summary>
    public required List<(int Start, int End)> Content { get; init; }
    /// <summary>The cue's token range, or null for a quotation with no cue.</summary>
    public (int Start, int End)? Cue { get; init; }
    public QuoteKind Kind { get; set; }
    public double Confidence { get; set; }
    /// <summary>The stage that decided, e.g. "model:cue-content", "rule:colon-lead".</summary>
    public required string Method { get; init; }

    public int Start => Content[0].Start;
    public int End => Content[^1].End;
}
