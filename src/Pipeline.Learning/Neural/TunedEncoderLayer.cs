using Pipeline.Learning.Encoders;

namespace Pipeline.Learning.Neural;

/// <summary>
/// Which layer of a MiniLM checkpoint is fine-tuned, and the states it reads: the last of its six
/// layers, over the frozen states of the layer below it as the ONNX model computes them.
/// </summary>
public static class TunedEncoderLayer
{
    /// <summary>The 0-based index of the tuned layer in the checkpoint.</summary>
    public const int Index = 5;
    public const int Heads = 12;

    /// <summary>The encoder id for the states below the tuned layer of a checkpoint.</summary>
    public static string InputEncoderFor(MiniLmCheckpoint checkpoint) => MiniLmEncoder.ModelIdFor(checkpoint, [Index]);

    /// <summary>The tuned layer's starting point: the checkpoint's own trained weights.</summary>
    public static TransformerLayer Load(MiniLmCheckpoint checkpoint) => TransformerLayer.FromOnnx(OnnxGraph.Read(checkpoint.ModelBytes()), Index, Heads);
}
