using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// British and wire writing set the speaker off by commas between the reported words and the cue
/// ("..., its governor, Robin Leigh-Pemberton, said."): the speaker is the source, not the end of
/// the content; and "..., he told reporters in London." reports the words before the source, not
/// whom he told, as "told reporters yesterday the proposal ..." reports what follows the audience.
/// </summary>
public sealed class TrailingSourceTests
{
    [Theory]
    [InlineData("The Bank of England does not favour rules to shield companies from takeovers, its governor, Robin Leigh-Pemberton, said.",
        "The Bank of England does not favour rules to shield companies from takeovers", "its governor, Robin Leigh-Pemberton")]
    [InlineData("Prices will rise next year, John Smith, the chairman, said.", "Prices will rise next year", "John Smith, the chairman")]
    [InlineData("Prospects for an agreement on coffee quotas appear dim, Alberto Hesse, former president of the European Coffee Federation, said.",
        "Prospects for an agreement on coffee quotas appear dim", "Alberto Hesse, former president of the European Coffee Federation")]
    [InlineData("The plant will close in May, a spokesman for the firm, Ann Jones, said on Tuesday.",
        "The plant will close in May", "a spokesman for the firm, Ann Jones")]
    public void The_speaker_set_off_by_commas_before_the_cue_is_the_source(string text, string content, string source)
    {
        var run = QuoteTestKit.Analyze(text);
        var said = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == "said");
        Assert.Equal(content, run.Content(said));
        Assert.Equal(source, said.Speaker.Text);
    }

    [Fact]
    public void A_cue_with_its_subject_after_it_keeps_its_content()
    {
        var run = QuoteTestKit.Analyze("Prices will rise next year, said John Smith, the company's chairman.");
        var said = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == "said");
        Assert.Equal("Prices will rise next year", run.Content(said));
        Assert.Equal("John Smith, the company's chairman", said.Speaker.Text);
    }

    [Theory]
    [InlineData("Finance Secretary Jaime Ongpin told reporters yesterday the proposal is designed to avoid an impasse.", "told")]
    [InlineData("Lakshmi Mittal has told investors the combined company will have to shed thousands of jobs.", "has told")]
    public void The_audience_told_is_not_part_of_what_was_told(string text, string cue)
    {
        var run = QuoteTestKit.Analyze(text);
        var told = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == cue);
        Assert.StartsWith("the ", run.Content(told));
    }

    [Fact]
    public void Whom_the_speaker_told_is_not_what_was_told()
    {
        var run = QuoteTestKit.Analyze("Prices will rise next year, John Smith said.\n\nSales fell sharply, he told reporters in London.",
            new Seed("John Smith", EntityTypes.Person, "smith"), new Seed("London", EntityTypes.Location, "london"));
        var told = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == "told");
        Assert.Equal("Sales fell sharply", run.Content(told));
        Assert.Equal("he", told.Speaker.Text);
    }
}
