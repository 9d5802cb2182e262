using System.Collections.Immutable;
using Pipeline.Analyzers.Stance.Claims;
using Pipeline.Analyzers.Stance.Models;
using Pipeline.Analyzers.Stance.Targets;
using Pipeline.Analyzers.Stance.Training;
using Pipeline.Learning.Encoders;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance;

/// <summary>
/// Stance toward entities and toward claims. Toward entities: each PER or ORG mention gets the
/// negative / neutral / positive stance of its sentence toward its cluster (NewsMTSC-style,
/// target-dependent), held by the author or by the quoted speaker whose quote holds it; per
/// article, the stances are aggregated per cluster and holder. Toward claims (the run's claims and
/// the article's own): agree / disagree / discuss / unrelated (FNC-1 classes).
/// </summary>
[TextAnalyzer("stance", Description = "Stance toward people and organisations (per mention and per article) and toward claims")]
public sealed class StanceAnalyzer : TextAnalyzer
{
    public override ImmutableArray<LayerKey> Requires => [Layers.Tokens, Layers.Sentences];
    /// <summary>Entities are the targets of entity stance; without them only claim stance is produced.</summary>
    public override ImmutableArray<LayerKey> OptionalRequires => [Layers.Entities, Layers.Quotes, Layers.Attributions];
    public override ImmutableArray<LayerKey> Produces => [Layers.Stance, Layers.ClaimStance];

    public override AnalyzerTrainer CreateTrainer() => new StanceTrainer();

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.EnableConcurrentExecution();
        registration.RegisterRunStart(run =>
        {
            var annotator = StanceAnnotator.Load(StanceOptions.From(run.Options), run.Models.Resolve, run.GetService<ITextEncoder>, run.Claims, run.Log);
            run.Log.Info($"entity model {annotator.Entities?.Model.Id ?? "none"}, claim model {annotator.Claims?.Model.Id ?? "none"}"
                + (run.Claims.IsEmpty ? "" : $", {run.Claims.Length} run claims"));
            run.RegisterDocument(context => Write(context, annotator));
        });
    }

    private static void Write(DocumentContext context, StanceAnnotator annotator)
    {
        var result = annotator.Annotate(context.Document, context.GetLayer(Layers.Entities));
        if (annotator.Entities is { } entities && result.Stances.Count > 0)
        {
            var mention = context.Provenance(StanceAnnotator.Method(entities.Model), entities.Model.Id);
            var article = context.Provenance(ArticleStance.Method, entities.Model.Id);
            foreach (var s in result.Stances)
                context.Add(Layers.Stance, s with { Id = context.NewId(Layers.Stance), Provenance = s.Scope == StanceScope.Mention ? mention : article });
        }
        if (annotator.Claims is { } claims && result.Claims.Count > 0)
        {
            var provenance = context.Provenance(StanceAnnotator.Method(claims.Model), claims.Model.Id);
            foreach (var c in result.Claims)
                context.Add(Layers.ClaimStance, c with { Id = context.NewId(Layers.ClaimStance), Provenance = provenance });
        }
    }
}

/// <summary>What the analyzer adds to one document (ids and provenance are set when written).</summary>
public sealed record StanceResult(List<EntityStance> Stances, List<ClaimStance> Claims);

/// <summary>
/// The analyzer's work without the host: load the models once, then annotate documents
/// (thread-safe). A task whose model is not found is off (with a warning), so that the first
/// model of a fresh install can be trained and evaluated before the other exists.
/// </summary>
public sealed class StanceAnnotator(EntityStanceAnnotator? entities, ClaimStanceAnnotator? claims, ArticleStance article)
{
    public EntityStanceAnnotator? Entities => entities;
    public ClaimStanceAnnotator? Claims => claims;

    /// <param name="resolve">Finds a model folder by name or path.</param>
    /// <param name="encoder">The run's shared encoder, or null; asked for only when a model needs one (MiniLM is loaded here if the host has none).</param>
    /// <exception cref="ModelNotFoundException">Neither model was found.</exception>
    public static StanceAnnotator Load(StanceOptions options, Func<string, string> resolve, Func<ITextEncoder?> encoder, IEnumerable<string> runClaims, IRunLog log)
    {
        string? entityFolder = null, claimFolder = null;
        if (options.Model is { } model)
        {
            string folder = resolve(model);
            if (StanceModelSettings.Load(folder).Task == StanceTask.Entity) entityFolder = folder; else claimFolder = folder;
        }
        var missing = new List<ModelNotFoundException>();
        entityFolder ??= TryResolve(options.EntityModel, resolve, missing);
        claimFolder ??= TryResolve(options.ClaimModel, resolve, missing);
        if (entityFolder is null && claimFolder is null) throw missing[0];
        foreach (var m in missing) log.Warning($"{m.Message}; {(m.Model == options.EntityModel ? "entity" : "claim")} stance is off");

        var entityModel = entityFolder is null ? null : StanceClassifier.Load(entityFolder, StanceTask.Entity);
        var claimModel = claimFolder is null ? null : StanceClassifier.Load(claimFolder, StanceTask.Claim);
        return new StanceAnnotator(
            entityModel is null ? null : new EntityStanceAnnotator(entityModel, MiniLmEncoder.ForModel(entityModel.Settings.Encoder, encoder, options.Int8), options.Int8),
            claimModel is null ? null : new ClaimStanceAnnotator(claimModel, claimFolder!, MiniLmEncoder.ForModel(claimModel.Settings.Encoder, encoder, options.Int8), runClaims),
            new ArticleStance(options.ArticleMargin));
    }

    private static string? TryResolve(string name, Func<string, string> resolve, List<ModelNotFoundException> missing)
    {
        try { return resolve(name); }
        catch (ModelNotFoundException ex) { missing.Add(ex); return null; }
    }

    /// <summary>Mention and article stances toward the document's PER and ORG clusters, and its stance toward each claim.</summary>
    public StanceResult Annotate(Document doc, ImmutableArray<EntityMention> mentions)
    {
        var stances = new List<EntityStance>();
        if (entities is not null)
        {
            var sites = entities.Classify(doc, mentions, HolderResolver.For(doc));
            foreach (var (site, siteMentions) in sites)
                foreach (var mention in siteMentions)
                    stances.Add(new EntityStance
                    {
                        Id = "", Span = site.Sentence, ClusterId = site.Site.ClusterId, CanonicalName = site.Site.CanonicalName,
                        Scope = StanceScope.Mention, Label = site.Label, MentionId = mention.Id, Confidence = site.Probabilities[(int)site.Label],
                        Holder = site.Holder.Kind, HolderClusterId = site.Holder.ClusterId, HolderName = site.Holder.Name,
                        Scores = site.Probabilities, Evidence = [site.Sentence],
                    });
            foreach (var a in article.Aggregate(sites.Select(s => s.Stance).ToList()))
                stances.Add(new EntityStance
                {
                    Id = "", Span = doc.FullSpan, ClusterId = a.ClusterId, CanonicalName = a.CanonicalName,
                    Scope = StanceScope.Article, Label = a.Label, Confidence = a.Confidence,
                    Holder = a.Holder.Kind, HolderClusterId = a.Holder.ClusterId, HolderName = a.Holder.Name,
                    Scores = a.Scores, Evidence = a.Evidence,
                });
        }
        var claimStances = claims is null ? [] : claims.Judge(doc).Select(c => new ClaimStance
        {
            Id = "", Span = doc.FullSpan, Claim = c.Claim, Label = c.Label, Confidence = c.Confidence, Scores = c.Scores, Evidence = c.Evidence,
        }).ToList();
        return new StanceResult(stances, claimStances);
    }

    /// <summary>The provenance method of a model's decisions, e.g. "maxent+encoder".</summary>
    public static string Method(StanceClassifier model) =>
        model.Settings.Algorithm.ToString().ToLowerInvariant() + (model.Settings.Encoder is null ? "" : "+encoder");
}
