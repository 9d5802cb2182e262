using System.Collections.Immutable;
using Pipeline.Learning.Encoders;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// Named entities (PER, ORG, LOC, MISC, CoNLL-2003 conventions) with their in-document clusters.
/// Options: "tier" ("fast", the default, or "accurate", which also reads the host's text
/// encoder) and "model" (a model name or folder; default "entities-" + tier). A model folder may
/// hold an ensemble of models decoded jointly (<see cref="EntityEnsemble"/>).
/// </summary>
[TextAnalyzer("entities", Description = "Named entities (PER, ORG, LOC, MISC) and their in-document clusters")]
public sealed class EntitiesAnalyzer : TextAnalyzer
{
    public const string FastTier = "fast";
    public const string AccurateTier = "accurate";

    public override ImmutableArray<LayerKey> Requires => [Layers.Tokens, Layers.Sentences, Layers.Paragraphs];
    public override ImmutableArray<LayerKey> Produces => [Layers.Entities];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.EnableConcurrentExecution();
        registration.RegisterRunStart(run =>
        {
            var tier = run.Options.GetString("tier", FastTier);
            if (tier is not (FastTier or AccurateTier))
                throw new ArgumentException($"entities: option tier is '{tier}'; expected '{FastTier}' or '{AccurateTier}'");
            var model = EntityEnsemble.Load(run.Models.Resolve(run.Options.GetString("model", "entities-" + tier)), run.Models.Resolve);
            bool int8 = run.Options.GetBool("int8", false);
            var recognizer = new EntityRecognizer(model, id => MiniLmEncoder.ForModel(id, run.GetService<ITextEncoder>, int8));
            run.Log.Info(model.Members.Count == 1 ? $"entities: model {model.Id} ({model.Tier})"
                : $"entities: model {model.Id} ({model.Tier}), an ensemble of {string.Join(", ", model.Members.Select(m => $"{m.Model.Id} ({m.Weight:0.##})"))}");
            var method = (model.Tier == AccurateTier ? "greedy-bilou:two-pass+encoder" : "greedy-bilou:two-pass") + (model.Members.Count > 1 ? "+ensemble" : "");
            run.RegisterDocument(context => Annotate(context, recognizer, method));
        });
    }

    public override AnalyzerTrainer CreateTrainer() => new EntityTrainer();

    private static void Annotate(DocumentContext context, EntityRecognizer recognizer, string method)
    {
        var provenance = context.Provenance(method, recognizer.Ensemble.Id);
        foreach (var entity in recognizer.Recognize(context.Document))
        {
            context.Add(Layers.Entities, new EntityMention
            {
                Id = context.NewId(Layers.Entities),
                Span = entity.Span,
                Type = entity.Type,
                Confidence = entity.Confidence,
                Provenance = provenance,
                ClusterId = "c" + (entity.Cluster + 1),
                CanonicalName = entity.CanonicalName,
            });
        }
    }
}
