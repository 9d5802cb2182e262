namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// A quotation closed right before its source and cue is what the cue reports, even when the
/// source carries an apposition between commas ("Quina Jones, 25,") or the tagger left a stray span
/// inside the quotation; but words quoted after the cue stay a second segment of the same quote.
/// </summary>
public sealed class QuotationBeforeApposedSourceTests
{
    [Theory]
    [InlineData("Protesters marched on Sunday.\n\n\"They are trying to slap us in the face,\" Quina Jones, 25, said.")]
    [InlineData("Protesters marched on Sunday.\n\n\"They are trying to slap us in the face, thinking we are going to shut up,\" Quina Jones, 25, said as she and hundreds of other demonstrators moved through the city.")]
    public void The_quotation_before_a_source_with_an_apposition_is_the_content(string text)
    {
        var run = QuoteTestKit.Analyze(text);
        var said = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == "said");
        Assert.StartsWith("\"They are trying to slap us in the face,", run.Content(said));
        Assert.EndsWith(",\"", run.Content(said));
        Assert.Equal("Quina Jones, 25", said.Speaker.Text);
    }

    [Fact]
    public void Words_quoted_after_the_cue_stay_a_segment_of_the_quote()
    {
        var run = QuoteTestKit.Analyze(
            "For now, he tunes out the negative comments within the podcasting community. \"I should be knighted for this,\" he adds, " +
            "with a wry chuckle, \"People are going to be so happy to sit at home, make their podcast, and make a little money.\"");
        var adds = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c).StartsWith("adds"));
        Assert.Contains("People are going to be so happy", run.Content(adds));
    }
}
