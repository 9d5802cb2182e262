using System.Collections.Immutable;
using Pipeline.Analyzers.Stance.Models;
using Pipeline.Learning.Encoders;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance.Targets;

/// <summary>
/// Classifies every PER and ORG target site of a document with the entity-stance model and
/// gives each mention its site's label and holder. Thread-safe: per-document state lives in the call.
/// </summary>
public sealed class EntityStanceAnnotator
{
    private readonly StanceClassifier _model;
    private readonly ITextEncoder? _encoder;

    /// <param name="encoder">Required when the model was trained with an encoder.</param>
    /// <param name="int8">The tuned layer reads the states of the encoder below with 8-bit weight matrices.</param>
    public EntityStanceAnnotator(StanceClassifier model, ITextEncoder? encoder, bool int8 = false)
    {
        if (model.Settings.Encoder is { } needed && (encoder is null || !MiniLmEncoder.Matches(encoder.ModelId, needed)))
            throw new ArgumentException($"stance model {model.Id} needs the text encoder {needed}; {(encoder is null ? "none is available" : $"the run's encoder is {encoder.ModelId}")}");
        _model = model;
        _encoder = model.Settings.Encoder is null ? null : encoder;
        _below = model.Tuned is { } tuned ? MiniLmEncoder.ForModelId(int8 ? MiniLmEncoder.Int8IdOf(tuned.InputEncoder) : tuned.InputEncoder) : null;
    }

    private readonly MiniLmEncoder? _below;

    public StanceClassifier Model => _model;

    /// <summary>One result per (site, holder): the site's stance, as held by each holder of its mentions.</summary>
    public List<(SiteStance Stance, ImmutableArray<EntityMention> Mentions)> Classify(Document doc, ImmutableArray<EntityMention> entities, HolderResolver holders)
    {
        var results = new List<(SiteStance, ImmutableArray<EntityMention>)>();
        var sites = TargetSite.Find(doc, entities);
        if (sites.Count == 0) return results;
        var featurizer = new TargetFeaturizer(_model.Lexicon, _model.Settings.HashBits, _encoder, _model.Settings.EncoderViews, _model.Settings.EncoderScale,
            _below, _model.Tuned);
        featurizer.Begin(doc, entities);
        var x = new FeatureVector(featurizer.DenseLength);
        Span<float> p = stackalloc float[_model.Labels.Length];
        foreach (var site in sites)
        {
            featurizer.Featurize(site, x);
            int best = _model.Predict(x, p);
            var probabilities = ImmutableArray.Create((double)p[0], p[1], p[2]);
            var sentence = doc.Sentences[site.Sentence].Span;
            foreach (var group in site.Mentions.GroupBy(m => holders.Resolve(m.Span)))
                results.Add((new SiteStance(site, group.Key, (StanceLabel)best, probabilities, sentence), [.. group]));
        }
        return results;
    }
}
