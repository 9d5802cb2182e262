using System.Collections.Immutable;
using Pipeline.Analyzers.Stance.Lexicon;
using Pipeline.Analyzers.Stance.Models;
using Pipeline.Learning.Encoders;
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
    private readonly MiniLmEncoder? _below;
    private readonly TunedTargetClassifier? _tuned;
    private readonly Dictionary<int, (IReadOnlyList<WordPiece> Pieces, float[] States)> _sentenceStates = [];
    private readonly SentenceItems _items = new();
    private Document? _document;
    private ImmutableArray<EntityMention> _entities = [];

    /// <param name="views">The encoder views (<see cref="TargetEncoding"/>); unused without an encoder.</param>
    /// <param name="encoderScale">Multiplies the encoder numbers (<see cref="TargetEncoding"/>).</param>
    /// <param name="below">The encoder giving the states below a tuned layer: the sites' sentences are run through it (<see cref="TunedSite"/>).</param>
    /// <param name="tuned">A tuned classifier whose probabilities each feature vector carries.</param>
    public TargetFeaturizer(StanceLexicon lexicon, int hashBits, ITextEncoder? encoder, ImmutableArray<string> views, float encoderScale,
        MiniLmEncoder? below = null, TunedTargetClassifier? tuned = null)
    {
        if (tuned is not null && (below is null || !MiniLmEncoder.Matches(below.ModelId, tuned.InputEncoder)))
            throw new ArgumentException($"the tuned stance classifier reads {tuned.InputEncoder}; {(below is null ? "no encoder was given" : $"got {below.ModelId}")}");
        _features = new TargetFeatures(lexicon, new FeatureHasher(hashBits));
        _encoding = encoder is null ? null : new TargetEncoding(encoder, lexicon, views, encoderScale);
        _below = below;
        _tuned = tuned;
    }

    /// <summary>Length of the dense part: the cue summary, then the encoder vectors.</summary>
    public int DenseLength => TargetFeatures.SummaryLength + (_encoding?.Dimension ?? 0);

    /// <summary>Starts a document: its entity mentions sorted by span.</summary>
    public void Begin(Document document, ImmutableArray<EntityMention> entities)
    {
        _document = document;
        _entities = entities.Sort((a, b) => a.Span.CompareTo(b.Span));
        _encoding?.Begin(document);
        _sentenceStates.Clear();
    }

    /// <summary>The states below the tuned layer of the site's sentence and the positions of its target's pieces.</summary>
    public (float[] States, int[] Targets) TunedSite(TargetSite site)
    {
        var doc = _document ?? throw new InvalidOperationException("call Begin first");
        var below = _below ?? throw new InvalidOperationException("no encoder for a tuned layer was given");
        var sentence = doc.Sentences[site.Sentence].Span;
        if (!_sentenceStates.TryGetValue(site.Sentence, out var encoded))
            _sentenceStates[site.Sentence] = encoded = below.SequenceStates(doc.GetString(sentence));
        var targets = TunedTargetClassifier.TargetPositions(encoded.Pieces,
            site.Mentions.Select(m => new TextSpan(m.Span.Start - sentence.Start, m.Span.Length)));
        return (encoded.States, targets);
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
        if (_tuned is not null)
        {
            var (states, targets) = TunedSite(site);
            x.Tuned = new float[_tuned.Labels.Length];
            _tuned.Predict(states, targets, x.Tuned);
        }
    }
}
