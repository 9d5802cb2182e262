using Pipeline.Sdk;

namespace Pipeline.Host.Services;

/// <summary>The services every run offers its analyzers.</summary>
public static class HostServices
{
    /// <summary>
    /// Creates the run's shared <see cref="ITextEncoder"/> (called at most once per run, on the
    /// first request). Null: the host offers no encoder and GetService returns null.
    /// </summary>
    public static Func<ITextEncoder>? TextEncoderFactory { get; set; }

    public static ServiceRegistry CreateRegistry()
    {
        var registry = new ServiceRegistry();
        if (TextEncoderFactory is { } encoder) registry.AddLazy(encoder);
        return registry;
    }
}
