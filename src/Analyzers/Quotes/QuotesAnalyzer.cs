using System.Collections.Immutable;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes;

/// <summary>
/// Finds direct, indirect and mixed quotes: each with its content segments and its reporting cue.
/// Speakers are the job of <see cref="QuoteAttributionAnalyzer"/>, which needs the entity layer;
/// quotes alone do not.
/// </summary>
[TextAnalyzer("quotes", Description = "Direct, indirect and mixed quotes with their cues (learned cue and content taggers plus quotation rules)")]
public sealed class QuotesAnalyzer : TextAnalyzer
{
    public override ImmutableArray<RuleDescriptor> Rules => [QuoteRules.UnclosedQuotation];
    public override ImmutableArray<LayerKey> Requires => Layers.Segmentation;
    public override ImmutableArray<LayerKey> Produces => [Layers.Quotes];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.EnableConcurrentExecution();
        registration.RegisterRunStart(run =>
        {
            var (lexicon, model) = QuoteComponents.Load(run);
            var detector = new QuoteDetector(lexicon, model);
            run.RegisterDocument(ctx => Analyze(ctx, detector));
        });
    }

    public override AnalyzerTrainer CreateTrainer() => new QuoteTrainer();

    private static void Analyze(DocumentContext ctx, QuoteDetector detector)
    {
        var doc = ctx.Document;
        foreach (var q in detector.Detect(doc))
        {
            var provenance = ctx.Provenance(q.Method, q.Method.StartsWith("model:", StringComparison.Ordinal) ? detector.Model.Id : null);
            ctx.Add(Layers.Quotes, QuoteBuilder.ToQuote(doc, q, ctx.NewId(Layers.Quotes), provenance));
        }
        foreach (var finding in UnclosedQuotations(doc)) ctx.Report(finding);
    }

    /// <summary>QTE004 for every quotation mark the segmenter could not pair (a continuation in the next paragraph counts as paired).</summary>
    internal static IEnumerable<Finding> UnclosedQuotations(Document doc) =>
        doc.Quotations.Where(p => !p.IsClosed).Select(p => Finding.Create(QuoteRules.UnclosedQuotation, p.Open, doc.GetString(p.Open)));
}
