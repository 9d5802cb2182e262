using System.Collections.Immutable;
using Pipeline.Analyzers.Hedging.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging;

/// <summary>
/// Hedge and weasel cues with their type and holder, the uncertain sentences, and the HDG rules.
/// Two tiers: a lexicon (fast, data files in models/hedging-lexicon) and a trained token tagger
/// (models/hedging-ml). Reads quotes and attributions when present to tell the author's hedges
/// from a speaker's.
/// </summary>
[TextAnalyzer("hedging", Description = "Hedge and weasel cues, their holder, and sentence uncertainty")]
public sealed class HedgingAnalyzer : TextAnalyzer
{
    public override ImmutableArray<RuleDescriptor> Rules => HedgeRules.All;
    public override ImmutableArray<LayerKey> Requires => [Layers.Tokens, Layers.Sentences];
    public override ImmutableArray<LayerKey> OptionalRequires => [Layers.Quotes, Layers.Attributions];
    public override ImmutableArray<LayerKey> Produces => [Layers.HedgeCues, Layers.Uncertainty];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.EnableConcurrentExecution();
        registration.RegisterRunStart(run =>
        {
            var options = HedgingOptions.From(run.Options);
            var annotator = new HedgeAnnotator(HedgeDetectors.Load(options, run.Models, run.GetService<ITextEncoder>), options);
            run.Log.Info($"hedging: {options.Tier.ToString().ToLowerInvariant()} tier, model {annotator.Detector.ModelId}");
            run.RegisterDocument(ctx => Write(ctx, annotator));
        });
    }

    public override AnalyzerTrainer? CreateTrainer() => new Ml.HedgeCueTrainer();

    private static void Write(DocumentContext ctx, HedgeAnnotator annotator)
    {
        var model = annotator.Detector.ModelId;
        var result = annotator.Annotate(ctx.Document, ctx.NewId, method => ctx.Provenance(method, model));
        foreach (var cue in result.Cues) ctx.Add(Layers.HedgeCues, cue);
        foreach (var sentence in result.Sentences) ctx.Add(Layers.Uncertainty, sentence);
        foreach (var finding in result.Findings) ctx.Report(finding);
    }
}
