using Pipeline.Analyzers.Quotes;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Quotes;

public sealed class FindingTests
{
    [Fact]
    public void A_quotation_no_one_said_is_unattributed()
    {
        var run = QuoteTestKit.Analyze(
            "\u201CWe will not stop until every house on this street is rebuilt and every family is home again.\u201D\n\n" +
            "The storm hit the coast on Tuesday night.");
        var r = run.QuoteWith("every house on this street");
        Assert.Equal(SpeakerKind.Unknown, r.Speaker.Kind);
        var finding = Assert.Single(run.Findings, f => f.RuleId == QuoteRules.Unattributed.Id);
        Assert.Equal(r.Quote.Quote.Span, finding.Span);
        Assert.Contains("We will not stop until every house", finding.Message);
    }

    [Fact]
    public void A_pronoun_with_no_one_before_it_is_reported()
    {
        var run = QuoteTestKit.Analyze("\u201CIt is over and we have lost everything we built,\u201D he said.");
        var r = run.QuoteWith("we have lost everything");
        Assert.Equal(SpeakerKind.Pronoun, r.Speaker.Kind);
        Assert.Null(r.Speaker.Entity);
        var finding = Assert.Single(run.Findings, f => f.RuleId == QuoteRules.UnresolvedPronoun.Id);
        Assert.Equal("he", run.Text(finding.Span));
    }

    [Fact]
    public void A_long_quote_from_an_unnamed_source_is_reported()
    {
        string words = string.Join(' ', Enumerable.Repeat("the plan was never going to work and everyone knew it", 5));
        var run = QuoteTestKit.Analyze($"\u201C{words},\u201D a senior official said.");
        Assert.Contains(run.Findings, f => f.RuleId == QuoteRules.AnonymousSource.Id);
        var finding = Assert.Single(run.Findings, f => f.RuleId == QuoteRules.LongQuoteWithoutNamedSource.Id);
        Assert.Contains("55-word quote", finding.Message);
    }

    [Fact]
    public void An_unclosed_quotation_mark_is_reported()
    {
        var doc = DocumentFactory.Create("He said: \u201CThis will never end, not while I am alive.\n\nThe meeting closed at noon.");
        var finding = Assert.Single(QuotesAnalyzer.UnclosedQuotations(doc));
        Assert.Equal("QTE004", finding.RuleId);
        Assert.Equal(doc.Text.IndexOf('\u201C'), finding.Span.Start);
    }
}
