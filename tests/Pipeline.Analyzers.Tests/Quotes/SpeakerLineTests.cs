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

    [Theory]
    [InlineData("Contributing: Brittney Bennett and Greg Toppo of the Des Moines bureau.", "Brittney Bennett")]
    [InlineData("Delegate Update: The latest count in the Democratic race is close.", "latest count")]
    [InlineData("Iowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink, Bonnie Campbell.", "Brad Anderson")]
    [InlineData("MORE: Student cuts off his own hand after stabbing his mother", "stabbing his mother")]
    [InlineData("Result: Nadal 6-7 (6/8) 6-2 7-6 (8/6) 6-2 Roddick", "Nadal 6-7")]
    [InlineData("SEE ALSO: 3 Big Sources Of Revenue Help ISIS Make Millions Each Day", "Make Millions")]
    public void A_label_or_a_list_of_names_after_a_colon_is_not_speech(string paragraph, string words)
    {
        var run = QuoteTestKit.Analyze("The panel met in Des Moines on Monday.\n\n" + paragraph);
        Assert.DoesNotContain(run.Results, r => run.Content(r).Contains(words, StringComparison.Ordinal));
    }

    /// <summary>A transcript quoted whole, each paragraph opened by a quotation mark, after "as follows:".</summary>
    private static readonly Lazy<QuoteRun> Transcript = new(() => QuoteTestKit.Analyze(
        "Pence defended the invitation on Sunday. Partial transcript as follows:\n\n" +
        "\"WALLACE: Let's start with breaking news on the debate story.\n\n" +
        "\"PENCE: Well, look, the campaign invited a critic to sit in the front row.\n\n" +
        "\"WALLACE: Do you really see those two as equivalent?\""));

    [Theory]
    [InlineData("start with breaking news", "WALLACE")]
    [InlineData("the campaign invited a critic", "PENCE")]
    [InlineData("really see those two as equivalent", "WALLACE")]
    public void Each_line_of_a_quoted_transcript_is_its_speaker_s(string words, string speaker)
    {
        var r = Transcript.Value.QuoteWith(words);
        Assert.Equal(":", Transcript.Value.Text(r.Quote.Quote.Cue!.Value));
        Assert.Equal(speaker, r.Speaker.Text);
        Assert.DoesNotContain("PENCE", Transcript.Value.Content(r), StringComparison.Ordinal);
    }
}
