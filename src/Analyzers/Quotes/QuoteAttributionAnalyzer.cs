using System.Collections.Immutable;
using Pipeline.Analyzers.Quotes.Attribution;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes;

/// <summary>
/// Gives every quote a speaker: ordered sieves (dash trailers, colon leads, the learned source
/// tagger, said-patterns, appositives, participles, paragraph carry-over, nearest entity) find the
/// speaker's words, which are then linked to an entity cluster when they name one or a pronoun or
/// description resolves to one. Reports the sourcing rules QTE001, QTE002, QTE003 and QTE005.
/// </summary>
[TextAnalyzer("quotes.attribution", Description = "Speakers of quotes, linked to entity clusters; sourcing findings")]
public sealed class QuoteAttributionAnalyzer : TextAnalyzer
{
    public override ImmutableArray<RuleDescriptor> Rules =>
        [QuoteRules.Unattributed, QuoteRules.AnonymousSource, QuoteRules.UnresolvedPronoun, QuoteRules.LongQuoteWithoutNamedSource];

    public override ImmutableArray<LayerKey> Requires => [.. Layers.Segmentation, Layers.Quotes, Layers.Entities];
    public override ImmutableArray<LayerKey> Produces => [Layers.Attributions];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.EnableConcurrentExecution();
        registration.RegisterRunStart(run =>
        {
            var (lexicon, model) = QuoteComponents.Load(run);
            var attributor = new QuoteAttributor(lexicon, model);
            int longQuoteWords = run.Options.GetInt("longQuoteWords", 40);
            run.RegisterDocument(ctx => Analyze(ctx, attributor, longQuoteWords));
        });
    }

    private static void Analyze(DocumentContext ctx, QuoteAttributor attributor, int longQuoteWords)
    {
        var view = new TokenView(ctx.Document, attributor.Lexicon, attributor.Model.Clusters);
        var results = attributor.Attribute(view, ctx.GetLayer(Layers.Quotes), ctx.GetLayer(Layers.Entities));
        var ids = new Dictionary<QuoteInfo, string>(results.Count);
        foreach (var r in results)
        {
            string id = ctx.NewId(Layers.Attributions);
            ids[r.Quote] = id;
            ctx.Add(Layers.Attributions, new Sdk.Attribution
            {
                Id = id,
                Span = r.Speaker.Span,
                QuoteId = r.Quote.Quote.Id,
                SpeakerKind = r.Speaker.Kind,
                SpeakerText = r.Speaker.Text,
                ClusterId = r.Speaker.Entity?.ClusterId,
                CanonicalName = r.Speaker.Entity?.CanonicalName,
                Confidence = Math.Round(r.Confidence, 4),
                Provenance = ctx.Provenance(r.Method, r.Method.StartsWith("model:", StringComparison.Ordinal) ? attributor.Model.Id : null),
            });
        }
        foreach (var finding in QuoteFindings.Find(view, attributor.Lexicon.Speakers, results, ids, longQuoteWords))
            ctx.Report(finding);
    }
}
