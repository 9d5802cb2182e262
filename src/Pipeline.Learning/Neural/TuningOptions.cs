using Pipeline.Sdk;

namespace Pipeline.Learning.Neural;

/// <summary>Settings of fine-tuning an encoder layer with a classifier on top (<see cref="TunedTokenClassifier"/> and the stance analyzer's target classifier).</summary>
public sealed record TuningOptions
{
    public int Epochs { get; init; } = 3;
    public int BatchSize { get; init; } = 16;
    /// <summary>Learning rate of the encoder layer's weights (what starts untrained learns 20 times faster).</summary>
    public float LearningRate { get; init; } = 5e-5f;
    public float WeightDecay { get; init; } = 0.01f;
    /// <summary>Share of the head's inputs dropped at each training step.</summary>
    public float Dropout { get; init; } = 0.1f;
    public int Seed { get; init; } = 1;
    public int Threads { get; init; } = Math.Max(1, Math.Min(2, Environment.ProcessorCount));

    /// <summary>
    /// The training options tuneEpochs, tuneRate, tuneBatch, tuneDecay and tuneDropout over
    /// <paramref name="defaults"/>, checked.
    /// </summary>
    /// <exception cref="ArgumentException">A value is out of range; the message starts with <paramref name="task"/>.</exception>
    public static TuningOptions From(AnalyzerOptions o, string task, TuningOptions? defaults = null)
    {
        var d = defaults ?? new TuningOptions();
        var t = d with
        {
            Epochs = o.GetInt("tuneEpochs", d.Epochs),
            LearningRate = (float)o.GetDouble("tuneRate", d.LearningRate),
            BatchSize = o.GetInt("tuneBatch", d.BatchSize),
            WeightDecay = (float)o.GetDouble("tuneDecay", d.WeightDecay),
            Dropout = (float)o.GetDouble("tuneDropout", d.Dropout),
        };
        if (t.Epochs < 1 || t.BatchSize < 1 || !(t.LearningRate > 0) || !(t.WeightDecay >= 0) || t.Dropout is < 0 or >= 1 || float.IsNaN(t.Dropout))
            throw new ArgumentException($"{task}: tuning options: tuneEpochs and tuneBatch must be at least 1, tuneRate above 0, tuneDecay 0 or more, tuneDropout from 0 to below 1");
        return t;
    }
}
