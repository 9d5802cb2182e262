using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>Paragraphs opened by a name and a colon: transcripts and headline quotes.</summary>
public sealed class SpeakerLineTests
{
    private static readonly Lazy<QuoteRun> Run = new(() => QuoteTestKit.Analyze(
        "Rubio: Our Party Can Still Win the Senate This Fall\n\n" +
        "TAPPER: And obviously, you are supporting the nominee this fall.\n\n" +
        "BENENSON: We will debate him in every state that holds a primary.\n\n" +
        "Correction: An earlier version of this article misstated the date of the debate."));

    [Theory]
    [InlineData("Our Party Can Still Win the Senate", "Rubio")]
    [InlineData("you are supporting the nominee", "TAPPER")]
    [InlineData("We will debate him in every state", "BENENSON")]
    public void The_rest_of_the_paragraph_is_what_the_name_said(string words, string speaker)
    {
        var r = Run.Value.QuoteWith(words);
        Assert.Equal(":", Run.Value.Text(r.Quote.Quote.Cue!.Value));
        Assert.Equal(speaker, r.Speaker.Text);
        Assert.Equal(QuoteKind.Indirect, r.Quote.Quote.Kind);
    }

    [Fact]
    public void An_editorial_label_is_not_a_speaker()
    {
        Assert.DoesNotContain(Run.Value.Results, r => Run.Value.Content(r).Contains("earlier version", StringComparison.Ordinal));
    }
}
