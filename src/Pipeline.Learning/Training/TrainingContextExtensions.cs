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
    public static ITextEncoder GetEncoder(this TrainingContext context) =>
        Cached(context, context.GetService<ITextEncoder>() ?? MiniLmEncoder.Shared);

    /// <summary>
    /// For plain MiniLM (<see cref="MiniLmEncoder.Id"/>), the run's encoder as <see cref="GetEncoder(TrainingContext)"/>
    /// gives it; for a MiniLM layer variant ("all-MiniLM-L6-v2@L4+5+6"), that variant, behind the same disk cache.
    /// </summary>
    /// <exception cref="ArgumentException">No encoder has that id.</exception>
    public static ITextEncoder GetEncoder(this TrainingContext context, string modelId) =>
        modelId == MiniLmEncoder.Id
            ? context.GetEncoder()
            : Cached(context, MiniLmEncoder.ForModelId(modelId) ?? throw new ArgumentException($"no text encoder has the id '{modelId}'"));

    private static ITextEncoder Cached(TrainingContext context, ITextEncoder encoder)
    {
        if (context.CacheDirectory is null || encoder is CachingTextEncoder) return encoder;
        string dir = Path.GetFullPath(context.CacheDirectory);
        return Caches.GetOrAdd((encoder, dir), key => new CachingTextEncoder(key.Item1, key.Item2, context.Log));
    }
}
