namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// A ’ after a plural or a name in -s with no quotation to close is a possessive ("Sanders’
/// aides"): it belongs to the speaker's words, and opens or closes no quoted words.
/// </summary>
public sealed class PossessiveMarkTests
{
    [Fact]
    public void A_possessive_mark_stays_inside_the_speaker()
    {
        var run = QuoteTestKit.Analyze("“We will win,” Jeff Weaver, Sanders’ campaign manager, said in a statement.");
        Assert.Equal("Jeff Weaver, Sanders’ campaign manager", run.QuoteWith("We will win").Speaker.Text);
    }

    [Fact]
    public void A_possessive_mark_before_the_speaker_leaves_the_reported_clause_whole()
    {
        var run = QuoteTestKit.Analyze("Fox News’ Bret Baier said the debate would go ahead.");
        var r = run.QuoteWith("the debate would go ahead");
        Assert.Equal("the debate would go ahead", run.Content(r));
        Assert.Equal("Fox News’ Bret Baier", r.Speaker.Text);
    }

    [Fact]
    public void A_trailing_source_with_a_possessive_mark_still_reports_the_clause()
    {
        var run = QuoteTestKit.Analyze("The numbers are strong, Sanders’ aides said on Friday.");
        Assert.Equal("Sanders’ aides", run.QuoteWith("The numbers are strong").Speaker.Text);
    }
}
