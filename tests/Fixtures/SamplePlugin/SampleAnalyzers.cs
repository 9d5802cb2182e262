using System.Collections.Immutable;
using System.Reflection;
using Newtonsoft.Json;
using Pipeline.Sdk;

namespace SamplePlugin;

public static class SampleLayers
{
    public static readonly LayerKey<LabeledSpan> Headline = new("sample.headline", "h");
}

/// <summary>Marks the first sentence and says which Newtonsoft.Json it runs with.</summary>
[TextAnalyzer("sample.headline", Description = "Marks the first sentence")]
public sealed class HeadlineAnalyzer : TextAnalyzer
{
    public static readonly RuleDescriptor JsonVersion = new("SMP001", "Library version", "Newtonsoft.Json {0} ({1}) wrote {2}", "Sample", Severity.Warning);

    public override ImmutableArray<RuleDescriptor> Rules => [JsonVersion];
    public override ImmutableArray<LayerKey> Requires => [Layers.Sentences];
    public override ImmutableArray<LayerKey> Produces => [SampleLayers.Headline];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.EnableConcurrentExecution();
        registration.RegisterDocument(ctx =>
        {
            if (ctx.Document.Sentences.IsEmpty) return;
            var span = ctx.Document.Sentences[0].Span;
            ctx.Add(SampleLayers.Headline, new LabeledSpan { Id = ctx.NewId(SampleLayers.Headline), Span = span, Label = "headline" });
            var assembly = typeof(JsonConvert).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
            ctx.Report(Finding.Create(JsonVersion, span, assembly.GetName().Version, version, JsonConvert.SerializeObject(new { sentences = ctx.Document.Sentences.Length })));
        });
    }
}

/// <summary>Reads the headline layer: runs after <see cref="HeadlineAnalyzer"/>.</summary>
[TextAnalyzer("sample.length")]
public sealed class HeadlineLengthAnalyzer : TextAnalyzer
{
    public static readonly RuleDescriptor Length = new("SMP002", "Headline length", "the headline has {0} characters", "Sample", Severity.Suggestion);

    public override ImmutableArray<RuleDescriptor> Rules => [Length];
    public override ImmutableArray<LayerKey> Requires => [SampleLayers.Headline];
    public override ImmutableArray<LayerKey> Produces => [];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterDocument(ctx =>
        {
            foreach (var headline in ctx.GetLayer(SampleLayers.Headline))
                ctx.Report(Finding.Create(Length, headline.Span, headline.Span.Length));
        });
}
