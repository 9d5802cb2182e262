using Pipeline.Sdk;

namespace Pipeline.Text.Tests.Segmenting;

public class TokenizerTests
{
    [Theory]
    [InlineData("He lives in the U.S. now.", new[] { "He", "lives", "in", "the", "U.S.", "now", "." })]
    [InlineData("Dr. Smith met Mr. Jones on Jan. 5.", new[] { "Dr.", "Smith", "met", "Mr.", "Jones", "on", "Jan.", "5", "." })]
    [InlineData("Acme Inc. and Foo Corp. merged, e.g. last year.", new[] { "Acme", "Inc.", "and", "Foo", "Corp.", "merged", ",", "e.g.", "last", "year", "." })]
    [InlineData("It is No. 10 on the list, said no.", new[] { "It", "is", "No.", "10", "on", "the", "list", ",", "said", "no", "." })]
    [InlineData("Sales fell at 3 p.m. today.", new[] { "Sales", "fell", "at", "3", "p.m.", "today", "." })]
    public void Abbreviations_keep_their_period(string text, string[] expected) =>
        Assert.Equal(expected, Seg.Tokens(text));

    [Fact]
    public void Initials_keep_their_period()
    {
        Assert.Equal(["J.", "R.", "R.", "Tolkien", "wrote", "it", "."], Seg.Tokens("J. R. R. Tolkien wrote it."));
        Assert.Equal(["So", "did", "I", "."], Seg.Tokens("So did I."));
    }

    [Theory]
    [InlineData("It grew 3.5 percent to 1,000,000 people.", new[] { "It", "grew", "3.5", "percent", "to", "1,000,000", "people", "." })]
    [InlineData("The 20-member council met at 2:30 on 9/11.", new[] { "The", "20", "-", "member", "council", "met", "at", "2:30", "on", "9/11", "." })]
    [InlineData("Profits rose 76% to $1.13bn.", new[] { "Profits", "rose", "76", "%", "to", "$", "1.13bn", "." })]
    [InlineData("From 1969-1970, call 853-7906.", new[] { "From", "1969", "-", "1970", ",", "call", "853-7906", "." })]
    [InlineData("Apples, pears, 1,2,3.", new[] { "Apples", ",", "pears", ",", "1", ",", "2", ",", "3", "." })]
    public void Numbers_keep_their_separators(string text, string[] expected) =>
        Assert.Equal(expected, Seg.Tokens(text));

    [Fact]
    public void Number_tokens_are_numbers()
    {
        const string text = "About 1,000,000 at 3.5 each";
        var s = Seg.Of(text);
        Assert.Equal(TokenKind.Number, Seg.TokenOf(s, text, "1,000,000").Kind);
        Assert.Equal(TokenKind.Number, Seg.TokenOf(s, text, "3.5").Kind);
        Assert.Equal(TokenKind.Word, Seg.TokenOf(s, text, "About").Kind);
    }

    [Theory]
    [InlineData("See https://example.com/a_(b)?x=1, then www.bbc.co.uk.", "https://example.com/a_(b)?x=1", "www.bbc.co.uk")]
    [InlineData("(http://news.example.org/story.html)", "http://news.example.org/story.html", null)]
    public void Urls_are_single_tokens(string text, string url, string? second)
    {
        var s = Seg.Of(text);
        var urls = s.Tokens.Where(t => t.Kind == TokenKind.Url).Select(t => text.Substring(t.Span.Start, t.Span.Length)).ToArray();
        Assert.Equal(second is null ? [url] : [url, second], urls);
    }

    [Fact]
    public void Emails_hashtags_and_mentions_are_single_tokens()
    {
        const string text = "Write to first-last@news.example.org or @newsdesk about #Belarus2020, not #1.";
        var s = Seg.Of(text);
        string Of(TokenKind kind) => string.Join("|", s.Tokens.Where(t => t.Kind == kind).Select(t => text.Substring(t.Span.Start, t.Span.Length)));
        Assert.Equal("first-last@news.example.org", Of(TokenKind.Email));
        Assert.Equal("@newsdesk", Of(TokenKind.Mention));
        Assert.Equal("#Belarus2020", Of(TokenKind.Hashtag));
    }

    [Theory]
    [InlineData("the Putin-Lukashenka meeting", new[] { "the", "Putin", "-", "Lukashenka", "meeting" })]
    [InlineData("a search-engine and e-mail re-election co-founder", new[] { "a", "search", "-", "engine", "and", "e-mail", "re-election", "co-founder" })]
    [InlineData("an X-ray of the F-16 in mid-2004", new[] { "an", "X-ray", "of", "the", "F", "-", "16", "in", "mid-2004" })]
    [InlineData("my quarter-of-a-century presidency", new[] { "my", "quarter", "-", "of", "-", "a", "-", "century", "presidency" })]
    public void Hyphenated_words_split_except_after_prefixes(string text, string[] expected) =>
        Assert.Equal(expected, Seg.Tokens(text));

    [Theory]
    [InlineData("Moscow's role", new[] { "Moscow", "'s", "role" })]
    [InlineData("Moscow’s role", new[] { "Moscow", "’s", "role" })]
    [InlineData("don't, can't, won't", new[] { "do", "n't", ",", "ca", "n't", ",", "wo", "n't" })]
    [InlineData("he’s sure we’re fine, I’ll see, they've gone, I'm in, she'd go", new[] { "he", "’s", "sure", "we", "’re", "fine", ",", "I", "’ll", "see", ",", "they", "'ve", "gone", ",", "I", "'m", "in", ",", "she", "'d", "go" })]
    [InlineData("DON'T", new[] { "DO", "N'T" })]
    [InlineData("O'Brien's 1980's", new[] { "O'Brien", "'s", "1980", "'s" })]
    public void Clitics_split_the_Penn_way(string text, string[] expected)
    {
        Assert.Equal(expected, Seg.Tokens(text));
        var s = Seg.Of(text);
        Assert.Equal(TokenKind.Clitic, s.Tokens[1].Kind);
    }

    [Fact]
    public void Apostrophes_inside_words_are_not_quote_marks()
    {
        const string text = "the students’ plan and Jones' car in the '90s";
        Assert.Equal(["the", "students", "’", "plan", "and", "Jones", "'", "car", "in", "the", "'90s"], Seg.Tokens(text));
        var s = Seg.Of(text);
        Assert.Empty(s.Quotations);
        Assert.Equal(TokenKind.Clitic, Seg.TokenOf(s, text, "’").Kind);
        Assert.Equal(TokenKind.Clitic, Seg.TokenOf(s, text, "'").Kind);
    }

    [Theory]
    [InlineData("Wait—what? Yes – no -- maybe...", new[] { "Wait", "—", "what", "?", "Yes", "–", "no", "--", "maybe", "..." })]
    [InlineData("Well… fine?! Ok!!!", new[] { "Well", "…", "fine", "?!", "Ok", "!!!" })]
    [InlineData("Rule: ***** and ____", new[] { "Rule", ":", "*****", "and", "____" })]
    public void Dashes_ellipses_and_runs(string text, string[] expected) =>
        Assert.Equal(expected, Seg.Tokens(text));

    [Fact]
    public void Quote_marks_are_their_own_tokens()
    {
        const string text = "“Hi,” she said. \"Go!\" ‘Now’ «oui»";
        Assert.Equal(["“", "Hi", ",", "”", "she", "said", ".", "\"", "Go", "!", "\"", "‘", "Now", "’", "«", "oui", "»"], Seg.Tokens(text));
        Assert.All(Seg.Of(text).Tokens.Where(t => text[t.Span.Start] is '“' or '”' or '"' or '‘' or '’' or '«' or '»'),
            t => Assert.Equal(TokenKind.QuoteMark, t.Kind));
    }

    [Fact]
    public void Offsets_cover_the_text_exactly()
    {
        const string text = "  Émile’s café—naïve? 😀👍🏽 x\u0301y ok.  ";
        var s = Seg.Of(text);
        int previousEnd = 0;
        foreach (var token in s.Tokens)
        {
            Assert.True(token.Span.Start >= previousEnd);
            Assert.True(token.Span.Length > 0);
            Assert.True(string.IsNullOrWhiteSpace(text[previousEnd..token.Span.Start]));
            Assert.False(char.IsLowSurrogate(text[token.Span.Start]), "a token never starts inside a surrogate pair");
            previousEnd = token.Span.End;
        }
        Assert.True(string.IsNullOrWhiteSpace(text[previousEnd..]));
        Assert.Contains("x\u0301y", Seg.Tokens(text));
        Assert.Contains("👍🏽", Seg.Tokens(text));
    }

    [Fact]
    public void Flags_describe_the_token()
    {
        const string text = "NATO said. The U.S. e-mail had 3 parts";
        var s = Seg.Of(text);
        var nato = Seg.TokenOf(s, text, "NATO");
        Assert.True(nato.Has(TokenFlags.AllUpper | TokenFlags.Capitalized | TokenFlags.SentenceStart | TokenFlags.ParagraphStart));
        Assert.False(nato.Has(TokenFlags.SpaceBefore));
        var the = Seg.TokenOf(s, text, "The");
        Assert.True(the.Has(TokenFlags.SentenceStart | TokenFlags.SpaceBefore | TokenFlags.Capitalized));
        Assert.False(the.Has(TokenFlags.ParagraphStart));
        Assert.True(Seg.TokenOf(s, text, "U.S.").Has(TokenFlags.HasPeriod | TokenFlags.AllUpper));
        Assert.True(Seg.TokenOf(s, text, "e-mail").Has(TokenFlags.HasHyphen | TokenFlags.AllLower));
        Assert.True(Seg.TokenOf(s, text, "3").Has(TokenFlags.HasDigit));
        Assert.False(Seg.TokenOf(s, text, "said").Has(TokenFlags.Capitalized));
    }

    [Fact]
    public void Empty_and_blank_text_give_nothing()
    {
        foreach (var text in new[] { "", "   \n\n\t " })
        {
            var s = Seg.Of(text);
            Assert.Empty(s.Tokens);
            Assert.Empty(s.Sentences);
            Assert.Empty(s.Paragraphs);
            Assert.Empty(s.Quotations);
        }
    }
}
