using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// The British news lead: "..., a committee of MPs has warned." reports the clause before the
/// comma, with the source between the comma and the verb; nouns that end a sentence after a comma
/// ("in order", "phone calls", "individual charges") are no such cue. A document speaks in the
/// lead as a body does ("..., says a report.", "..., the report says."), and a cue the tagger found
/// itself still reports the clause when the tagger put the content in the source's place.
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

    [Theory]
    // The source after the cue: a document, which the tagger took for the content.
    [InlineData("By 2025, 40% of the UK's population will still be without internet access at home, says a study.",
        "says", "By 2025, 40% of the UK's population will still be without internet access at home", "a study")]
    [InlineData("The threat to TV was greatest in countries where broadband was on the up, said the report.",
        "said", "The threat to TV was greatest in countries where broadband was on the up", "the report")]
    // Before it, with the -s form a document takes as a body does.
    [InlineData("Women MPs endure shocking levels of abuse at the hands of their male counterparts, a new study shows.",
        "shows", "Women MPs endure shocking levels of abuse at the hands of their male counterparts", "a new study")]
    // The tagger's own cue, whose content it put where the source stands.
    [InlineData("Libya has withdrawn $1bn in assets from the US, assets which had previously been frozen for almost 20 years, the Libyan central bank has said.",
        "has said", "Libya has withdrawn $1bn in assets from the US, assets which had previously been frozen for almost 20 years", "the Libyan central bank")]
    public void A_lead_attributed_to_a_document_or_body_reports_the_clause(string text, string cue, string content, string source)
    {
        var run = QuoteTestKit.Analyze(text);
        var quote = run.Results.Single(r => r.Quote.Quote.Cue is { } c && run.Text(c) == cue);
        Assert.Equal(content, run.Content(quote));
        Assert.Equal(source, quote.Speaker.Text);
    }

    [Fact]
    public void A_document_speaks_for_the_body_it_names_or_its_owner()
    {
        var run = QuoteTestKit.Analyze(
            "Despite a short-lived increase in Palestinian jobs in 2003, the economy is performing well below its potential, said a World Bank report. " +
            "Wim Kok presented the review on Wednesday. His report said Europe had to act on growth.",
            new Seed("World Bank", EntityTypes.Organization, "wb"), new Seed("Wim Kok", EntityTypes.Person, "kok"));
        Assert.Equal("wb", run.QuoteWith("the economy is performing").Speaker.Entity?.ClusterId);
        Assert.Equal("kok", run.QuoteWith("Europe had to act").Speaker.Entity?.ClusterId);
    }

    [Theory]
    [InlineData("He spoke to conservatives. “Does anybody know what the platform is?” Graham asked.", "asked", "“Does anybody know what the platform is?”", "Graham")]
    [InlineData("\"If you are blocked, where can we steal it?\" Mr. Schriefer said.", "said", "\"If you are blocked, where can we steal it?\"", "Mr. Schriefer")]
    [InlineData("\"We have massive crowds. They are not reporting it.\" Trump said to cheers.", "said", "\"We have massive crowds. They are not reporting it.\"", "Trump")]
    // A comma after the cue sets off what follows it.
    [InlineData("\"Why was that money sitting in the bank?\" Mr. Clyburn said, echoing many Democrats who wanted it spent.", "said",
        "\"Why was that money sitting in the bank?\"", "Mr. Clyburn")]
    public void A_quotation_closed_by_its_own_stop_is_reported_by_the_source_and_cue_after_it(string text, string cue, string content, string source)
    {
        var run = QuoteTestKit.Analyze(text);
        var quote = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == cue);
        Assert.Equal(content, run.Content(quote));
        Assert.Equal(source, quote.Speaker.Text);
    }

    [Theory]
    [InlineData("“We have massive crowds. They are not reporting it, Katy.” Trump said to cheers. “But there is something happening.”", "said", "Trump")]
    [InlineData("\"Then you are trying to say, 'Well, where can we steal it?'\" Mr. Schriefer said. \"'Where can we give a push?'\"", "said", "Mr. Schriefer")]
    public void After_where_or_to_whom_it_was_said_the_cue_still_reports_the_quotation_before_it(string text, string cue, string source)
    {
        var run = QuoteTestKit.Analyze(text);
        var quote = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == cue);
        Assert.Equal(source, quote.Speaker.Text);
        Assert.Equal(run.Doc.Quotations[0].Open.Start, quote.Quote.Quote.Span.Start);
    }

    [Fact]
    public void A_refusal_after_a_quotation_does_not_take_it()
    {
        var run = QuoteTestKit.Analyze("A company spokesman told Reuters \"We have concluded the talks.\" He declined to comment further.");
        Assert.DoesNotContain(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c).Contains("declined", StringComparison.Ordinal)
            && run.Content(r).Contains("concluded", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cue_that_ends_its_sentence_reports_the_quotation_before_it_not_only_the_one_after()
    {
        var run = QuoteTestKit.Analyze("“Does anybody know what the platform is?” Graham asked. “Neither do I.”");
        var asked = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == "asked");
        Assert.StartsWith("“Does anybody know what the platform is?”", run.Content(asked));
        Assert.Equal("Graham", asked.Speaker.Text);
    }

    [Fact]
    public void A_relative_clause_after_a_comma_reports_nothing_of_the_clause_before_it()
    {
        var run = QuoteTestKit.Analyze("\"Our progress is on the ballot,\" Mr. Obama said on Saturday night at the gala dinner in Washington, where Mrs. Clinton also spoke.",
            new Seed("Obama", EntityTypes.Person, "obama"), new Seed("Mrs. Clinton", EntityTypes.Person, "clinton"));
        var quote = Assert.Single(run.Results, r => run.Content(r).Contains("Our progress", StringComparison.Ordinal));
        Assert.Equal("obama", quote.Speaker.Entity?.ClusterId);

        // A capitalised WHO is a body, not a relative pronoun.
        var who = QuoteTestKit.Analyze("Desperate patients will pay gangs more than $200,000 for a kidney, WHO concluded.");
        Assert.Contains(who.Results, r => r.Quote.Quote.Cue is { } c && who.Text(c) == "concluded" && who.Content(r).StartsWith("Desperate patients", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cue_with_words_of_its_own_does_not_take_the_quotation_of_the_sentence_before()
    {
        var run = QuoteTestKit.Analyze("\"When I said, 'Look you know my name', he said, 'ah but you are all the same'.\" " +
            "Harriet Harman told researchers of the sheer hostility prompted by her advancement: \"Well, you have only succeeded because you are a woman.\"");
        var told = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c).StartsWith("told", StringComparison.Ordinal));
        Assert.DoesNotContain("When I said", run.Content(told), StringComparison.Ordinal);
    }

    [Fact]
    public void A_quotation_that_ends_its_paragraph_is_not_reported_by_the_next_one()
    {
        var run = QuoteTestKit.Analyze("\"She asked if Alex was coming. I said he was.\"\n\nAs the Metro stated, Nash told the mother in person.");
        Assert.DoesNotContain(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == "stated" && run.Content(r).Contains("Alex", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"Cheryl and I are so very happy,\" he wrote.\n\n\"Thank YOU for making it possible!!\" Mook responded.", "responded", "Mook")]
    [InlineData("\"It was nice knowing him,\" she said.\n\n\"Now goodbye to you all.\" Mr Knapman will retort.", "will retort", "Mr Knapman")]
    public void A_rarer_speech_verb_after_a_quotation_and_its_subject_is_a_cue(string text, string cue, string speaker)
    {
        var run = QuoteTestKit.Analyze(text);
        var quote = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == cue);
        Assert.Equal(speaker, quote.Speaker.Text);
    }

    [Theory]
    [InlineData("He asked for a \"radical alliance of the English-speaking peoples.\" Labour representatives were unavailable for comment.")]
    [InlineData("It has operated under what is known as \"one country, two systems,\" outside of Beijing's communist rule.")]
    public void A_speech_noun_after_a_quotation_is_no_cue(string text)
    {
        var run = QuoteTestKit.Analyze(text);
        Assert.DoesNotContain(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) is "comment" or "rule");
    }
}
