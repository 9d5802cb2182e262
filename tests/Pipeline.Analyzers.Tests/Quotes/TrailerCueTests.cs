using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// The British news lead: "..., a committee of MPs has warned." reports the clause before the
/// comma, with the source between the comma and the verb; nouns that end a sentence after a comma
/// ("in order", "phone calls", "individual charges") are no such cue.
/// </summary>
public sealed class TrailerCueTests
{
    [Theory]
    [InlineData("Anglers and fishermen could find themselves prosecuted under plans to crack down on animal cruelty, a committee of MPs has warned.",
        "has warned", "Anglers and fishermen could find themselves prosecuted under plans to crack down on animal cruelty", "a committee of MPs")]
    [InlineData("Musicians are embracing the internet as a way of reaching new fans, a survey has found.",
        "has found", "Musicians are embracing the internet as a way of reaching new fans", "a survey")]
    [InlineData("Bonuses for bankers were $500 to $2,000 every three months, The Wall Street Journal reports.",
        "reports", "Bonuses for bankers were $500 to $2,000 every three months", "The Wall Street Journal")]
    public void A_trailer_reports_the_clause_before_its_source(string text, string cue, string content, string source)
    {
        var run = QuoteTestKit.Analyze(text);
        var quote = run.QuoteWith(content[..30]);
        Assert.Equal(cue, run.Text(quote.Quote.Quote.Cue!.Value));
        Assert.Equal(content, run.Content(quote));
        Assert.Equal(source, quote.Speaker.Text);
    }

    [Fact]
    public void A_false_cue_inside_the_clause_keeps_its_own_words_and_the_trailer_the_sentence()
    {
        var run = QuoteTestKit.Analyze(
            "Ministers would not rule out scrapping the Child Support Agency if it failed to improve, Work and Pensions Secretary Alan Johnson has warned.",
            new Seed("Alan Johnson", EntityTypes.Person, "johnson"), new Seed("Child Support Agency", EntityTypes.Organization, "csa"));
        var trailer = run.Results.Single(r => r.Quote.Quote.Cue is { } c && run.Text(c) == "has warned");
        Assert.Equal("johnson", trailer.Speaker.Entity?.ClusterId);
        Assert.StartsWith("Ministers would not rule out", run.Content(trailer));
        Assert.DoesNotContain(run.Results, r => run.Content(r).Contains("Alan Johnson", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("If that is not enough, a side job may be in order.")]
    [InlineData("The group will hammer her with negative ads, mailers and phone calls.")]
    [InlineData("Three managers, Sean Fugill and Keith Lea all face individual charges.")]
    [InlineData("The index dropped to 61.2, a bigger fall than expected.")]
    public void A_noun_or_comparison_closing_the_sentence_is_no_cue(string text)
    {
        var run = QuoteTestKit.Analyze(text);
        Assert.Empty(run.Results);
    }

    [Fact]
    public void A_body_named_after_its_description_is_the_speaker()
    {
        var run = QuoteTestKit.Analyze(
            "Ten years of golden economic performance may come to an end in 2005, City consultancy Deloitte has warned.",
            new Seed("City", EntityTypes.Organization, "city"), new Seed("Deloitte", EntityTypes.Organization, "deloitte"));
        Assert.Equal("deloitte", run.QuoteWith("golden economic performance").Speaker.Entity?.ClusterId);
    }
}
