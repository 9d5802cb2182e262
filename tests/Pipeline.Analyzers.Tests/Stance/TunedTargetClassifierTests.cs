using Pipeline.Analyzers.Stance.Models;
using Pipeline.Learning;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Neural;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Stance;

public sealed class TunedTargetClassifierTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pipeline-tuned-tests", Guid.NewGuid().ToString("N"));

    public TunedTargetClassifierTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    private static readonly System.Collections.Immutable.ImmutableArray<string> Labels = ["negative", "neutral", "positive"];

    private static (List<TunedExample> Examples, MiniLmEncoder Below) Examples()
    {
        var below = MiniLmEncoder.ForModelId(TunedTargetClassifier.InputEncoderFor(MiniLmCheckpoint.AllMiniLmL6V2))!;
        var examples = new List<TunedExample>();
        foreach (var (text, target, label) in new[] { ("Critics condemned Smith.", "Smith", 0), ("Jones travelled to Ohio.", "Jones", 1), ("Voters cheered Brown.", "Brown", 2) })
        {
            var (pieces, states) = below.SequenceStates(text);
            int start = text.IndexOf(target, StringComparison.Ordinal);
            examples.Add(new TunedExample(states, TunedTargetClassifier.TargetPositions(pieces, [new TextSpan(start, target.Length)]), label));
        }
        return (examples, below);
    }

    [Fact]
    public void Target_positions_are_the_pieces_under_the_target_after_CLS()
    {
        var below = MiniLmEncoder.ForModelId(TunedTargetClassifier.InputEncoderFor(MiniLmCheckpoint.AllMiniLmL6V2))!;
        const string text = "Lukashenka met Putin.";
        var (pieces, states) = below.SequenceStates(text);
        Assert.Equal((pieces.Count + 2) * 384, states.Length);
        var positions = TunedTargetClassifier.TargetPositions(pieces, [new TextSpan(text.IndexOf("Putin", StringComparison.Ordinal), 5)]);
        Assert.NotEmpty(positions);
        Assert.All(positions, p => Assert.StartsWith(text.Substring(pieces[p - 1].Start, pieces[p - 1].End - pieces[p - 1].Start), "Putin", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Saves_and_loads_the_same_classifier()
    {
        var (examples, _) = Examples();
        var classifier = TunedTargetClassifier.Train(examples, Labels, MiniLmCheckpoint.AllMiniLmL6V2, new TuningOptions { Epochs = 1, BatchSize = 2 });
        string path = Path.Combine(_root, "tuned.bin");
        classifier.Save(path);
        var loaded = TunedTargetClassifier.Load(path);
        Assert.Equal(classifier.InputEncoder, loaded.InputEncoder);
        Assert.Equal<string>(Labels, loaded.Labels);
        float[] p = new float[3], q = new float[3];
        foreach (var x in examples)
        {
            classifier.Predict(x.States, x.Targets, p);
            loaded.Predict(x.States, x.Targets, q);
            Assert.Equal(1f, p.Sum(), 1e-5f);
            Assert.Equal(p, q);
        }

        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^7]);
        var error = Assert.Throws<InvalidModelException>(() => TunedTargetClassifier.Load(path));
        Assert.Equal(path, error.File);
        Assert.Contains("truncated", error.Reason);
    }
}
