using System.Collections.Immutable;
using Pipeline.Analyzers.Stance.Lexicon;
using Pipeline.Analyzers.Stance.Models;
using Pipeline.Analyzers.Stance.Targets;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Linear;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance.Training;

/// <summary>
/// Examples for the mention-stance model from gold documents with an entity layer and a stance
/// layer of mention-scope labels (NewsMTSC): one example per target site that holds a labelled mention.
/// </summary>
public static class EntityStanceTraining
{
    public static readonly ImmutableArray<string> Labels = ["negative", "neutral", "positive"];

    /// <param name="below">Given: each example's sentence states below the tuned layer are collected into <paramref name="tuned"/>, in the same order.</param>
    public static List<LinearExample> Examples(IReadOnlyList<Document> docs, StanceLexicon lexicon, int hashBits, ITextEncoder? encoder, ImmutableArray<string> views, float encoderScale,
        IRunLog? log, CancellationToken cancellationToken, MiniLmEncoder? below = null, List<TunedExample>? tuned = null)
    {
        var featurizer = new TargetFeaturizer(lexicon, hashBits, encoder, views, encoderScale, below);
        var x = new FeatureVector(featurizer.DenseLength);
        var examples = new List<LinearExample>();
        int done = 0;
        foreach (var doc in docs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entities = doc.GetLayerOrEmpty(Layers.Entities);
            var gold = doc.GetLayerOrEmpty(Layers.Stance).Where(s => s.Scope == StanceScope.Mention && s.MentionId is not null)
                .GroupBy(s => s.MentionId!).ToDictionary(g => g.Key, g => g.First().Label);
            if (gold.Count == 0) continue;
            featurizer.Begin(doc, entities);
            foreach (var site in TargetSite.Find(doc, entities))
            {
                var labelled = site.Mentions.FirstOrDefault(m => gold.ContainsKey(m.Id));
                if (labelled is null) continue;
                featurizer.Featurize(site, x);
                examples.Add(new LinearExample((int)gold[labelled.Id], [.. x.Sparse]) { Values = [.. x.Values], Dense = (float[])x.Dense.Clone() });
                if (below is not null && tuned is not null)
                {
                    var (states, targets) = featurizer.TunedSite(site);
                    tuned.Add(new TunedExample(states, targets, (int)gold[labelled.Id]));
                }
            }
            if (++done % 2000 == 0) log?.Info($"stance: featurized {done} of {docs.Count} documents");
        }
        return examples;
    }
}
