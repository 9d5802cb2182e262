namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>"That said, ..." and "Having said that, ..." mean "even so": no one is reported.</summary>
public sealed class DiscourseMarkerTests
{
    [Theory]
    [InlineData("The controls are clumsy. That said, it is still great fun to pilot a Scout Walker or a Speeder Bike.")]
    [InlineData("The plan has its critics. Having said that, the minister believes it will pass easily.")]
    [InlineData("Corporate taxes are high. (Having said that, there are some economists who argue that they should be nothing at all.)")]
    public void An_even_so_phrase_reports_no_one(string text)
    {
        var run = QuoteTestKit.Analyze(text);
        Assert.DoesNotContain(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == "said");
    }

    [Fact]
    public void That_as_a_subject_before_said_still_reports()
    {
        var run = QuoteTestKit.Analyze("He said the scheme would close. That said nothing about the staff, who were told on Monday.");
        Assert.Contains(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == "said" && run.Content(r).Contains("the scheme would close", StringComparison.Ordinal));
    }
}
