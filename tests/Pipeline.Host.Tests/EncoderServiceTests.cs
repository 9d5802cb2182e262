using Pipeline.Host.Services;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Training;
using Pipeline.Sdk;

namespace Pipeline.Host.Tests;

/// <summary>The run's shared text encoder: MiniLM, created on first request, once, and cached to disk for training.</summary>
public sealed class EncoderServiceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_run_offers_the_MiniLM_encoder_created_once_on_first_request()
    {
        using var services = HostServices.CreateRegistry();
        Assert.False(services.IsCreated<ITextEncoder>());

        var encoder = Assert.IsType<MiniLmEncoder>(services.Get<ITextEncoder>());
        Assert.Same(encoder, services.Get<ITextEncoder>());
        Assert.Equal(384, encoder.EncodeSentence("Prices may rise.").Length);
    }

    [Fact]
    public void Disposing_the_registry_disposes_the_services_it_created_outer_first()
    {
        var disposed = new List<string>();
        var services = new ServiceRegistry();
        services.AddLazy(() => new Part("outer", disposed, services.Own(new Part("inner", disposed, null))));
        services.AddLazy(() => new Unused());
        Assert.NotNull(services.Get<Part>());

        services.Dispose();
        Assert.Equal(["outer", "inner"], disposed);
    }

    private sealed class Part(string name, List<string> disposed, Part? inner) : IDisposable
    {
        public Part? Inner => inner;
        public void Dispose() => disposed.Add(name);
    }

    private sealed class Unused : IDisposable
    {
        public void Dispose() => throw new InvalidOperationException("never created, never disposed");
    }

    [Fact]
    public void Training_services_cache_encoder_output_on_disk_and_the_training_context_uses_that_cache()
    {
        var cache = _temp.Combine(".cache", "encoder");
        using var services = HostServices.CreateRegistry(cache);
        var encoder = Assert.IsType<CachingTextEncoder>(services.Get<ITextEncoder>());
        var vector = encoder.EncodeSentence("Inflation could ease next year.");
        Assert.Equal(vector, encoder.EncodeSentence("Inflation could ease next year."));
        Assert.Equal((1, 1), (encoder.Hits, encoder.Misses));
        Assert.StartsWith(cache, encoder.Path);
        Assert.True(new FileInfo(encoder.Path).Length > 0);

        var context = new TrainingContext
        {
            Train = [], Dev = [], OutputDirectory = _temp.Path, Seed = 1, CacheDirectory = cache, Services = services.Get,
        };
        Assert.Same(encoder, context.GetEncoder());
    }
}
