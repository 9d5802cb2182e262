using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// A headline's quotation with no speaker of its own is the lead's speaker's ("'No UK apology' for
/// colonial past" / "..., Gordon Brown has said."), or its unnamed source's ("..., officials have
/// revealed."), and only when the lead has one of them.
/// </summary>
public sealed class HeadlineQuoteTests
{
    [Fact]
    public void A_headline_quotation_is_the_lead_speaker_s()
    {
        var run = QuoteTestKit.AnalyzeArticle(
            "'No UK apology' for colonial past",
            "The days of Britain having to apologise for its colonial past are over, Gordon Brown has said.\n\n" +
            "The chancellor said it was time to talk about enduring British values.",
            new Seed("Gordon Brown", EntityTypes.Person, "brown"));
        var headline = run.QuoteWith("No UK apology");
        Assert.Equal("brown", headline.Speaker.Entity?.ClusterId);
        Assert.Equal("sieve:headline-lead", headline.Method);
        Assert.DoesNotContain(run.Findings, f => f.RuleId == "QTE001");
    }

    [Fact]
    public void A_lead_with_an_unnamed_source_gives_the_headline_that_source()
    {
        var run = QuoteTestKit.AnalyzeArticle(
            "'EU referendum could cost £80m'",
            "It could cost £80m to run a UK referendum on the European constitution, officials have revealed.",
            new Seed("European constitution", EntityTypes.Miscellaneous, "constitution"));
        var headline = run.QuoteWith("referendum could cost");
        Assert.Null(headline.Speaker.Entity);
        Assert.Equal(SpeakerKind.Anonymous, headline.Speaker.Kind);
        Assert.DoesNotContain(run.Findings, f => f.RuleId == "QTE001");
    }

    [Fact]
    public void Without_a_headline_the_first_line_s_quotation_keeps_no_speaker()
    {
        var run = QuoteTestKit.Analyze(
            "'No UK apology' for colonial past\n\n" +
            "The days of Britain having to apologise for its colonial past are over, Gordon Brown has said.",
            new Seed("Gordon Brown", EntityTypes.Person, "brown"));
        Assert.Null(run.QuoteWith("No UK apology").Speaker.Entity);
    }

    [Fact]
    public void A_text_that_ends_on_its_cue_is_read_without_failing()
    {
        // A wire headline with no body and no final stop: "says" is the text's last token.
        var run = QuoteTestKit.Analyze("Bank of Japan satisfied with yen around current range, senior bank official says");
        var quote = run.QuoteWith("Bank of Japan satisfied");
        Assert.Equal(SpeakerKind.Anonymous, quote.Speaker.Kind);
        Assert.Equal("senior bank official", quote.Speaker.Text);
    }
}
