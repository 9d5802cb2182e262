namespace Pipeline.Analyzers.Stance.Models;

/// <summary>
/// The features of one item to classify: hashed sparse features with their values (for the
/// linear model) and a dense part (cue summaries, then encoder vectors; for both model kinds).
/// Reused between items: <see cref="Clear"/> keeps the buffers.
/// </summary>
public sealed class FeatureVector(int denseLength)
{
    public List<int> Sparse { get; } = [];
    public List<float> Values { get; } = [];
    public float[] Dense { get; } = new float[denseLength];
    /// <summary>The tuned encoder classifier's probabilities, when the model has one (<see cref="TunedTargetClassifier"/>).</summary>
    public float[]? Tuned { get; set; }

    public void Clear()
    {
        Tuned = null;
        Sparse.Clear();
        Values.Clear();
        Array.Clear(Dense);
    }
}
