using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Pipeline.Analyzers.Quotes;
using Pipeline.Analyzers.Quotes.Attribution;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Sdk;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>An entity the test seeds into the entity layer: every occurrence of its text becomes a mention.</summary>
internal readonly record struct Seed(string Text, string Type, string Cluster);

/// <summary>What the quote analyzer made of a text: quotes with their speakers, and findings.</summary>
internal sealed class QuoteRun(Document doc, List<AttributionResult> results, List<Finding> findings)
{
    public Document Doc { get; } = doc;
    public List<AttributionResult> Results { get; } = results;
    public List<Finding> Findings { get; } = findings;

    /// <summary>The one quote whose content holds <paramref name="words"/>.</summary>
    public AttributionResult QuoteWith(string words)
    {
        var matches = Results.Where(r => Content(r).Contains(words, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"expected one quote holding \"{words}\", found {matches.Count}; quotes: {Describe()}");
        return matches[0];
    }

    public string Content(AttributionResult r) => string.Join(" ‖ ", r.Quote.Quote.Content.Select(Doc.GetString));

    public string Text(TextSpan span) => Doc.GetString(span);

    public string Describe() => string.Join("; ", Results.Select(r =>
        $"[{r.Quote.Quote.Kind} cue={(r.Quote.Quote.Cue is { } c ? Doc.GetString(c) : "-")} speaker={r.Speaker.Text ?? r.Speaker.Entity?.CanonicalName ?? "?"}/{r.Speaker.Entity?.ClusterId} by {r.Method}] {Content(r)}"));
}

/// <summary>
/// Runs quote detection and attribution on a text the way the analyzer does, with the shipped
/// lexicon and model and an entity layer seeded by the test.
/// </summary>
internal static class QuoteTestKit
{
    /// <summary>The shipped lexicon and model, loaded once for all tests.</summary>
    internal static readonly Lazy<(QuotesLexicon Lexicon, QuoteModel Model)> Components =
        new(() => QuoteComponents.Load(Path.Combine(TestPaths.RepoRoot, "models")));

    public static QuoteRun Analyze(string text, params Seed[] entities) => Analyze(DocumentFactory.Create(text), entities);

    /// <summary>The same for an article with a headline, as the readers give it: the text opens with the headline and a blank line.</summary>
    public static QuoteRun AnalyzeArticle(string headline, string body, params Seed[] entities) =>
        Analyze(DocumentFactory.Create(headline + "\n\n" + body, new DocumentMetadata { Headline = headline }), entities);

    private static QuoteRun Analyze(Document doc, Seed[] entities)
    {
        var (lexicon, model) = Components.Value;
        var view = new TokenView(doc, lexicon, model.Clusters);
        var detected = new QuoteDetector(lexicon, model).Detect(view);
        var quotes = detected.Select((q, i) => QuoteBuilder.ToQuote(doc, q, "q" + (i + 1), null)).ToImmutableArray();
        var results = new QuoteAttributor(lexicon, model).Attribute(view, quotes, Mentions(doc, entities));
        var ids = results.Select((r, i) => (r.Quote, Id: "a" + (i + 1))).ToDictionary(p => p.Quote, p => p.Id);
        var findings = QuoteFindings.Find(view, lexicon.Speakers, results, ids, longQuoteWords: 40);
        return new QuoteRun(doc, results, findings);
    }

    /// <summary>Every whole-word occurrence of each seed, longer seeds first, never overlapping.</summary>
    public static ImmutableArray<EntityMention> Mentions(Document doc, Seed[] seeds)
    {
        var taken = new List<TextSpan>();
        var mentions = new List<EntityMention>();
        foreach (var seed in seeds.OrderByDescending(s => s.Text.Length))
            foreach (Match m in Regex.Matches(doc.Text, $@"\b{Regex.Escape(seed.Text)}\b"))
            {
                var span = new TextSpan(m.Index, m.Length);
                if (taken.Any(t => t.OverlapsWith(span))) continue;
                taken.Add(span);
                string canonical = seeds.Where(s => s.Cluster == seed.Cluster).MaxBy(s => s.Text.Length).Text;
                mentions.Add(new EntityMention { Id = "e", Span = span, Type = seed.Type, ClusterId = seed.Cluster, CanonicalName = canonical });
            }
        return [.. mentions.OrderBy(m => m.Span.Start).Select((m, i) => m with { Id = "e" + (i + 1) })];
    }
}
