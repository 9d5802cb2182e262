using System.Collections.Immutable;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Pipeline.Analyzers.Hedging.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging.Ml;

/// <summary>
/// Trains the cue tagger (`pipeline train hedging`): per-token labels O or a cue type from the gold
/// hedge layer, a multiclass logistic regression (ML.NET L-BFGS maximum entropy) over hashed
/// features, then the cue threshold tuned for cue F1 on the dev documents.
/// Options: lexicon (folder, default models/hedging-lexicon), hashBits (20), l1 (0.5), l2 (0.5),
/// iterations (200), ambiguousMinCount (5).
/// </summary>
public sealed class HedgeCueTrainer : AnalyzerTrainer
{
    public override string Task => "hedge-cues";
    public override ImmutableArray<LayerKey> GoldLayers => [Layers.HedgeCues];

    public override TrainingResult Train(TrainingContext context)
    {
        var o = context.Options;
        var lexiconFolder = o.GetString("lexicon", Path.Combine("models", HedgingOptions.DefaultLexicon));
        var lexicon = HedgeLexicon.Load(lexiconFolder);
        int hashBits = o.GetInt("hashBits", 20);
        if (hashBits is < 10 or > 24) throw new ArgumentException($"hashBits must be between 10 and 24, not {hashBits}");

        var labels = LabelsOf(context.Train);
        var ambiguous = AmbiguousStems(context.Train, lexicon, o.GetInt("ambiguousMinCount", 5));
        var features = new CueFeatures(hashBits, ambiguous);
        context.Log?.Info($"hedging: {context.Train.Count} training documents, labels {string.Join(",", labels)}, {ambiguous.Count} ambiguous cue stems");

        var examples = Examples(context.Train, lexicon, features, labels).ToList();
        context.Log?.Info($"hedging: {examples.Count} tokens");
        var (weights, bias) = Fit(examples, labels.Length, hashBits, o, context.Seed);

        var settings = new CueTaggerSettings
        {
            Labels = labels,
            HashBits = hashBits,
            CueThreshold = 0.5,
            AmbiguousStems = [.. ambiguous.Order(StringComparer.Ordinal)],
        };
        var model = new CueTaggerModel(settings, weights, bias, lexicon, "hedging-ml@training");
        var (threshold, dev) = TuneThreshold(model, context.Dev);
        model = model.WithThreshold(threshold);
        model.Save(context.OutputDirectory);
        context.Log?.Info($"hedging: cue threshold {threshold:0.00}, dev cue F1 {dev.CueF1:0.000}, sentence F1 {dev.SentenceF1:0.000}");

        return new TrainingResult
        {
            Labels = [.. labels],
            Features = ImmutableDictionary<string, string>.Empty
                .Add("hashBits", hashBits.ToString(CultureInfo.InvariantCulture))
                .Add("templates", "word,lower,stem,shape,suffix3,window±2,bigrams,trigram,lexicon tags,ambiguous-cue conjunctions")
                .Add("ambiguousStems", string.Join(" ", settings.AmbiguousStems))
                .Add("cueThreshold", threshold.ToString("0.00", CultureInfo.InvariantCulture)),
            Metrics = ImmutableDictionary<string, double>.Empty
                .Add("dev_cue_f1", dev.CueF1).Add("dev_sentence_f1", dev.SentenceF1),
        };
    }

    /// <summary>"O" then the cue types present in the gold data, in enum order.</summary>
    private static string[] LabelsOf(IReadOnlyList<Document> docs)
    {
        var types = docs.SelectMany(d => d.GetLayerOrEmpty(Layers.HedgeCues)).Select(c => c.Type).ToHashSet();
        if (types.Count == 0) throw new InvalidDataException("the training documents carry no hedge cues");
        return ["O", .. Enum.GetValues<HedgeType>().Where(types.Contains).Select(t => t.ToString().ToLowerInvariant())];
    }

    /// <summary>Per token of every sentence: the label (0 = O) and the feature indices.</summary>
    private static IEnumerable<(int Label, VBuffer<float> Features)> Examples(
        IReadOnlyList<Document> docs, HedgeLexicon lexicon, CueFeatures features, string[] labels)
    {
        var buffer = new int[CueFeatures.MaxPerToken];
        foreach (var doc in docs)
        {
            var table = new TokenTable(doc, lexicon);
            var gold = GoldLabels(doc, labels);
            foreach (var sentence in doc.Sentences)
                for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
                {
                    int n = features.Extract(table, sentence, i, buffer);
                    yield return (gold[i], Sparse(buffer.AsSpan(0, n), 1 << features.HashBits));
                }
        }
    }

    /// <summary>Each token's label: the type of the gold cue overlapping it, else 0.</summary>
    public static int[] GoldLabels(Document doc, string[] labels)
    {
        var result = new int[doc.Tokens.Length];
        foreach (var cue in doc.GetLayerOrEmpty(Layers.HedgeCues))
        {
            int label = Array.IndexOf(labels, cue.Type.ToString().ToLowerInvariant());
            if (label < 0) continue;
            for (int i = doc.TokenAt(cue.Span.Start); i < result.Length && doc.Tokens[i].Span.Start < cue.Span.End; i++)
                result[i] = label;
        }
        return result;
    }

    /// <summary>Stems that are cues at least <paramref name="minCount"/> times but not always: they get their own conjunctions.</summary>
    private static HashSet<string> AmbiguousStems(IReadOnlyList<Document> docs, HedgeLexicon lexicon, int minCount)
    {
        var asCue = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            var table = new TokenTable(doc, lexicon);
            var isCue = new bool[doc.Tokens.Length];
            foreach (var cue in doc.GetLayerOrEmpty(Layers.HedgeCues))
                for (int i = doc.TokenAt(cue.Span.Start); i < isCue.Length && doc.Tokens[i].Span.Start < cue.Span.End; i++)
                    isCue[i] = true;
            for (int i = 0; i < isCue.Length; i++)
            {
                var stem = table.Stem(i).ToString();
                total[stem] = total.GetValueOrDefault(stem) + 1;
                if (isCue[i]) asCue[stem] = asCue.GetValueOrDefault(stem) + 1;
            }
        }
        return asCue.Where(p => p.Value >= minCount && p.Value < 0.95 * total[p.Key]).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
    }

    private sealed class Row
    {
        public float Label { get; set; }
        public VBuffer<float> Features { get; set; }
    }

    private static (float[] Weights, float[] Bias) Fit(List<(int Label, VBuffer<float> Features)> examples, int classes, int hashBits, AnalyzerOptions o, int seed)
    {
        int dimension = 1 << hashBits;
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new Row { Label = e.Label, Features = e.Features }), schema);
        // Keys ordered by value, so class c of the model is label c (every label occurs in the training data).
        var pipeline = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(Row.Label), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "LabelKey",
                FeatureColumnName = nameof(Row.Features),
                L1Regularization = (float)o.GetDouble("l1", 0.5),
                L2Regularization = (float)o.GetDouble("l2", 0.5),
                MaximumNumberOfIterations = o.GetInt("iterations", 200),
                NumberOfThreads = 1,
            }));
        var parameters = pipeline.Fit(data).LastTransformer.Model;
        VBuffer<float>[] perClass = [];
        parameters.GetWeights(ref perClass, out int numClasses);
        if (numClasses != classes) throw new InvalidOperationException($"trained {numClasses} classes, expected {classes}");
        var biases = parameters.GetBiases().ToArray();
        var weights = new float[dimension * classes];
        for (int c = 0; c < numClasses; c++)
            foreach (var (f, v) in perClass[c].Items())
                weights[f * classes + c] = v;
        return (weights, biases);
    }

    /// <summary>A sparse vector with summed values for repeated (colliding) indices.</summary>
    private static VBuffer<float> Sparse(ReadOnlySpan<int> features, int dimension)
    {
        var sorted = features.ToArray();
        Array.Sort(sorted);
        int n = 0;
        var indices = new int[sorted.Length];
        var values = new float[sorted.Length];
        foreach (var f in sorted)
        {
            if (n > 0 && indices[n - 1] == f) { values[n - 1] += 1; continue; }
            indices[n] = f;
            values[n++] = 1;
        }
        return new VBuffer<float>(dimension, n, values, indices);
    }

    /// <summary>The cue threshold with the best dev cue F1 (0.5 when there are no dev documents).</summary>
    private static (double Threshold, CueScore Score) TuneThreshold(CueTaggerModel model, IReadOnlyList<Document> dev)
    {
        if (dev.Count == 0) return (0.5, new CueScore(0, 0));
        var best = (Threshold: 0.5, Score: CueScore.Measure(model.CreateDetector(), dev));
        for (double t = 0.2; t <= 0.8 + 1e-9; t += 0.05)
        {
            var score = CueScore.Measure(model.WithThreshold(t).CreateDetector(), dev);
            if (score.CueF1 > best.Score.CueF1) best = (t, score);
        }
        return best;
    }
}

/// <summary>
/// Exact-span cue F1 and uncertain-sentence F1 (one gold sentence per document) of a detector's
/// non-weasel cues, used to tune the cue threshold: the training corpora carry no weasel labels.
/// </summary>
public readonly record struct CueScore(double CueF1, double SentenceF1)
{
    public static CueScore Measure(ICueDetector detector, IReadOnlyList<Document> gold)
    {
        int tp = 0, fp = 0, fn = 0, stp = 0, sfp = 0, sfn = 0;
        var cues = new List<CueSpan>();
        foreach (var doc in gold)
        {
            cues.Clear();
            detector.Detect(doc, cues);
            var predicted = cues.Where(c => c.Type != HedgeType.Weasel)
                .Select(c => TextSpan.FromBounds(doc.Tokens[c.First].Span.Start, doc.Tokens[c.End - 1].Span.End)).ToHashSet();
            var expected = doc.GetLayerOrEmpty(Layers.HedgeCues).Select(c => c.Span).ToHashSet();
            tp += predicted.Count(expected.Contains);
            fp += predicted.Count(p => !expected.Contains(p));
            fn += expected.Count(e => !predicted.Contains(e));
            bool p = predicted.Count > 0, e = expected.Count > 0;
            if (p && e) stp++; else if (p) sfp++; else if (e) sfn++;
        }
        return new CueScore(F1(tp, fp, fn), F1(stp, sfp, sfn));
    }

    private static double F1(int tp, int fp, int fn) => tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
}
