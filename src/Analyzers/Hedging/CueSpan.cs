using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging;

/// <summary>A detected cue over tokens [First, End) of a document, before it becomes an annotation.</summary>
public readonly record struct CueSpan(int First, int End, HedgeType Type, double Confidence, string Method);

/// <summary>Finds hedge cues in a segmented document. Implementations are thread-safe.</summary>
public interface ICueDetector
{
    /// <summary>Model id written in provenance (name and short hash).</summary>
    string ModelId { get; }

    /// <summary>Appends the cues of <paramref name="doc"/> to <paramref name="cues"/> in text order.</summary>
    void Detect(Document doc, List<CueSpan> cues);
}
