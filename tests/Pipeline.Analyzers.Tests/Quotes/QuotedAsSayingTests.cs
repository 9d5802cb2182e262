using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// "X was quoted as saying": one cue from the auxiliary to "saying", whose subject is the speaker,
/// reporting the quotation before the subject or the clause after the cue. A quotation that opens
/// its sentence right before a source and its cue is what the cue reports, whatever follows.
/// </summary>
public sealed class QuotedAsSayingTests
{
    [Theory]
    [InlineData("\"We thought it was a bomb,\" Jorge Santamaria, a resident in the area, was quoted by The Associated Press as saying.",
        "was quoted by The Associated Press as saying", "\"We thought it was a bomb,\"", "Jorge Santamaria, a resident in the area")]
    // A quotation of several sentences.
    [InlineData("\"They rip into each other. The play is aggressive enough to cause injury,\" Wilson was quoted as saying.",
        "was quoted as saying", "\"They rip into each other. The play is aggressive enough to cause injury,\"", "Wilson")]
    [InlineData("\"I have always been fascinated by the voice,\" Korovin, 55, is quoted telling the New York Daily News.",
        "is quoted telling", "\"I have always been fascinated by the voice,\"", "Korovin, 55")]
    [InlineData("Mr Putin was quoted by Interfax as saying that the deal was dead.", "was quoted by Interfax as saying", "that the deal was dead", "Mr Putin")]
    [InlineData("Mr Putin was quoted in the Kommersant daily as saying that the deal was dead.", "was quoted in the Kommersant daily as saying", "that the deal was dead", "Mr Putin")]
    [InlineData("The attack failed, but Iraqi security officials have been quoted as saying he was injured.",
        "have been quoted as saying", "he was injured", "Iraqi security officials")]
    public void The_subject_of_was_quoted_as_saying_is_the_speaker(string text, string cue, string content, string speaker)
    {
        var run = QuoteTestKit.Analyze(text);
        var quote = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == cue);
        Assert.Equal(content, run.Content(quote));
        Assert.Equal(speaker, quote.Speaker.Text);
    }

    [Fact]
    public void A_quotation_before_its_source_is_reported_whatever_follows_the_cue()
    {
        var run = QuoteTestKit.Analyze(
            "\"Subpoenas are not optional,\" panel Chairman Jason Chaffetz (R-Utah) said after Pagliano failed to show up at the hearing.",
            new Seed("Jason Chaffetz", EntityTypes.Person, "chaffetz"), new Seed("Pagliano", EntityTypes.Person, "pagliano"));
        var said = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == "said");
        Assert.Equal("\"Subpoenas are not optional,\"", run.Content(said));
        Assert.Equal("chaffetz", said.Speaker.Entity?.ClusterId);
    }
}
