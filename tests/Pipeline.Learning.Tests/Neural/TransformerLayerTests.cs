using Pipeline.Learning.Encoders;
using Pipeline.Learning.Neural;

namespace Pipeline.Learning.Tests.Neural;

public class TransformerLayerTests
{
    private static float[] Random(int length, Random rng, float scale) =>
        Enumerable.Range(0, length).Select(_ => (rng.NextSingle() * 2 - 1) * scale).ToArray();

    private static TransformerLayer Small(int seed)
    {
        var rng = new Random(seed);
        var layer = new TransformerLayer(dim: 8, heads: 2, feedForward: 12);
        Random(layer.ParameterCount, rng, 0.4f).CopyTo(layer.Parameters, 0);
        foreach (int gain in new[] { layer.G1, layer.G2 })
            for (int k = 0; k < 8; k++) layer.Parameters[gain + k] += 1f;
        return layer;
    }

    /// <summary>A loss that weighs every output number differently: Σ y·r.</summary>
    private static double Loss(TransformerLayer layer, float[] x, int[] queries, float[] r)
    {
        var y = layer.Forward(x, queries).Output;
        double loss = 0;
        for (int i = 0; i < y.Length; i++) loss += y[i] * r[i];
        return loss;
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        var layer = Small(1);
        var rng = new Random(2);
        var x = Random(5 * 8, rng, 1f);
        int[] queries = [0, 3];
        var r = Random(queries.Length * 8, rng, 1f);
        var grad = new float[layer.ParameterCount];
        var dx = layer.Backward(layer.Forward(x, queries), r, grad);

        const float h = 1e-2f;
        double Numeric(float[] values, int index)
        {
            float kept = values[index];
            values[index] = kept + h;
            double up = Loss(layer, x, queries, r);
            values[index] = kept - h;
            double down = Loss(layer, x, queries, r);
            values[index] = kept;
            return (up - down) / (2 * h);
        }
        // Every block of parameters (a few entries of each), and every input number.
        foreach (var (offset, length, _) in layer.Blocks())
            for (int k = 0; k < length; k += Math.Max(1, length / 5))
                Assert.True(Math.Abs(Numeric(layer.Parameters, offset + k) - grad[offset + k]) < 2e-2 + 2e-2 * Math.Abs(grad[offset + k]),
                    $"parameter {offset + k}: numeric {Numeric(layer.Parameters, offset + k):F4}, analytic {grad[offset + k]:F4}");
        for (int k = 0; k < x.Length; k++)
            Assert.True(Math.Abs(Numeric(x, k) - dx[k]) < 2e-2 + 2e-2 * Math.Abs(dx[k]),
                $"input {k}: numeric {Numeric(x, k):F4}, analytic {dx[k]:F4}");
    }

    [Fact]
    public void The_last_MiniLM_layer_rebuilt_from_the_ONNX_graph_gives_the_model_s_own_outputs()
    {
        var checkpoint = MiniLmCheckpoint.AllMiniLmL6V2;
        var layer = TransformerLayer.FromOnnx(OnnxGraph.Read(checkpoint.ModelBytes()), layer: 5, heads: 12);
        using var fifth = new MiniLmEncoder(new MiniLmOptions { Layers = [5] });
        using var last = new MiniLmEncoder(new MiniLmOptions { Layers = [6] });
        const string text = "Lukashenko periodically flies off the handle, Sivitsky said.";
        var (pieces, input) = fifth.SequenceStates(text);
        var (_, expected) = last.SequenceStates(text);
        int n = pieces.Count + 2;
        int[] queries = [0, 3, n - 1];
        var output = layer.Forward(input, queries).Output;
        for (int i = 0; i < queries.Length; i++)
            for (int k = 0; k < 384; k++)
                Assert.True(Math.Abs(output[i * 384 + k] - expected[queries[i] * 384 + k]) < 2e-3f,
                    $"position {queries[i]}, number {k}: {output[i * 384 + k]} against {expected[queries[i] * 384 + k]}");
    }
}
