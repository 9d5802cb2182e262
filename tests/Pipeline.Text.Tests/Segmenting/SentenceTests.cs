namespace Pipeline.Text.Tests.Segmenting;

public class SentenceTests
{
    [Fact]
    public void Sentences_end_at_terminal_punctuation()
    {
        Assert.Equal(["It rained.", "Was it cold?", "Yes!", "Very… cold."],
            Seg.Sentences("It rained. Was it cold? Yes! Very… cold."));
    }

    [Theory]
    [InlineData("Mr. Smith and Dr. Jones met Gen. Lee in Jan. 2020.")]
    [InlineData("J. R. R. Tolkien wrote it.")]
    [InlineData("Troops of the U.S. Army arrived.")]
    [InlineData("He said “Stop!” and left.")]
    [InlineData("“Why?” he asked.")]
    [InlineData("The deal, approved by Acme Inc. last week, stands.")]
    [InlineData("He said the U.S. \"strongly condemns the murder\" and left.")]
    public void No_split_after_abbreviations_initials_or_quoted_exclamations(string text) =>
        Assert.Equal([text], Seg.Sentences(text));

    [Fact]
    public void Abbreviation_can_end_a_sentence_before_a_usual_opener()
    {
        Assert.Equal(["He moved to the U.S.", "The move was quick."], Seg.Sentences("He moved to the U.S. The move was quick."));
        Assert.Equal(["It sold to Acme Inc.", "But nobody knew."], Seg.Sentences("It sold to Acme Inc. But nobody knew."));
        Assert.Equal(["He left the U.S.", "\"We will win,\" he said."], Seg.Sentences("He left the U.S. \"We will win,\" he said."));
    }

    [Fact]
    public void Sentence_end_takes_the_closing_quote()
    {
        const string text = "It was over, he said.\" Next came the vote.";
        Assert.Equal(["It was over, he said.\"", "Next came the vote."], Seg.Sentences(text));
        Assert.Equal(["“Stop,” she said.", "“Now.”", "Then silence."], Seg.Sentences("“Stop,” she said. “Now.” Then silence."));
    }

    [Fact]
    public void Quote_ending_in_a_comma_does_not_end_the_sentence()
    {
        const string text = "“Lukashenko flies off to meet Putin,” Sivitsky wrote. “This is because of it.”";
        Assert.Equal(["“Lukashenko flies off to meet Putin,” Sivitsky wrote.", "“This is because of it.”"], Seg.Sentences(text));
    }

    [Fact]
    public void Headline_without_final_punctuation_ends_at_the_paragraph_end()
    {
        const string text = "Dialog of dictators: How Putin and Lukashenka talk\n\nIn a ritual, he went. It was late.";
        Assert.Equal(["Dialog of dictators: How Putin and Lukashenka talk", "In a ritual, he went.", "It was late."], Seg.Sentences(text));
    }

    [Fact]
    public void Lower_case_after_a_full_stop_opens_a_sentence_but_not_after_an_ellipsis()
    {
        Assert.Equal(["i see.", "you go."], Seg.Sentences("i see. you go."));
        Assert.Equal(["well... maybe not."], Seg.Sentences("well... maybe not."));
    }

    [Fact]
    public void Bullet_lines_are_their_own_sentences()
    {
        Assert.Equal(["Key points:", "- prices rose", "- wages fell"], Seg.Sentences("Key points:\n- prices rose\n- wages fell"));
    }

    [Fact]
    public void Sentences_know_their_tokens_and_paragraph()
    {
        const string text = "One two. Three.\n\nFour five six.";
        var s = Seg.Of(text);
        Assert.Equal(3, s.Sentences.Length);
        Assert.Equal((0, 3, 0), (s.Sentences[0].FirstToken, s.Sentences[0].TokenCount, s.Sentences[0].Paragraph));
        Assert.Equal((3, 2, 0), (s.Sentences[1].FirstToken, s.Sentences[1].TokenCount, s.Sentences[1].Paragraph));
        Assert.Equal((5, 4, 1), (s.Sentences[2].FirstToken, s.Sentences[2].TokenCount, s.Sentences[2].Paragraph));
    }
    [Fact]
    public void A_table_without_sentence_ends_is_cut_at_line_breaks()
    {
        // 60 rows of 8 tokens: one 480-token run without a terminator.
        var rows = Enumerable.Range(1, 60).Select(i => $"{i}\tTRAIN\tusa\tcocoa\tgrain\tBAHIA COCOA REVIEW");
        string text = string.Join("\n", rows);
        var s = Seg.Of(text);
        Assert.True(s.Sentences.Length >= 2);
        Assert.All(s.Sentences, sentence => Assert.InRange(sentence.TokenCount, 1, 250));
        Assert.All(s.Sentences.Skip(1), sentence => Assert.Matches(@"^\d+\tTRAIN", text[sentence.Span.Start..sentence.Span.End]));
    }

    [Fact]
    public void A_run_without_punctuation_or_line_breaks_is_cut_at_the_limit()
    {
        var s = Seg.Of(string.Join(' ', Enumerable.Repeat("word", 600)));
        Assert.Equal([250, 250, 100], s.Sentences.Select(sentence => sentence.TokenCount));
    }

    [Fact]
    public void An_over_long_run_is_cut_after_a_clause_mark_before_the_limit()
    {
        var s = Seg.Of(string.Join(' ', Enumerable.Repeat("word", 200)) + ", " + string.Join(' ', Enumerable.Repeat("word", 100)));
        Assert.Equal([201, 100], s.Sentences.Select(sentence => sentence.TokenCount));
    }

    [Fact]
    public void A_long_news_sentence_stays_whole()
    {
        string text = "The bill, which " + string.Join(", ", Enumerable.Repeat("the senator from the state of Ohio said on Monday", 12)) + ", passed.";
        Assert.Equal([text], Seg.Sentences(text));
    }
}
