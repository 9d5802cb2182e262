using System.Collections.Immutable;

namespace Pipeline.Sdk;

/// <summary>
/// Trains an analyzer's model from gold documents (documents carrying the gold layers).
/// The host reads gold data, calls <see cref="Train"/>, evaluates the written model with the
/// task's standard metric and writes manifest.json next to it.
/// </summary>
public abstract class AnalyzerTrainer
{
    /// <summary>The task, e.g. "ner", "hedge-cues", "quote-attribution", "target-stance".</summary>
    public abstract string Task { get; }

    /// <summary>Layers the gold documents must carry.</summary>
    public abstract ImmutableArray<LayerKey> GoldLayers { get; }

    /// <summary>Trains and writes the model files into <see cref="TrainingContext.OutputDirectory"/>.</summary>
    public abstract TrainingResult Train(TrainingContext context);
}

public sealed class TrainingContext
{
    public required IReadOnlyList<Document> Train { get; init; }
    /// <summary>Held-out documents (the dev set or a split of the train set) for early stopping or tuning.</summary>
    public required IReadOnlyList<Document> Dev { get; init; }
    public required string OutputDirectory { get; init; }
    public required int Seed { get; init; }
    /// <summary>Options from pipeline.json and --option key=value (feature settings, tier...).</summary>
    public AnalyzerOptions Options { get; init; } = AnalyzerOptions.Empty;
    /// <summary>Folder for caches that may be reused across trainings (encoder outputs...).</summary>
    public string? CacheDirectory { get; init; }
    public IRunLog? Log { get; init; }
    public Func<Type, object?> Services { get; init; } = _ => null;
    public CancellationToken CancellationToken { get; init; }

    public T? GetService<T>() where T : class => Services(typeof(T)) as T;
}

/// <summary>What a trainer reports for the manifest.</summary>
public sealed record TrainingResult
{
    public required ImmutableArray<string> Labels { get; init; }
    /// <summary>Feature settings as recorded in the manifest.</summary>
    public ImmutableDictionary<string, string> Features { get; init; } = ImmutableDictionary<string, string>.Empty;
    /// <summary>Metrics the trainer measured itself (the host adds the standard ones).</summary>
    public ImmutableDictionary<string, double> Metrics { get; init; } = ImmutableDictionary<string, double>.Empty;
}
