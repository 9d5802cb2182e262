namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// A reporting verb in the passive with its agent ("was described by Jobs as ..."): the agent is
/// the speaker, and the verb reports its subject (with the complement after the agent), or, after
/// a verb of asking or telling, what follows the agent.
/// </summary>
public sealed class PassiveAgentTests
{
    [Theory]
    [InlineData("The $499 Macintosh, sold for £339 in the UK, was described by Jobs as the \"most important Mac\" made by Apple.",
        "was described", "Jobs", "The $499 Macintosh, sold for £339 in the UK ‖ as the \"most important Mac\" made by Apple")]
    [InlineData("Another problem highlighted by analysts was the growing trade gap with China.", "highlighted", "analysts", "Another problem")]
    [InlineData("Turkey's Everasia is reported by Reuters to have won a contract.", "is reported", "Reuters", "Turkey's Everasia ‖ to have won a contract")]
    [InlineData("The charity donations, though questioned by critics, were all legal.", "questioned", "critics", "The charity donations")]
    [InlineData("The prime minister's spokesman was asked by journalists about his view on the row.", "was asked", "journalists", "about his view on the row")]
    [InlineData("The plan was proposed by House Ways and Means Committee Chairman Dan Rostenkowski (D-Ill) last week.",
        "was proposed", "House Ways and Means Committee Chairman Dan Rostenkowski (D-Ill)", "The plan")]
    public void The_agent_of_a_passive_reporting_verb_is_the_speaker(string text, string cue, string speaker, string content)
    {
        var run = QuoteTestKit.Analyze(text);
        var quote = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == cue);
        Assert.Equal(speaker, quote.Speaker.Text);
        Assert.Equal("sieve:passive-agent", quote.Method);
        Assert.Equal(content, run.Content(quote));
    }

    [Theory]
    // No speaker in the phrase after "by": a cause, a manner.
    [InlineData("We were threatened by the nuclear holocaust, he said.")]
    [InlineData("The minister responded by saying the plan was sound.")]
    // Not a passive: an active verb and a name before it.
    [InlineData("The House of Lords ruled by an eight to one majority in favour of the men.")]
    public void A_phrase_after_by_that_names_no_speaker_is_no_agent(string text)
    {
        var run = QuoteTestKit.Analyze(text);
        Assert.DoesNotContain(run.Results, r => r.Method == "sieve:passive-agent");
    }
}
