namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// Cue words in a sense that reports no one: "declined" of an amount, an expectation with no one
/// to hold it ("faster than expected"), a name given to a noun phrase ("a company called Akamai").
/// The same words keep their reporting sense.
/// </summary>
public sealed class OtherSenseTests
{
    [Theory]
    [InlineData("However, exports declined in the second half of 2004, fuelling a rise in the current account deficit.", "declined")]
    [InlineData("Scam mails have declined by 40% since the new filters came in.", "declined")]
    [InlineData("The composite survey index declined to 51.9 pct in February from 55.8 pct in January.", "declined")]
    [InlineData("Inflation, however, has been rising faster than expected, hitting an annual rate of 1.6% in December.", "expected")]
    [InlineData("The economy expanded by 9.5% during 2004, faster than predicted and well above 2003's 9.1%.", "predicted")]
    [InlineData("But the wide difference in price also means that there are big gains to be made from diverting the drugs.", "means")]
    [InlineData("The campaign started using the services of a company called Akamai that helps websites with traffic.", "called")]
    [InlineData("The two restaurants are owned by a man named Greg Mills and located 90 miles apart.", "named")]
    [InlineData("The nun belonged to an order called the Missionary Sisters of the Love of Christ in Macerata.", "called")]
    public void A_word_in_its_other_sense_opens_no_quote(string text, string word)
    {
        var run = QuoteTestKit.Analyze(text);
        Assert.DoesNotContain(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c).Contains(word));
    }

    [Theory]
    [InlineData("Rosneft declined to comment on the report.", "declined to comment")]
    [InlineData("Analysts expected the bank to raise rates in March.", "expected")]
    [InlineData("Mr Trump called Mrs Clinton a liar at the rally.", "called")]
    [InlineData("Sorkin cast Bale without even an audition and called the Dark Knight star a phenomenal actor.", "called")]
    public void The_reporting_sense_stays_a_cue(string text, string cue)
    {
        var run = QuoteTestKit.Analyze(text);
        Assert.Contains(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c).StartsWith(cue.Split(' ')[0]));
    }
}
