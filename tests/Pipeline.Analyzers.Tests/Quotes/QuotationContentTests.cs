namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// Content that enters a closed quotation runs on to its end: the content tagger decides again
/// only at the quotation's last word, so a quoted sentence break or a quotation inside it does not
/// cut the speaker's words short. A quotation left unclosed in the text is not run across.
/// </summary>
public sealed class QuotationContentTests
{
    [Theory]
    // A quotation inside the quotation, then a second sentence.
    [InlineData("Home Secretary Charles Clarke said: \"I believe in that old adage 'an Englishman's home is his castle'. That's exactly what should be the case and I believe the current law provides that.\"",
        "Charles Clarke", "I believe in that old adage", "the current law provides that.")]
    // Two quoted sentences before the speaker.
    [InlineData("Ms Hutt said major achievements had been made in cutting \"unacceptably long waits for treatment over the past year\". \"We are turning the corner on long waits in Wales. Now we need to see those reductions in long waiters being improved again,\" she said.",
        "Ms Hutt", "We are turning the corner", "being improved again")]
    public void A_quotation_is_one_content_span_to_its_end(string text, string speaker, string opening, string ending)
    {
        var run = QuoteTestKit.Analyze(text, new Seed(speaker, "PER", "c1"));
        var quote = run.QuoteWith(opening);
        var content = run.Content(quote);
        Assert.DoesNotContain("‖", content);
        Assert.Contains(ending, content);
    }

    [Fact]
    public void Content_does_not_run_across_a_quotation_left_unclosed()
    {
        // The mark before "ambitious" is never closed: the pairer's guess runs to the paragraph's end.
        var run = QuoteTestKit.Analyze(
            "A Department for Education and Skills spokeswoman said the venture had been \"ambitious and ground-breaking, but take-up had not been \"sufficient to continue with the project\". " +
            "She added: \"UK e-Universities was not the only organisation to have lost out on private sector investment in the collapse of the dotcom boom.\" " +
            "Initial business plans forecast a quarter of a million students joining within a decade, bringing in at least £110m in profit.");
        var quote = run.QuoteWith("the venture had been");
        Assert.DoesNotContain("£110m", run.Content(quote));
    }
}
