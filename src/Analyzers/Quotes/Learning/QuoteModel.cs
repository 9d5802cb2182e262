using Pipeline.Learning.Clustering;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// The three taggers of quote extraction, in the order of BBC citron's stages: cues, then the
/// content of each cue, then the source of each cue; plus the word clusters their features use.
/// </summary>
internal sealed class QuoteModel(string id, int bits, ITokenClassifier cue, ITokenClassifier content, ITokenClassifier source,
    WordClusters? clusters, HashSet32 cueSkipWords, string? cueEncoder = null, TunedCueTagger? tunedCue = null,
    TunedSpanTagger? tunedContent = null, TunedSpanTagger? tunedSource = null)
{
    /// <summary>Model id written in provenance (folder name and short hash).</summary>
    public string Id { get; } = id;
    /// <summary>Hashed feature space size is 2^Bits.</summary>
    public int Bits { get; } = bits;
    public ITokenClassifier Cue { get; } = cue;
    public ITokenClassifier Content { get; } = content;
    public ITokenClassifier Source { get; } = source;
    /// <summary>The word clusters the model was trained with, or null when it uses none.</summary>
    public WordClusters? Clusters { get; } = clusters;
    /// <summary>Word hashes of frequent words that (almost) never opened a cue in training: the cue tagger skips them after O.</summary>
    public HashSet32 CueSkipWords { get; } = cueSkipWords;
    /// <summary>Id of the text encoder whose word vectors the cue tagger reads (the encoder tier), else null.</summary>
    public string? CueEncoder { get; } = cueEncoder;
    /// <summary>The fine-tuned encoder layer whose cue probabilities are mixed with the cue tagger's, when the model has one.</summary>
    public TunedCueTagger? TunedCue { get; } = tunedCue;
    /// <summary>The fine-tuned encoder layers whose P(inside a content) is mixed with the content tagger's, when the model has them.</summary>
    public TunedSpanTagger? TunedContent { get; } = tunedContent;
    /// <summary>The same for the source tagger, when the model has them.</summary>
    public TunedSpanTagger? TunedSource { get; } = tunedSource;

    /// <summary>
    /// The same model with its tuned taggers' encoder layers multiplying in 8-bit integers: about
    /// twice as fast, figures a little off (docs/BENCHMARKS.md, "Quotes"). The model's id is kept.
    /// </summary>
    public QuoteModel WithInt8Encoders() => new(Id, Bits, Cue, Content, Source, Clusters, CueSkipWords, CueEncoder,
        TunedCue?.WithInt8(), TunedContent?.WithInt8(), TunedSource?.WithInt8());
}
