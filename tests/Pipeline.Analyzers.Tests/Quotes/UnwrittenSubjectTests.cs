using Pipeline.Analyzers.Quotes.Attribution;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// Cues whose speaker is not written next to them: a verb joined by "and" or "but" to an earlier
/// one has the subject that opens the sentence; reported speech with no subject found is not
/// guessed from the nearest name, while a direct quotation still is, as a last resort.
/// </summary>
public sealed class UnwrittenSubjectTests
{
    [Theory]
    [InlineData("The chancellor would not comment on the reports, but insisted he would not be distracted from the campaign.",
        "he would not be distracted", "The chancellor")]
    [InlineData("In December, the European Union pledged to work towards lifting the ban but said it was not ready to do so yet.",
        "it was not ready", "the European Union")]
    [InlineData("Shadow home secretary David Davis welcomed the judgment and urged the government to move as fast as possible.",
        "the government to move", "Shadow home secretary David Davis")]
    [InlineData("A Labour source told the Sunday Times Mr Campbell would \"effectively front\" the election media campaign but said he would be given no formal title.",
        "he would be given no formal title", "A Labour source")]
    public void A_conjoined_cue_has_the_subject_that_opens_the_sentence(string text, string content, string speaker)
    {
        var run = QuoteTestKit.Analyze(text,
            new Seed("European Union", EntityTypes.Organization, "eu"), new Seed("David Davis", EntityTypes.Person, "davis"),
            new Seed("Labour", EntityTypes.Organization, "labour"));
        var r = run.QuoteWith(content);
        Assert.Equal("sieve:conjoined-subject", r.Method);
        Assert.Equal(speaker, r.Speaker.Text);
    }

    [Fact]
    public void A_possessor_without_a_head_is_no_subject()
    {
        var run = QuoteTestKit.Analyze(
            "UKIP's performance in last year's elections was a shock and showed that the party may have a point about the issue.",
            new Seed("UKIP", EntityTypes.Organization, "ukip"));
        Assert.DoesNotContain(run.Results, r => r.Method == "sieve:conjoined-subject");
    }

    [Fact]
    public void Reported_speech_is_not_guessed_from_the_nearest_name()
    {
        var run = QuoteTestKit.Analyze(
            "Quebecor signed a deal with Rogers last year. Quebecor reportedly will pay Rogers a total of $1.5 billion over 12 years for the rights.",
            new Seed("Rogers", EntityTypes.Organization, "rogers"), new Seed("Quebecor", EntityTypes.Organization, "quebecor"));
        Assert.DoesNotContain(run.Results, r => r.Method == "sieve:nearest-entity");
    }

    [Fact]
    public void A_direct_quotation_still_falls_back_to_the_nearest_name()
    {
        var run = QuoteTestKit.Analyze(
            "Ryan Roche went home after a week in hospital.\n\n\"Not only do I get a gift card, but I got a three nights' stay in the hospital.\"",
            new Seed("Ryan Roche", EntityTypes.Person, "roche"));
        var r = run.QuoteWith("gift card");
        Assert.Equal(QuoteKind.Direct, r.Quote.Quote.Kind);
        Assert.Equal("sieve:nearest-entity", r.Method);
        Assert.Equal("roche", r.Speaker.Entity?.ClusterId);
    }
}
