using System.Collections.Immutable;
using Pipeline.Analyzers.Stance.Lexicon;
using Pipeline.Analyzers.Stance.Models;
using Pipeline.Learning.Linear;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance.Targets;

/// <summary>
/// Turns the target sites of a document into feature vectors: lexical features always, encoder
/// features when the model was trained with the encoder. The dense part is the cue summary
/// followed by the encoder views' vectors. One instance per document (it holds
/// reusable buffers and the document's token vectors).
/// </summary>
public sealed class TargetFeaturizer
{
    private readonly TargetFeatures _features;
    private readonly TargetEncoding? _encoding;
    private readonly SentenceItems _items = new();
    private Document? _document;
    private ImmutableArray<EntityMention> _entities = [];

    /// <param name="views">The encoder views (<see cref="TargetEncoding"/>); unused without an encoder.</param>
    /// <param name="encoderScale">Multiplies the encoder numbers (<see cref="TargetEncoding"/>).</param>
    public TargetFeaturizer(StanceLexicon lexicon, int hashBits, ITextEncoder? encoder, ImmutableArray<string> views, float encoderScale)
    {
        _features = new TargetFeatures(lexicon, new FeatureHasher(hashBits));
        _encoding = encoder is null ? null : new TargetEncoding(encoder, lexicon, views, encoderScale);
    }

    /// <summary>Length of the dense part: the cue summary, then the encoder vectors.</summary>
    public int DenseLength => TargetFeatures.SummaryLength + (_encoding?.Dimension ?? 0);

    /// <summary>Starts a document: its entity mentions sorted by span.</summary>
    public void Begin(Document document, ImmutableArray<EntityMention> entities)
    {
        _document = document;
        _entities = entities.Sort((a, b) => a.Span.CompareTo(b.Span));
        _encoding?.Begin(document);
    }

    /// <summary>The features of one site of the current document.</summary>
    public void Featurize(TargetSite site, FeatureVector x)
    {
        var doc = _document ?? throw new InvalidOperationException("call Begin first");
        x.Clear();
        _items.Build(doc, site, _entities);
        _features.Extract(_items, x.Sparse, x.Values);
        _features.Summary(_items, x.Dense.AsSpan(0, TargetFeatures.SummaryLength));
        _encoding?.Write(site.Sentence, _items, x.Dense.AsSpan(TargetFeatures.SummaryLength));
    }
}
