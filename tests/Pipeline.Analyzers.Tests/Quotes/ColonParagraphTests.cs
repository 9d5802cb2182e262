namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// A cue whose colon ends its paragraph reports the quotation that opens the next one, spoken by
/// the cue's subject: not the words before the cue ("..., and Breitbart News responded:").
/// </summary>
public sealed class ColonParagraphTests
{
    [Fact]
    public void The_quotation_after_a_colon_ending_the_paragraph_is_the_cues()
    {
        var run = QuoteTestKit.Analyze(
            "The New York Times made these same allegations against the NRA in February, and Breitbart News responded:\n\n" +
            "“The NRA has never opposed background checks for gun buyers at gun shows.”");
        var r = run.QuoteWith("never opposed background checks");
        Assert.Equal("responded:", run.Text(r.Quote.Quote.Cue!.Value));
        Assert.Equal("Breitbart News", r.Speaker.Text);
        Assert.DoesNotContain(run.Results, q => run.Content(q).Contains("same allegations", StringComparison.Ordinal));
    }
}
