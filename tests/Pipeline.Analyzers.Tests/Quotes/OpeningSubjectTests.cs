using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// A participle cue (", saying", ", arguing") reports for the subject that opens its sentence: the
/// whole phrase, not a name that only modifies its head.
/// </summary>
public sealed class OpeningSubjectTests
{
    [Theory]
    [InlineData("The Tory leader will argue against positive discrimination, saying it is \"outdated and unjust\".", "The Tory leader")]
    [InlineData("Other analysts were less optimistic, predicting consumers would now be less likely to buy.", "Other analysts")]
    [InlineData("The government has resisted calls to publish the advice, saying such papers are always kept confidential.", "The government")]
    public void The_phrase_that_opens_the_sentence_is_the_speaker(string text, string speaker)
    {
        var run = QuoteTestKit.Analyze(text, new Seed("Tory", EntityTypes.Organization, "tory"));
        var quote = Assert.Single(run.Results, r => r.Method == "sieve:participle-subject");
        Assert.Equal(speaker, quote.Speaker.Text);
    }

    [Fact]
    public void A_speaker_noun_that_modifies_another_noun_is_not_the_subject()
    {
        var run = QuoteTestKit.Analyze(
            "An official complaint has been made to local government watchdogs by the Board of Deputies of British Jews, demanding an investigation.",
            new Seed("Board of Deputies of British Jews", EntityTypes.Organization, "board"));
        Assert.DoesNotContain(run.Results, r => r.Speaker.Text == "An official");
    }
}
