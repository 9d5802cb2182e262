using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// The words after a cue name its speaker ("..., said Mr Smith", "..., asks technology analyst Bill
/// Thompson") only as a noun phrase: not a time or place opened by a preposition, not a clause, and
/// not whom it was told to ("told AFP", "telling them"). Nor does a clause opener before the cue
/// ("When asked ...", "To quote ...").
/// </summary>
public sealed class SaidTrailerTests
{
    [Theory]
    [InlineData("The Top 500 list was announced on Monday and officially charts the fastest computers in the world.", "on Monday")]
    [InlineData("\"Jihadi John\", named after Beatle John Lennon due to his British background, is believed to be responsible for the murders.", "after Beatle")]
    [InlineData("Another source, however, was more frank about his motivation in helping broker a deal, telling BuzzFeed, \"This is business.\"", "BuzzFeed")]
    public void A_phrase_after_the_cue_that_is_no_noun_phrase_is_no_speaker(string text, string notSpeaker)
    {
        var run = QuoteTestKit.Analyze(text, new Seed("BuzzFeed", EntityTypes.Organization, "buzzfeed"), new Seed("John Lennon", EntityTypes.Person, "lennon"));
        Assert.DoesNotContain(run.Results, r => r.Speaker.Text?.StartsWith(notSpeaker, StringComparison.Ordinal) == true);
    }

    [Fact]
    public void The_one_who_asks_after_the_question_is_its_speaker()
    {
        var run = QuoteTestKit.Analyze("You can now buy trusted computers, but can we really trust the PC vendors, asks technology analyst Bill Thompson.",
            new Seed("Bill Thompson", EntityTypes.Person, "thompson"));
        Assert.Equal("thompson", run.Results.Single().Speaker.Entity?.ClusterId);
    }

    [Theory]
    [InlineData("When asked whether he thought the country was well-governed on the whole, he replied: \"Well. I think we are a country where we suffer very badly from Parliament not having sufficient control over the executive.\"", "When")]
    [InlineData("To quote our source, who requested to remain anonymous because the deal has not been announced yet, \"It's almost done, if not signed already.\"", "To")]
    public void A_clause_opener_before_the_cue_is_no_speaker(string text, string notSpeaker)
    {
        var run = QuoteTestKit.Analyze(text);
        Assert.DoesNotContain(run.Results, r => r.Speaker.Text?.StartsWith(notSpeaker + " ", StringComparison.Ordinal) == true || r.Speaker.Text == notSpeaker);
    }
}
