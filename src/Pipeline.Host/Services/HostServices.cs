using Pipeline.Learning.Encoders;
using Pipeline.Sdk;

namespace Pipeline.Host.Services;

/// <summary>The services every run offers its analyzers.</summary>
public static class HostServices
{
    /// <summary>
    /// Creates the run's shared <see cref="ITextEncoder"/> (called at most once per run, on the
    /// first request). By default the all-MiniLM-L6-v2 encoder; null: the host offers no encoder
    /// and GetService returns null.
    /// </summary>
    public static Func<ITextEncoder>? TextEncoderFactory { get; set; } = () => new MiniLmEncoder();

    /// <summary>A run's services.</summary>
    /// <param name="encoderCacheDirectory">
    /// When given (training), the encoder keeps its vectors in a disk cache there, so that repeated
    /// trainings and evaluations over the same texts encode each text once.
    /// </param>
    public static ServiceRegistry CreateRegistry(string? encoderCacheDirectory = null, IRunLog? log = null)
    {
        var registry = new ServiceRegistry();
        if (TextEncoderFactory is not { } factory) return registry;
        if (encoderCacheDirectory is null) registry.AddLazy(factory);
        else registry.AddLazy<ITextEncoder>(() => new CachingTextEncoder(registry.Own(factory()), encoderCacheDirectory, log));
        return registry;
    }
}
