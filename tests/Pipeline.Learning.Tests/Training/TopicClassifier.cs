using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Learning.Linear;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Learning.Tests.Training;

/// <summary>
/// A third-party-style learned analyzer for the tests: labels each sentence with a topic
/// ("sentence-topic" layer of LabeledSpan) from hashed bag-of-words features.
/// </summary>
internal static class TopicClassifier
{
    public static readonly LayerKey<LabeledSpan> Layer = new("sentence-topic", "t");
    private const int Bits = 16;

    private static int[] Features(Document doc, Sentence s)
    {
        var hasher = new FeatureHasher(Bits);
        return Enumerable.Range(s.FirstToken, s.TokenCount).Select(i => hasher.Hash(1, doc.TokenLower(i))).ToArray();
    }

    public sealed class Trainer : AnalyzerTrainer
    {
        public override string Task => "sentence-topic";
        public override ImmutableArray<LayerKey> GoldLayers => [Layer];

        public override TrainingResult Train(TrainingContext context)
        {
            var examples = new List<(string Label, int[] Features)>();
            foreach (var doc in context.Train)
                foreach (var gold in doc.GetLayer(Layer))
                {
                    var s = doc.Sentences[doc.SentenceAt(gold.Span.Start)];
                    examples.Add((gold.Label, Features(doc, s)));
                }
            var labels = examples.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToList();
            var model = LinearTrainer.Train(examples.Select(e => new LinearExample(labels.IndexOf(e.Label), e.Features)).ToList(), labels,
                new LinearTrainerOptions { HashBits = Bits, Seed = context.Seed, L1 = 0.01f, L2 = 0.01f });
            model.Save(Path.Combine(context.OutputDirectory, "model.bin"));
            return new TrainingResult { Labels = [.. labels], Features = ImmutableDictionary<string, string>.Empty.Add("features", "bag of words") };
        }
    }

    /// <summary>What the host does for `pipeline train`/`eval`: load the model once, run over the documents.</summary>
    public static IReadOnlyList<Document> Analyze(string? modelDirectory, IReadOnlyList<Document> documents, CancellationToken _)
    {
        var model = LinearModel.Load(Path.Combine(modelDirectory!, "model.bin"));
        var probabilities = new float[model.ClassCount];
        return documents.Select(doc => doc.WithLayer(Layer, doc.Sentences.Select((s, i) =>
        {
            int best = model.Predict(Features(doc, s), probabilities);
            return new LabeledSpan { Id = $"t{i + 1}", Span = s.Span, Label = model.Labels[best], Confidence = probabilities[best] };
        }).ToImmutableArray())).ToList();
    }

    /// <summary>Writes an annotations.jsonl gold file of documents whose sentences are about one topic each.</summary>
    public static void WriteGold(string path, int documents, int seed, string[]? topics = null)
    {
        var vocabulary = new Dictionary<string, string[]>
        {
            ["sport"] = ["team", "won", "match", "goal", "coach", "season", "league"],
            ["economy"] = ["rates", "market", "bank", "inflation", "prices", "shares", "budget"],
            ["weather"] = ["rain", "storm", "wind", "snow", "forecast", "sunny", "clouds"],
        };
        topics ??= ["sport", "economy", "weather"];
        string[] filler = ["the", "today", "again", "said", "new"];
        var random = new Random(seed);
        using var writer = new StreamWriter(path);
        for (int d = 0; d < documents; d++)
        {
            var chosen = Enumerable.Range(0, 3).Select(_ => topics[random.Next(topics.Length)]).ToList();
            string text = string.Join(" ", chosen.Select(t =>
                string.Join(" ", Enumerable.Range(0, 6).Select(i => i % 3 == 2 ? filler[random.Next(filler.Length)] : vocabulary[t][random.Next(vocabulary[t].Length)])) + "."));
            var doc = DocumentFactory.Create(text);
            var layer = doc.Sentences.Select((s, i) => new { id = $"t{i + 1}", start = s.Span.Start, end = s.Span.End, label = chosen[i] });
            writer.WriteLine(JsonSerializer.Serialize(new { text, layers = new Dictionary<string, object> { ["sentence-topic"] = layer } }));
        }
    }
}
