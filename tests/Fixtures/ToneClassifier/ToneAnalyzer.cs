using System.Collections.Immutable;
using Pipeline.Learning.Classification;
using Pipeline.Learning.Training;
using Pipeline.Sdk;

namespace ToneClassifier;

/// <summary>Labels each sentence "praise" or "complaint" with a classifier of its encoder vector.</summary>
[TextAnalyzer("tone", Description = "Labels each sentence praise or complaint")]
public sealed class ToneAnalyzer : TextAnalyzer
{
    public static readonly LayerKey<LabeledSpan> Tone = new("tone", "t");
    public const string ModelFile = "tone.zip";

    public override ImmutableArray<LayerKey> Requires => [Layers.Sentences];
    public override ImmutableArray<LayerKey> Produces => [Tone];

    public override AnalyzerTrainer CreateTrainer() => new ToneTrainer();

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.EnableConcurrentExecution();
        registration.RegisterRunStart(run =>
        {
            // Once per run: the model folder (option "model", a name or a path), the classifier, the shared encoder.
            var folder = run.Models.Resolve(run.Options.GetString("model", "tone"));
            var classifier = SentenceClassifier.Load(Path.Combine(folder, ModelFile));
            var encoder = run.GetService<ITextEncoder>() ?? throw new InvalidOperationException("the host offers no text encoder");
            run.RegisterDocument(ctx =>
            {
                var doc = ctx.Document;
                var vectors = encoder.EncodeSentences(doc.Sentences.Select(s => doc.GetString(s.Span)).ToList());
                for (int i = 0; i < vectors.Length; i++)
                {
                    var (label, probability) = classifier.Predict(vectors[i]);
                    ctx.Add(Tone, new LabeledSpan
                    {
                        Id = ctx.NewId(Tone), Span = doc.Sentences[i].Span, Label = label,
                        Confidence = probability, Provenance = ctx.Provenance("classifier", Path.GetFileName(folder)),
                    });
                }
            });
        });
    }
}

/// <summary>`pipeline train tone`: encodes the gold sentences and fits the classifier.</summary>
public sealed class ToneTrainer : AnalyzerTrainer
{
    public override string Task => "sentence-tone";
    public override ImmutableArray<LayerKey> GoldLayers => [ToneAnalyzer.Tone];

    public override TrainingResult Train(TrainingContext context)
    {
        var gold = context.Train.SelectMany(d => d.GetLayer(ToneAnalyzer.Tone).Select(t => (Text: d.GetString(t.Span), t.Label))).ToList();
        var vectors = context.GetEncoder().EncodeSentences(gold.Select(g => g.Text).ToList());
        var classifier = SentenceClassifier.Train(
            gold.Select((g, i) => new ClassifierExample(vectors[i], g.Label)).ToList(),
            new ClassifierOptions { Seed = context.Seed });
        classifier.Save(Path.Combine(context.OutputDirectory, ToneAnalyzer.ModelFile));
        return new TrainingResult { Labels = classifier.Labels };
    }
}
