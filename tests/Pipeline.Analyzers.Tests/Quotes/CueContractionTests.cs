namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// The contracted auxiliary of a subject pronoun right before a cue is the cue's, as PolNeAR
/// writes it ("He’s claiming", "they’re insisting"); a possessive is not ("Trump’s").
/// </summary>
public sealed class CueContractionTests
{
    [Theory]
    [InlineData("He’s arguing that the vote was rigged.", "’s arguing")]
    [InlineData("She's insisting that the budget is balanced.", "'s insisting")]
    [InlineData("They’re saying the plant will close next year.", "’re saying")]
    [InlineData("He’s also said that the talks would resume.", "’s also said")]
    public void A_contracted_auxiliary_before_the_verb_is_the_cues(string text, string cue)
    {
        var run = QuoteTestKit.Analyze(text);
        Assert.Contains(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == cue);
    }

    [Fact]
    public void A_possessive_before_the_verb_stays_out()
    {
        var run = QuoteTestKit.Analyze("Mr. Trump’s campaign said the rally would go ahead.");
        Assert.Contains(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == "said");
    }
}
