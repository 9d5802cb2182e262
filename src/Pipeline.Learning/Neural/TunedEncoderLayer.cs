using Pipeline.Learning.Encoders;

namespace Pipeline.Learning.Neural;

/// <summary>
/// Which layers of a MiniLM checkpoint are fine-tuned, and the states they read: the last of its
/// six layers (or the last few), over the frozen states of the layer below as the ONNX model computes them.
/// </summary>
public static class TunedEncoderLayer
{
    /// <summary>The 0-based index of the last layer in the checkpoint, the one tuned first.</summary>
    public const int Index = 5;
    public const int Heads = 12;

    /// <summary>The encoder id for the states below the last <paramref name="count"/> layers of a checkpoint.</summary>
    public static string InputEncoderFor(MiniLmCheckpoint checkpoint, int count = 1) => MiniLmEncoder.ModelIdFor(checkpoint, [Index + 1 - count]);

    /// <summary>The tuned layer's starting point: the checkpoint's own trained weights of its last layer.</summary>
    public static TransformerLayer Load(MiniLmCheckpoint checkpoint) => Load(checkpoint, 1)[0];

    /// <summary>The last <paramref name="count"/> layers of the checkpoint, lowest first, with its own trained weights.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The checkpoint has fewer layers.</exception>
    public static TransformerLayer[] Load(MiniLmCheckpoint checkpoint, int count)
    {
        if (count is < 1 or > Index + 1) throw new ArgumentOutOfRangeException(nameof(count), count, $"between 1 and {Index + 1} layers can be tuned");
        var graph = OnnxGraph.Read(checkpoint.ModelBytes());
        return [.. Enumerable.Range(Index + 1 - count, count).Select(i => TransformerLayer.FromOnnx(graph, i, Heads))];
    }
}
