using System.Collections.Immutable;
using Pipeline.Learning.Linear;
using Pipeline.Sdk;

namespace TopicPlugin;

/// <summary>Labels each sentence with a topic from a linear model over its lower-cased words.</summary>
[TextAnalyzer("sample.topic", Description = "Labels each sentence with a topic")]
public sealed class TopicAnalyzer : TextAnalyzer
{
    public static readonly LayerKey<LabeledSpan> Topics = new("sentence-topic", "t");
    public const string ModelFile = "model.bin";
    internal const int HashBits = 16;

    public override ImmutableArray<LayerKey> Requires => [Layers.Tokens, Layers.Sentences];
    public override ImmutableArray<LayerKey> Produces => [Topics];

    public override AnalyzerTrainer CreateTrainer() => new TopicTrainer();

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.EnableConcurrentExecution();
        registration.RegisterRunStart(run =>
        {
            var folder = run.Models.Resolve(run.Options.GetString("model", "sample-topic"));
            // Not through manifest.json: `pipeline train` runs the analyzer on the dev set before writing it.
            var model = LinearModel.Load(Path.Combine(folder, ModelFile));
            var name = Path.GetFileName(folder);
            run.RegisterDocument(ctx =>
            {
                var doc = ctx.Document;
                var probabilities = new float[model.ClassCount];
                foreach (var sentence in doc.Sentences)
                {
                    int best = model.Predict(Features(doc, sentence), probabilities);
                    ctx.Add(Topics, new LabeledSpan
                    {
                        Id = ctx.NewId(Topics), Span = sentence.Span, Label = model.Labels[best],
                        Confidence = probabilities[best], Provenance = ctx.Provenance("linear", name),
                    });
                }
            });
        });
    }

    internal static int[] Features(Document doc, Sentence sentence)
    {
        var hasher = new FeatureHasher(HashBits);
        var features = new int[sentence.TokenCount];
        for (int i = 0; i < features.Length; i++) features[i] = hasher.Hash(1, doc.TokenLower(sentence.FirstToken + i));
        return features;
    }
}

/// <summary>Trains the topic model from documents whose sentences carry a gold topic.</summary>
public sealed class TopicTrainer : AnalyzerTrainer
{
    public override string Task => "sentence-topic";
    public override ImmutableArray<LayerKey> GoldLayers => [TopicAnalyzer.Topics];

    public override TrainingResult Train(TrainingContext context)
    {
        var examples = new List<(string Label, int[] Features)>();
        foreach (var doc in context.Train)
            foreach (var gold in doc.GetLayer(TopicAnalyzer.Topics))
                examples.Add((gold.Label, TopicAnalyzer.Features(doc, doc.Sentences[doc.SentenceAt(gold.Span.Start)])));
        var labels = examples.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var model = LinearTrainer.Train(examples.Select(e => new LinearExample(labels.IndexOf(e.Label), e.Features)).ToList(), labels,
            new LinearTrainerOptions { HashBits = TopicAnalyzer.HashBits, Seed = context.Seed, L1 = 0.01f, L2 = 0.01f, Log = context.Log });
        model.Save(Path.Combine(context.OutputDirectory, TopicAnalyzer.ModelFile));
        return new TrainingResult { Labels = [.. labels], Features = ImmutableDictionary<string, string>.Empty.Add("features", "lower-cased words") };
    }
}
