using Pipeline.Learning.Encoders;

namespace Pipeline.Learning.Tests.Encoders;

public class OnnxGraphTests
{
    private static readonly MiniLmCheckpoint Checkpoint = MiniLmCheckpoint.AllMiniLmL6V2;

    [Fact]
    public void A_model_cut_at_an_inner_layer_keeps_only_the_layers_below_it()
    {
        var full = OnnxGraph.Read(Checkpoint.ModelBytes());
        var second = OnnxGraph.Read(OnnxGraph.WithOutputs(Checkpoint.ModelBytes(), [Checkpoint.LayerTensors[2]]));
        var fourth = OnnxGraph.Read(OnnxGraph.WithOutputs(Checkpoint.ModelBytes(), [Checkpoint.LayerTensors[4]]));

        static bool Computes(OnnxGraph graph, string tensor) => graph.Nodes.Any(n => n.Outputs.Contains(tensor));
        Assert.True(Computes(second, Checkpoint.LayerTensors[1]) && Computes(second, Checkpoint.LayerTensors[2]));
        Assert.False(Computes(second, Checkpoint.LayerTensors[3]));
        Assert.False(Computes(second, Checkpoint.LayerTensors[6]));
        Assert.True(Computes(fourth, Checkpoint.LayerTensors[4]) && !Computes(fourth, Checkpoint.LayerTensors[5]));
        // Each layer is the same number of nodes: two of six, four of six, and the embeddings.
        Assert.InRange(second.Nodes.Count, full.Nodes.Count / 4, full.Nodes.Count / 2);
        Assert.True(fourth.Nodes.Count > second.Nodes.Count && fourth.Nodes.Count < full.Nodes.Count);
        // The upper layers' weights go with their nodes.
        Assert.True(second.Initializers.Count < fourth.Initializers.Count && fourth.Initializers.Count < full.Initializers.Count);
    }

    [Fact]
    public void A_model_fed_at_an_inner_layer_keeps_only_the_layers_above_it_and_runs_as_the_whole_model()
    {
        var full = OnnxGraph.Read(Checkpoint.ModelBytes());
        var upper = OnnxGraph.Read(OnnxGraph.WithInputAndOutputs(Checkpoint.ModelBytes(), Checkpoint.LayerTensors[4], [Checkpoint.LayerTensors[6]]));
        static bool Computes(OnnxGraph graph, string tensor) => graph.Nodes.Any(n => n.Outputs.Contains(tensor));
        Assert.True(Computes(upper, Checkpoint.LayerTensors[5]) && Computes(upper, Checkpoint.LayerTensors[6]));
        Assert.False(Computes(upper, Checkpoint.LayerTensors[4]) || Computes(upper, Checkpoint.LayerTensors[1]));
        Assert.InRange(upper.Nodes.Count, full.Nodes.Count / 6, full.Nodes.Count / 2);

        // Layers 1-4 from one encoder and 5-6 from the fed one give the whole model's states.
        const string text = "The senator said on Tuesday that the bill would pass.";
        var below = MiniLmEncoder.ForModelId(MiniLmEncoder.ModelIdFor(Checkpoint, [4]))!;
        using var above = new MiniLmEncoder(new MiniLmOptions { Checkpoint = Checkpoint, InputLayer = 4 });
        var (pieces, states) = below.SequenceStates(text);
        var expected = MiniLmEncoder.Shared.SequenceStates(text).States;
        Assert.Equal(expected, above.StatesAbove(pieces, states), (a, b) => MathF.Abs(a - b) < 1e-4f);
        Assert.Throws<ArgumentException>(() => above.StatesAbove(pieces, states[..^384]));

        var error = Assert.Throws<InvalidDataException>(() => OnnxGraph.WithInputAndOutputs(Checkpoint.ModelBytes(), Checkpoint.LayerTensors[5], [Checkpoint.LayerTensors[4]]));
        Assert.Contains($"'{Checkpoint.LayerTensors[5]}'", error.Message);
    }

    [Fact]
    public void An_output_the_graph_does_not_compute_is_named()
    {
        var error = Assert.Throws<InvalidDataException>(() => OnnxGraph.WithOutputs(Checkpoint.ModelBytes(), ["/encoder/layer.9/output"]));
        Assert.Contains("'/encoder/layer.9/output'", error.Message);
    }

    [Fact]
    public void Initializers_given_new_values_hold_them_and_a_wrong_size_or_name_is_named()
    {
        var full = OnnxGraph.Read(Checkpoint.ModelBytes());
        var (name, tensor) = full.Initializers.First(t => t.Value.Values.Length > 1);
        var values = tensor.Values.Select(v => v + 1f).ToArray();
        var changed = OnnxGraph.Read(OnnxGraph.WithInitializers(Checkpoint.ModelBytes(), new Dictionary<string, float[]> { [name] = values }));
        Assert.Equal(values, changed.Initializers[name].Values);
        Assert.Equal(full.Nodes.Count, changed.Nodes.Count);

        var wrongSize = Assert.Throws<InvalidDataException>(() => OnnxGraph.WithInitializers(Checkpoint.ModelBytes(), new Dictionary<string, float[]> { [name] = [1f] }));
        Assert.Contains(name, wrongSize.Message);
        var missing = Assert.Throws<InvalidDataException>(() => OnnxGraph.WithInitializers(Checkpoint.ModelBytes(), new Dictionary<string, float[]> { ["no.such.weight"] = [1f] }));
        Assert.Contains("'no.such.weight'", missing.Message);
    }
}
