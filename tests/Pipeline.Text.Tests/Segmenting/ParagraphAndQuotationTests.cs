using Pipeline.Sdk;

namespace Pipeline.Text.Tests.Segmenting;

public class ParagraphAndQuotationTests
{
    [Fact]
    public void Paragraphs_are_separated_by_blank_lines()
    {
        const string text = "Headline here\n\nFirst line\nwraps on.\r\n  \r\nSecond paragraph.\u2029Third.";
        Assert.Equal(["Headline here", "First line\nwraps on.", "Second paragraph.", "Third."], Seg.Paragraphs(text));
        var s = Seg.Of(text);
        Assert.Equal([0, 1, 2, 3], s.Paragraphs.Select(p => p.FirstSentence));
        Assert.All(s.Paragraphs, p => Assert.True(s.Tokens[s.Sentences[p.FirstSentence].FirstToken].Has(TokenFlags.ParagraphStart)));
    }

    [Fact]
    public void Indented_first_lines_start_paragraphs_in_wire_copy()
    {
        // Reuters style: no blank line between paragraphs, each one's first line indented, hard-wrapped.
        const string text = "HEADLINE\n\nBankAmerica Corp is not under\npressure, analysts said.\n    Some analysts said they\nrecommended a delay.\n    \"It will wait,\" said\nArthur Miller.\n\tThe end.";
        Assert.Equal(["HEADLINE", "BankAmerica Corp is not under\npressure, analysts said.", "Some analysts said they\nrecommended a delay.",
            "\"It will wait,\" said\nArthur Miller.", "The end."], Seg.Paragraphs(text));
    }

    [Fact]
    public void Each_line_is_a_paragraph_when_the_lines_are_not_hard_wrapped()
    {
        // Scraped news (FNC-1 bodies): one paragraph per line, no blank lines, lines of any length.
        string first = "Apple unveiled its long-awaited smartwatch in early September, showing off the device, which comes in three variants.";
        string text = first + "\n       VIEW ALL PHOTOS IN GALLERY\nAvailable in two sizes, it needs an iPhone.\nShort last line.";
        Assert.Equal([first, "VIEW ALL PHOTOS IN GALLERY", "Available in two sizes, it needs an iPhone.", "Short last line."], Seg.Paragraphs(text));
    }

    [Theory]
    [InlineData("    A quoted block\n    whose every line\n    is indented.")]
    [InlineData("A hanging indent: the first line\n    and then every line after it\n    indented.")]
    [InlineData("Lines wrapped\nwith no indent\nat all.")]
    public void A_block_indented_all_alike_is_one_paragraph(string text) => Assert.Single(Seg.Paragraphs(text));

    [Theory]
    [InlineData("He said \"we won\" today.", QuoteMarkStyle.StraightDouble, "we won")]
    [InlineData("He said 'we won' today.", QuoteMarkStyle.StraightSingle, "we won")]
    [InlineData("He said “we won” today.", QuoteMarkStyle.CurlyDouble, "we won")]
    [InlineData("He said ‘we won’ today.", QuoteMarkStyle.CurlySingle, "we won")]
    [InlineData("Il a dit «nous avons gagné» hier.", QuoteMarkStyle.Guillemet, "nous avons gagné")]
    [InlineData("Er sagte »wir haben gewonnen« heute.", QuoteMarkStyle.Guillemet, "wir haben gewonnen")]
    [InlineData("Il a dit ‹oui› hier.", QuoteMarkStyle.SingleGuillemet, "oui")]
    [InlineData("Er sagte „wir haben gewonnen“ heute.", QuoteMarkStyle.LowDouble, "wir haben gewonnen")]
    public void Quotation_pairs_of_every_style(string text, QuoteMarkStyle style, string content)
    {
        var pair = Assert.Single(Seg.Of(text).Quotations);
        Assert.Equal(style, pair.Style);
        Assert.True(pair.IsClosed);
        Assert.Equal(0, pair.Depth);
        Assert.Equal([content], Seg.Contents(text, pair));
        Assert.Equal(1, pair.Open.Length);
        Assert.Equal(pair.Content.End, pair.Close.Start);
    }

    [Theory]
    // Web copy that mixes its marks: a straight and a curly mark close each other.
    [InlineData("\"No one is above the law,” Pence said.", "No one is above the law,")]
    [InlineData("“We are not blind to those,\" wrote The Post.", "We are not blind to those,")]
    // A curly single opened, a straight one closing it.
    [InlineData("Hashtags translated as ‘martyrdom of the cub of Baghdadi'. It is claimed he was killed.", "martyrdom of the cub of Baghdadi")]
    public void A_straight_and_a_curly_mark_close_each_other(string text, string content)
    {
        var pair = Assert.Single(Seg.Of(text).Quotations);
        Assert.True(pair.IsClosed);
        Assert.Equal([content], Seg.Contents(text, pair));
    }

    [Fact]
    public void Two_closing_single_marks_typed_for_a_double_one_close_it()
    {
        // FNC-1 copy: “...’’ for ”.
        const string text = "He said he is “paying the price’’ for US intervention, and “it will end’’.";
        var quotes = Seg.Of(text).Quotations;
        Assert.Equal(2, quotes.Length);
        Assert.All(quotes, q => Assert.True(q.IsClosed));
        Assert.Equal(["paying the price"], Seg.Contents(text, quotes[0]));
        Assert.Equal(["it will end"], Seg.Contents(text, quotes[1]));
        Assert.Equal("’’", text.Substring(quotes[0].Close.Start, quotes[0].Close.Length));
        // With no double quote open, the pair closes a single one.
        const string single = "He called it ‘the plan’’ today.";
        var pair = Assert.Single(Seg.Of(single).Quotations);
        Assert.Equal((QuoteMarkStyle.CurlySingle, true), (pair.Style, pair.IsClosed));
        Assert.Equal(["the plan"], Seg.Contents(single, pair));
    }

    [Fact]
    public void Nested_quotes_have_depth()
    {
        const string text = "“He told me ‘I can’t go,’ and left,” she said.";
        var quotes = Seg.Of(text).Quotations;
        Assert.Equal(2, quotes.Length);
        Assert.Equal((0, QuoteMarkStyle.CurlyDouble), (quotes[0].Depth, quotes[0].Style));
        Assert.Equal((1, QuoteMarkStyle.CurlySingle), (quotes[1].Depth, quotes[1].Style));
        Assert.Equal(["I can’t go,"], Seg.Contents(text, quotes[1]));
        Assert.True(quotes[0].Span.Contains(quotes[1].Span));
    }

    [Fact]
    public void Straight_single_quotes_nest_inside_straight_double()
    {
        const string text = "He wrote: \"They call it 'the plan' now.\" Then left.";
        var quotes = Seg.Of(text).Quotations;
        Assert.Equal(["They call it 'the plan' now."], Seg.Contents(text, quotes[0]));
        Assert.Equal(["the plan"], Seg.Contents(text, quotes[1]));
        Assert.Equal(1, quotes[1].Depth);
    }

    [Fact]
    public void Quote_continued_over_paragraphs_is_one_pair()
    {
        const string text = "“We will fight,” he said. “We have no choice.\n\n“The people know it.\n\n“They are with us,” he added.\n\nThe end.";
        var quotes = Seg.Of(text).Quotations;
        Assert.Equal(2, quotes.Length);
        var continued = quotes[1];
        Assert.True(continued.IsClosed);
        Assert.Equal(["We have no choice.", "The people know it.", "They are with us,"], Seg.Contents(text, continued));
        Assert.Equal(text.IndexOf("“We have", StringComparison.Ordinal), continued.Open.Start);
        Assert.Equal(text.IndexOf("” he added", StringComparison.Ordinal), continued.Close.Start);
    }

    [Fact]
    public void Straight_quote_continued_over_paragraphs_is_one_pair()
    {
        const string text = "\"First part.\n\n\"Second part,\" she said.";
        var pair = Assert.Single(Seg.Of(text).Quotations);
        Assert.Equal(QuoteMarkStyle.StraightDouble, pair.Style);
        Assert.Equal(["First part.", "Second part,"], Seg.Contents(text, pair));
    }

    [Fact]
    public void Quote_reopened_at_a_sentence_start_in_one_paragraph_continues()
    {
        // Paragraph breaks lost, as in the BBC news corpus: the second mark reopens, it does not nest.
        const string text = "Ms Hewitt said: \"We have doubled it. \"We are going further.\" She said more was paid. \"We have made a commitment.\"";
        var quotes = Seg.Of(text).Quotations;
        Assert.Equal(2, quotes.Length);
        Assert.All(quotes, q => Assert.Equal(0, q.Depth));
        Assert.Equal(["We have doubled it.", "We are going further."], Seg.Contents(text, quotes[0]));
        Assert.True(quotes[0].IsClosed);
        Assert.Equal(["We have made a commitment."], Seg.Contents(text, quotes[1]));
        var s = Seg.Of(text);
        Assert.DoesNotContain(s.Tokens, t => t.Has(TokenFlags.InQuotation) && text.Substring(t.Span.Start, t.Span.Length) == "She");
    }

    [Theory]
    [InlineData("He said “we won” and “they lost” today.")] // two quotes, the first closed
    [InlineData("“They call it ‘the plan. “No,” he said.")] // a single mark open inside: not the same kind
    [InlineData("He said “we won and “they lost” today.")] // not at a sentence start: nests as before
    public void A_double_mark_continues_a_quote_only_when_it_opens_a_sentence_inside_an_open_quote_of_its_kind(string text)
    {
        var quotes = Seg.Of(text).Quotations;
        Assert.All(quotes, q => Assert.Single(q.Segments));
    }

    [Fact]
    public void Unclosed_quote_ends_at_its_paragraph_end()
    {
        const string text = "He said: “It is over.\n\nA normal paragraph follows.";
        var pair = Assert.Single(Seg.Of(text).Quotations);
        Assert.False(pair.IsClosed);
        Assert.Equal(["It is over."], Seg.Contents(text, pair));
        Assert.Equal(text.IndexOf("over.", StringComparison.Ordinal) + 5, pair.Span.End);
    }

    [Fact]
    public void Apostrophes_are_not_quotes()
    {
        const string text = "It’s the students’ plan, Jones' idea and the '90s rock 'n' roll they don't like.";
        Assert.Empty(Seg.Of(text).Quotations);
    }

    [Fact]
    public void A_straight_double_mark_inside_a_word_is_no_quote()
    {
        const string text = "Kuwait\"s minister said: \"None asked for it.\" India\"s paper agreed.";
        var pair = Assert.Single(Seg.Of(text).Quotations);
        Assert.Equal(["None asked for it."], Seg.Contents(text, pair));
    }

    [Fact]
    public void Closing_curly_apostrophe_after_a_word_closes_an_open_single_quote()
    {
        const string text = "They called it ‘the plan’ then.";
        var pair = Assert.Single(Seg.Of(text).Quotations);
        Assert.Equal(["the plan"], Seg.Contents(text, pair));
    }

    [Fact]
    public void Tokens_inside_quotes_are_flagged()
    {
        const string text = "He said “we won” and “I left.\n\n“Then I came back,” he added.";
        var s = Seg.Of(text);
        string Flagged() => string.Join(" ", s.Tokens.Where(t => t.Has(TokenFlags.InQuotation)).Select(t => text.Substring(t.Span.Start, t.Span.Length)));
        Assert.Equal("we won I left . Then I came back ,", Flagged());
    }
}
