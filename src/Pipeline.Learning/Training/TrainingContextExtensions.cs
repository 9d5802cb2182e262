using System.Collections.Concurrent;
using Pipeline.Learning.Encoders;
using Pipeline.Sdk;

namespace Pipeline.Learning.Training;

public static class TrainingContextExtensions
{
    private static readonly ConcurrentDictionary<(ITextEncoder, string), CachingTextEncoder> Caches = new();

    /// <summary>
    /// The run's text encoder (the host's, else the shared MiniLM encoder), behind a disk cache in
    /// <see cref="TrainingContext.CacheDirectory"/> when there is one (and the host's encoder is not
    /// cached already), so that repeated trainings (cross-validation folds, tuning) encode each text once.
    /// </summary>
    public static ITextEncoder GetEncoder(this TrainingContext context)
    {
        var encoder = context.GetService<ITextEncoder>() ?? MiniLmEncoder.Shared;
        if (context.CacheDirectory is null || encoder is CachingTextEncoder) return encoder;
        string dir = Path.GetFullPath(context.CacheDirectory);
        return Caches.GetOrAdd((encoder, dir), key => new CachingTextEncoder(key.Item1, key.Item2, context.Log));
    }

    /// <summary>
    /// The encoder a model id names: the run's when its id matches, else the MiniLM variant of that
    /// id (<see cref="MiniLmEncoder.ForModelId"/>), behind the disk cache as in <see cref="GetEncoder(TrainingContext)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No encoder has that id.</exception>
    public static ITextEncoder GetEncoder(this TrainingContext context, string modelId)
    {
        if (modelId == MiniLmEncoder.Id) return context.GetEncoder();
        ITextEncoder encoder = MiniLmEncoder.ForModelId(modelId) ?? throw new ArgumentException($"no text encoder has the id '{modelId}'");
        if (context.CacheDirectory is null) return encoder;
        string dir = Path.GetFullPath(context.CacheDirectory);
        return Caches.GetOrAdd((encoder, dir), key => new CachingTextEncoder(key.Item1, key.Item2, context.Log));
    }
}
