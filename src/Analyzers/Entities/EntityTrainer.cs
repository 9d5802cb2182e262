using System.Collections.Immutable;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Linear;
using Pipeline.Learning.Training;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// Trains the entity recognizer from documents carrying a gold entity layer. The first pass is
/// trained on the gold previous labels. Its predictions on held-out folds of the training set
/// (each fold tagged by a model trained on the others) are the second pass's inputs, so that the
/// second pass learns from first-pass output as noisy as it will be at run time. Both passes are
/// ML.NET maximum entropy models whose weights are then scored directly.
/// </summary>
internal sealed class EntityTrainer : AnalyzerTrainer
{
    private static readonly string[] LabelNames = Enumerable.Range(0, EntityLabels.Count).Select(EntityLabels.Name).ToArray();

    public override string Task => "ner";
    public override ImmutableArray<LayerKey> GoldLayers => [Layers.Entities];

    public override TrainingResult Train(TrainingContext context)
    {
        if (context.Options.GetString(EnsembleList.MembersOption) is { Length: > 0 } members) return WriteEnsemble(members, context);
        var options = EntityTrainingOptions.From(context.Options);
        var log = context.Log;
        var lexicon = LexiconSource.Load(options, log);
        ITextEncoder? encoder = null;
        if (options.Tier == EntitiesAnalyzer.AccurateTier)
            encoder = context.GetEncoder(MiniLmEncoder.ModelIdFor(options.Checkpoint, options.EncoderLayers));
        var cache = encoder is null ? null : new EncoderCache(encoder, context.CacheDirectory, log);
        var vectors = cache is null ? null : context.Train.Select(cache.WordVectors).ToList();
        var clusters = vectors is null || options.ContextualClusters.IsEmpty ? null : FitContextualClusters(vectors, options, context);

        var docs = context.Train.Select((d, i) => GoldDocument.Create(d, lexicon, vectors?[i], clusters)).ToList();
        log?.Info($"entities: {docs.Count} training documents, {docs.Sum(d => d.Document.Tokens.Length)} tokens, tier {options.Tier}");

        // Second-pass inputs: each fold tagged by a first pass trained on the other folds.
        var firstPass = new (byte[] Labels, float[] Probabilities)[docs.Count];
        for (int fold = 0; fold < options.Folds; fold++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            log?.Info($"entities: first pass, fold {fold + 1} of {options.Folds}");
            var held = Enumerable.Range(0, docs.Count).Where(i => i % options.Folds == fold).ToList();
            var weights = TrainFirstPass(docs.Where((_, i) => i % options.Folds != fold), options, context);
            var tagger = new EntityTagger(new EntityModel(options.Tier, encoder?.ModelId, lexicon, weights, LinearWeights.Empty, clusters));
            foreach (int i in held)
            {
                tagger.TagFirstPass(docs[i].Document, docs[i].Vectors);
                firstPass[i] = (tagger.FirstPassLabels.ToArray(), tagger.FirstPassProbabilities.ToArray());
            }
        }
        log?.Info("entities: first pass on all training documents");
        var first = TrainFirstPass(docs, options, context);
        log?.Info("entities: second pass");
        var second = TrainSecondPass(docs, firstPass, options, context);

        var model = new EntityModel(options.Tier, encoder?.ModelId, lexicon, first, second, clusters);
        model.Save(context.OutputDirectory);
        log?.Info($"entities: wrote {model.Id}: {first.RowCount} + {second.RowCount} weight rows");
        return new TrainingResult
        {
            Labels = [.. LabelNames],
            Features = options.Describe()
                .Add("first_pass_rows", first.RowCount.ToString())
                .Add("second_pass_rows", second.RowCount.ToString())
                .Add("cluster_words", lexicon.ClusterWordCount.ToString())
                .Add("gazetteer_entries", lexicon.GazetteerEntryCount.ToString())
                .Add("encoder", encoder?.ModelId ?? "none")
                .Add("contextual_clusters_fitted", clusters is null ? "none" : string.Join(",", clusters.Sizes)),
        };
    }

    /// <summary>
    /// Combines trained models (folders next to the output folder) into an ensemble, decoded
    /// jointly; the training documents are not read. The runner scores it on dev like any model.
    /// </summary>
    private static TrainingResult WriteEnsemble(string members, TrainingContext context)
    {
        EnsembleList.Write(context.OutputDirectory, EnsembleList.ParseOption(members));
        EntityEnsemble ensemble;
        try { ensemble = EntityEnsemble.Load(context.OutputDirectory); }
        catch
        {
            // A list whose members do not load is not a model: leave no half-made folder behind.
            File.Delete(Path.Combine(context.OutputDirectory, EnsembleList.FileName));
            throw;
        }
        context.Log?.Info($"entities: wrote {ensemble.Id}, an ensemble of {string.Join(", ", ensemble.Members.Select(m => $"{m.Model.Id} ({m.Weight:0.##})"))}");
        return new TrainingResult
        {
            Labels = [.. LabelNames],
            Features = ImmutableDictionary<string, string>.Empty
                .Add("tier", ensemble.Tier)
                .Add("members", string.Join(",", ensemble.Members.Select(m => m.Model.Id + ":" + m.Weight.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture))))
                .Add("encoder", ensemble.Encoders.Count == 0 ? "none" : string.Join(",", ensemble.Encoders)),
        };
    }

    internal static LinearWeights TrainFirstPass(IEnumerable<GoldDocument> docs, EntityTrainingOptions options, TrainingContext context)
    {
        var index = new FeatureIndex();
        var examples = new List<LinearExample>();
        foreach (var doc in docs)
            for (int i = 0; i < doc.Gold.Length; i++)
                examples.Add(new LinearExample(doc.Gold[i], index.Map(doc.KeysOf(i))) { Dense = options.DenseVectors ? doc.Vectors?[i] : null });
        return Fit(examples, index, options, context, examples[0].Dense?.Length ?? 0);
    }

    /// <summary>k-means codebooks over a seeded sample of the training tokens' encoder vectors.</summary>
    private static ContextualClusters FitContextualClusters(List<float[][]> vectors, EntityTrainingOptions options, TrainingContext context)
    {
        var all = vectors.SelectMany(v => v).ToList();
        var random = new Random(context.Seed);
        var sample = all.Count <= options.ContextualSample ? all : all.OrderBy(_ => random.Next()).Take(options.ContextualSample).ToList();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var clusters = ContextualClusters.Fit(sample, options.ContextualClusters, options.ContextualIterations, context.Seed);
        context.Log?.Info($"entities: contextual clusters {string.Join(",", clusters.Sizes)} fitted on {sample.Count} of {all.Count} tokens in {started.Elapsed.TotalSeconds:F0} s");
        return clusters;
    }

    private static LinearWeights TrainSecondPass(List<GoldDocument> docs, (byte[] Labels, float[] Probabilities)[] firstPass,
        EntityTrainingOptions options, TrainingContext context)
    {
        var index = new FeatureIndex();
        var examples = new List<LinearExample>();
        var contextFeatures = new DocumentContextFeatures();
        var tokens = new DocumentTokens();
        var keys = new ulong[DocumentContextFeatures.MaxStatic + DocumentContextFeatures.LabelFeatureCount];
        const int Dense = DocumentContextFeatures.DenseDimension;
        for (int d = 0; d < docs.Count; d++)
        {
            var doc = docs[d];
            int n = doc.Gold.Length;
            tokens.Load(doc.Document, doc.Lexicon);
            var dense = new float[n * Dense];
            contextFeatures.Build(tokens, firstPass[d].Labels, firstPass[d].Probabilities, dense);
            for (int i = 0; i < n; i++)
            {
                int count = DocumentContextFeatures.Static(tokens, firstPass[d].Labels, i, keys);
                bool start = i == tokens.SentenceFirst[i];
                DocumentContextFeatures.Labels(start ? LocalFeatures.StartLabel : doc.Gold[i - 1],
                    i - 1 > tokens.SentenceFirst[i] ? doc.Gold[i - 2] : LocalFeatures.StartLabel, keys.AsSpan(count));
                examples.Add(new LinearExample(doc.Gold[i], index.Map(keys.AsSpan(0, count + DocumentContextFeatures.LabelFeatureCount)))
                {
                    Dense = dense.AsSpan(i * Dense, Dense).ToArray(),
                });
            }
        }
        return Fit(examples, index, options, context, Dense);
    }

    private static LinearWeights Fit(List<LinearExample> examples, FeatureIndex index, EntityTrainingOptions options,
        TrainingContext context, int denseDimension)
    {
        var linear = LinearTrainer.Train(examples, LabelNames,
            options.Linear(index.Count, denseDimension, context.Seed, context.Log), context.CancellationToken);
        return LinearWeights.FromModel(linear, index.Keys, options.Prune);
    }

    /// <summary>Numbers the 64-bit feature keys met in training 0, 1, ... (the trainer's feature indices).</summary>
    private sealed class FeatureIndex
    {
        private readonly Dictionary<ulong, int> _index = [];
        private readonly List<ulong> _keys = [];

        public int Count => _keys.Count;
        public IReadOnlyList<ulong> Keys => _keys;

        public int[] Map(ReadOnlySpan<ulong> keys)
        {
            var result = new int[keys.Length];
            for (int i = 0; i < keys.Length; i++)
            {
                if (!_index.TryGetValue(keys[i], out int f))
                {
                    _index.Add(keys[i], f = _keys.Count);
                    _keys.Add(keys[i]);
                }
                result[i] = f;
            }
            return result;
        }
    }
}
