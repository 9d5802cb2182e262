namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// The adverbs right before a cue's verb, with an auxiliary before them, are the cue's, as
/// PolNeAR writes them ("also contended", "had aggressively defended"); nouns in -ly, names and
/// "then" are not, nor is anything before "according to".
/// </summary>
public sealed class CueAdverbTests
{
    [Theory]
    [InlineData("Mr. Obama later said the deal would hold.", "later said")]
    [InlineData("The senator gingerly said that the bill might pass.", "gingerly said")]
    [InlineData("She had aggressively defended the plan in public.", "had aggressively defended")]
    [InlineData("The governor publicly insisted that the budget was balanced.", "publicly insisted")]
    [InlineData("The report further stated that the agency had lost track of the files.", "further stated")]
    [InlineData("He separately told reporters that the talks would resume.", "separately told")]
    public void The_adverbs_before_the_verb_are_the_cues(string text, string cue)
    {
        var run = QuoteTestKit.Analyze(text);
        Assert.Contains(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == cue);
    }

    [Theory]
    [InlineData("The family said the boy had been missing for a week.", "said")]
    [InlineData("The rally ended and the crowd then said it would march again.", "said")]
    [InlineData("Prices rose sharply, according to the ministry.", "according to")]
    public void Other_words_before_the_verb_stay_out(string text, string cue)
    {
        var run = QuoteTestKit.Analyze(text);
        Assert.Contains(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == cue);
    }
}
