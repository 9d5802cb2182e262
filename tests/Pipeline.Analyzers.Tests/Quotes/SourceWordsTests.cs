namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>A written speaker is words: a source span of punctuation alone is no speaker.</summary>
public sealed class SourceWordsTests
{
    [Theory]
    [InlineData("CSA 'could close', says minister\n\nMinisters would not rule out scrapping the Child Support Agency if it failed to improve, Work and Pensions Secretary Alan Johnson has warned.")]
    [InlineData("Nat Insurance to rise, say Tories\n\nNational Insurance will be raised if Labour wins the next election, Tory leader Michael Howard has claimed.")]
    public void Headline_quotes_get_no_punctuation_speaker(string text)
    {
        var run = QuoteTestKit.Analyze(text);
        Assert.NotEmpty(run.Results);
        Assert.All(run.Results, r => Assert.True(r.Speaker.Text is null || r.Speaker.Text.Any(char.IsLetterOrDigit), run.Describe()));
    }
}
