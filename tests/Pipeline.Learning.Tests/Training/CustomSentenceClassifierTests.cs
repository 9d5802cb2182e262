using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Learning.Classification;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Training;
using Pipeline.Sdk;

namespace Pipeline.Learning.Tests.Training;

/// <summary>
/// A plugin author's custom model end to end: labelled sentences in JSONL, a trainer on encoder
/// sentence vectors with <see cref="SentenceClassifier"/>, an analyzer that loads the model once.
/// </summary>
public class CustomSentenceClassifierTests : IDisposable
{
    private static readonly LayerKey<LabeledSpan> Tone = new("tone", "t");
    private readonly TempFiles _files = new();
    public void Dispose() => _files.Dispose();

    private sealed class ToneTrainer : AnalyzerTrainer
    {
        public override string Task => "sentence-tone";
        public override ImmutableArray<LayerKey> GoldLayers => [Tone];

        public override TrainingResult Train(TrainingContext context)
        {
            var gold = context.Train.SelectMany(d => d.GetLayer(Tone).Select(t => (Text: d.GetString(t.Span), t.Label))).ToList();
            var vectors = context.GetEncoder().EncodeSentences(gold.Select(g => g.Text).ToList());
            var classifier = SentenceClassifier.Train(gold.Select((g, i) => new ClassifierExample(vectors[i], g.Label)).ToList(),
                new ClassifierOptions { Seed = context.Seed });
            classifier.Save(Path.Combine(context.OutputDirectory, "tone.zip"));
            return new TrainingResult { Labels = classifier.Labels };
        }
    }

    private static IReadOnlyList<Document> Analyze(string? model, IReadOnlyList<Document> documents, CancellationToken _)
    {
        var classifier = SentenceClassifier.Load(Path.Combine(model!, "tone.zip")); // once per run
        return documents.Select(doc =>
        {
            var vectors = MiniLmEncoder.Shared.EncodeSentences(doc.Sentences.Select(s => doc.GetString(s.Span)).ToList());
            return doc.WithLayer(Tone, doc.Sentences.Select((s, i) =>
            {
                var (label, p) = classifier.Predict(vectors[i]);
                return new LabeledSpan { Id = $"t{i + 1}", Span = s.Span, Label = label, Confidence = p };
            }).ToImmutableArray());
        }).ToList();
    }

    private string Sentences(string name, params (string Text, string Label)[] items) =>
        _files.Write(name, string.Concat(items.Select(x => JsonSerializer.Serialize(new { text = x.Text, label = x.Label }) + "\n")));

    [Fact]
    public void Trains_from_labelled_sentences_and_evaluates_on_new_ones()
    {
        string train = Sentences("train.jsonl",
            ("The service was wonderful and the staff were kind.", "praise"), ("I love this product, it works perfectly.", "praise"),
            ("Great value, I would buy it again.", "praise"), ("The team did a fantastic job.", "praise"),
            ("Delivery was quick and everything arrived intact.", "praise"), ("An excellent, well-written report.", "praise"),
            ("The hotel room was clean and comfortable.", "praise"), ("Thank you for the brilliant support.", "praise"),
            ("The food was cold and the waiter was rude.", "complaint"), ("It broke after two days, a total waste of money.", "complaint"),
            ("Nobody answered my calls for a week.", "complaint"), ("The train was late again and overcrowded.", "complaint"),
            ("My order arrived damaged and incomplete.", "complaint"), ("The software keeps crashing and loses my work.", "complaint"),
            ("The room smelled of smoke and the sheets were dirty.", "complaint"), ("Terrible customer service, I want a refund.", "complaint"));
        string model = _files.PathOf("models/tone");
        var request = new TrainingRequest
        {
            Analyzer = "tone", Trainer = new ToneTrainer(), Produces = [Tone], Train = new GoldSource(train),
            OutputDirectory = model, CacheDirectory = _files.PathOf("cache"), CommandLine = "pipeline train tone", Analyze = Analyze,
        };
        var log = new List<string>();
        var manifest = new TrainingRunner(new ListLog(log), TextWriter.Null).Run(request).Manifest;
        Assert.Equal<string>(["complaint", "praise"], manifest.Labels);
        Assert.Contains(log, l => l.Contains("16 documents (sentences)"));

        string test = Sentences("test.jsonl",
            ("Superb quality and friendly people.", "praise"), ("The concert was an absolute delight.", "praise"),
            ("Wonderful experience from start to finish.", "praise"), ("The parcel never arrived and support ignored me.", "complaint"),
            ("The battery died within an hour, very disappointing.", "complaint"), ("Awful noise all night, we could not sleep.", "complaint"));
        var output = new StringWriter();
        var report = new EvaluationRunner(new ListLog(log), output).Run(new EvaluationRequest
        {
            Analyzer = "tone", Produces = [Tone], Gold = new GoldSource(test), ModelDirectory = model, Analyze = Analyze,
        });
        Assert.True(report["accuracy"] >= 5 / 6.0, output.ToString());
        Assert.Contains("RESULT f1=", output.ToString());
    }
}
