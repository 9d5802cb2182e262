using System.Collections.Immutable;
using Pipeline.Analyzers.Quotes.Attribution;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Learning.Encoders;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes;

/// <summary>
/// Finds direct, indirect and mixed quotes (content segments and reporting cue) and gives each a
/// speaker: the speaker's words, linked to an entity cluster when the entity layer is there and
/// the words name one or a pronoun or description resolves to one. Reports the sourcing rules.
/// </summary>
[TextAnalyzer("quotes", Description = "Direct, indirect and mixed quotes with their cues and speakers (learned taggers, quotation rules, attribution sieves)")]
public sealed class QuotesAnalyzer : TextAnalyzer
{
    public override ImmutableArray<RuleDescriptor> Rules =>
    [
        QuoteRules.Unattributed, QuoteRules.AnonymousSource, QuoteRules.UnresolvedPronoun,
        QuoteRules.UnclosedQuotation, QuoteRules.LongQuoteWithoutNamedSource,
    ];

    public override ImmutableArray<LayerKey> Requires => Layers.Segmentation;

    /// <summary>Entities link speakers to clusters; without them speakers keep their words and kind.</summary>
    public override ImmutableArray<LayerKey> OptionalRequires => [Layers.Entities];

    public override ImmutableArray<LayerKey> Produces => [Layers.Quotes, Layers.Attributions];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.EnableConcurrentExecution();
        registration.RegisterRunStart(run =>
        {
            var (lexicon, model) = QuoteComponents.Load(run);
            if (run.Options.GetBool("int8", false)) model = model.WithInt8Encoders();
            var detector = new QuoteDetector(lexicon, model, (float)run.Options.GetDouble("cueThreshold", double.NaN),
                (float)run.Options.GetDouble("lonelyCueThreshold", QuoteDetector.DefaultLonelyCueThreshold),
                (float)run.Options.GetDouble("lonelyLexiconCueThreshold", QuoteDetector.DefaultLonelyLexiconCueThreshold), MiniLmEncoder.ForModel(model.CueEncoder, run.GetService<ITextEncoder>),
                (float)run.Options.GetDouble("tunedCueWeight", double.NaN), (float)run.Options.GetDouble("tunedContentWeight", double.NaN));
            var attributor = new QuoteAttributor(lexicon, model, (float)run.Options.GetDouble("tunedSourceWeight", double.NaN));
            int longQuoteWords = run.Options.GetInt("longQuoteWords", 40);
            run.RegisterDocument(ctx => Analyze(ctx, detector, attributor, longQuoteWords));
        });
    }

    public override AnalyzerTrainer CreateTrainer() => new QuoteTrainer();

    private static void Analyze(DocumentContext ctx, QuoteDetector detector, QuoteAttributor attributor, int longQuoteWords)
    {
        var doc = ctx.Document;
        var view = detector.View(doc);
        var quotes = detector.Detect(view)
            .Select(q => QuoteBuilder.ToQuote(doc, q, ctx.NewId(Layers.Quotes), Provenance(ctx, q.Method, detector.Model.Id)))
            .ToImmutableArray();
        foreach (var quote in quotes) ctx.Add(Layers.Quotes, quote);

        var results = attributor.Attribute(view, quotes, doc.GetLayerOrEmpty(Layers.Entities));
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
                Provenance = Provenance(ctx, r.Method, attributor.Model.Id),
            });
        }
        foreach (var finding in QuoteFindings.Find(view, attributor.Lexicon.Speakers, results, ids, longQuoteWords)) ctx.Report(finding);
        foreach (var finding in UnclosedQuotations(doc)) ctx.Report(finding);
    }

    /// <summary>The method that decided, and the model when a learned stage did.</summary>
    private static Provenance Provenance(DocumentContext ctx, string method, string modelId) =>
        ctx.Provenance(method, method.StartsWith("model:", StringComparison.Ordinal) ? modelId : null);

    /// <summary>QTE004 for every quotation mark the segmenter could not pair (a continuation in the next paragraph counts as paired).</summary>
    internal static IEnumerable<Finding> UnclosedQuotations(Document doc) =>
        doc.Quotations.Where(p => !p.IsClosed).Select(p => Finding.Create(QuoteRules.UnclosedQuotation, p.Open, doc.GetString(p.Open)));
}
