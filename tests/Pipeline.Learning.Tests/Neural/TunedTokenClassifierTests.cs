using Pipeline.Learning.Encoders;
using Pipeline.Learning.Neural;

namespace Pipeline.Learning.Tests.Neural;

/// <summary>
/// The fine-tuned token classifier: it learns token labels that depend on the sentence, not on the
/// word alone, and its file round-trips.
/// </summary>
public sealed class TunedTokenClassifierTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pipeline-tuned-token-tests", Guid.NewGuid().ToString("N"));

    public TunedTokenClassifierTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    private static readonly System.Collections.Immutable.ImmutableArray<string> Labels = ["other", "winner"];
    private static readonly string[] Names = ["Smith", "Jones", "Brown", "Garcia", "Miller", "Davis", "Wilson", "Moore"];

    /// <summary>"X defeated Y." and "X lost to Y.": the winner is the first name in one and the second in the other.</summary>
    private static List<TunedTokenExample> Examples(MiniLmEncoder below, IEnumerable<(string First, string Second)> pairs)
    {
        var examples = new List<TunedTokenExample>();
        foreach (var (first, second) in pairs)
            foreach (var (text, winner) in new[] { ($"{first} defeated {second}.", first), ($"{first} lost to {second}.", second) })
            {
                var (pieces, states) = below.SequenceStates(text);
                int[] positions = [FirstPiece(pieces, text.IndexOf(first, StringComparison.Ordinal)), FirstPiece(pieces, text.IndexOf(second, StringComparison.Ordinal))];
                examples.Add(new TunedTokenExample(states, positions, [first == winner ? 1 : 0, second == winner ? 1 : 0]));
            }
        return examples;
    }

    private static int FirstPiece(IReadOnlyList<WordPiece> pieces, int start) => 1 + Enumerable.Range(0, pieces.Count).First(i => pieces[i].Start == start);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Learns_labels_that_depend_on_the_sentence_and_round_trips_through_its_file(int layers)
    {
        var below = MiniLmEncoder.ForModelId(TunedEncoderLayer.InputEncoderFor(MiniLmCheckpoint.AllMiniLmL6V2, layers))!;
        var train = Examples(below, Names.Select((n, i) => (n, Names[(i + 3) % Names.Length])));
        var classifier = TunedTokenClassifier.Train(train, Labels, MiniLmCheckpoint.AllMiniLmL6V2,
            new TuningOptions { Epochs = 20, BatchSize = 4, LearningRate = 3e-4f, Dropout = 0 }, layers: layers);
        Assert.Equal(layers == 1 ? "all-MiniLM-L6-v2@L5" : "all-MiniLM-L6-v2@L4", classifier.InputEncoder);

        // Pairs the training never saw: the label follows the verb and the place, whichever name holds it.
        foreach (var example in Examples(below, [(Names[0], Names[5]), (Names[6], Names[1])]))
        {
            var p = classifier.Predict(example.States, example.Positions);
            for (int i = 0; i < example.Positions.Length; i++)
                Assert.True(p[i * 2 + example.Labels[i]] > 0.5f, $"position {example.Positions[i]}: P({Labels[example.Labels[i]]}) = {p[i * 2 + example.Labels[i]]}");
        }

        // ONNX Runtime running the tuned layers over the states below gives the same probabilities.
        using var onnx = classifier.CreateOnnxEncoder();
        Assert.EndsWith("+tuned", onnx.ModelId);
        Assert.Throws<InvalidOperationException>(() => onnx.SequenceStates("It reads states, not text."));
        foreach (var (text, example) in new[] { $"{Names[0]} defeated {Names[5]}.", $"{Names[0]} lost to {Names[5]}." }.Zip(Examples(below, [(Names[0], Names[5])])))
        {
            var expected = classifier.Predict(example.States, example.Positions);
            var (pieces, states) = below.SequenceStates(text);
            var actual = classifier.PredictFromTop(onnx.StatesAbove(pieces, states), example.Positions);
            Assert.Equal(expected, actual, (a, b) => MathF.Abs(a - b) < 2e-3f);
        }

        string path = Path.Combine(_root, "tuned.bin");
        classifier.Save(path);
        var loaded = TunedTokenClassifier.Load(path);
        Assert.Equal<string>(Labels, loaded.Labels);
        Assert.Equal(layers, loaded.LayerCount);
        Assert.Equal(classifier.Predict(train[0].States, train[0].Positions), loaded.Predict(train[0].States, train[0].Positions));

        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^5]);
        var error = Assert.Throws<InvalidModelException>(() => TunedTokenClassifier.Load(path));
        Assert.Equal(path, error.File);
        Assert.Contains("truncated", error.Reason);
    }
}
