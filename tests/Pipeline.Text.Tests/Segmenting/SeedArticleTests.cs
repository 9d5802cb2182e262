using Pipeline.Sdk;
using Pipeline.Tests;

namespace Pipeline.Text.Tests.Segmenting;

public class SeedArticleTests
{
    private static readonly string Text = File.ReadAllText(Path.Combine(TestPaths.Seeds, "dialog-of-dictators.txt"));
    private static readonly Segmentation S = Segmenter.Default.Segment(Text);

    private static string At(TextSpan span) => Text.Substring(span.Start, span.Length);

    private static int ParagraphAt(int position) => S.Paragraphs.ToList().FindIndex(p => p.Span.Contains(position));

    [Fact]
    public void Headline_is_the_first_paragraph_and_sentence()
    {
        Assert.Equal("Dialog of dictators: How Putin and Lukashenka really talk to each other", At(S.Paragraphs[0].Span));
        Assert.Equal(1, S.Paragraphs[0].SentenceCount);
        Assert.Equal(25, S.Paragraphs.Length);
    }

    [Fact]
    public void Sivitsky_quotes_are_two_closed_pairs_in_one_paragraph()
    {
        var sivitsky = S.Quotations.Where(q => At(q.Content).StartsWith("Lukashenko periodically") || At(q.Content).StartsWith("This is because")).ToArray();
        Assert.Equal(2, sivitsky.Length);
        Assert.All(sivitsky, q => Assert.True(q.IsClosed));
        Assert.All(sivitsky, q => Assert.Single(q.Segments));
        Assert.Equal(ParagraphAt(sivitsky[0].Open.Start), ParagraphAt(sivitsky[1].Close.Start));
        Assert.EndsWith("specific agreements,", At(sivitsky[0].Content));
        Assert.EndsWith("economic influence in Belarus.", At(sivitsky[1].Content));

        var added = Assert.Single(S.Quotations, q => At(q.Content).StartsWith("The main issue"));
        Assert.True(added.IsClosed);
        Assert.EndsWith("about their results.", At(added.Content));
        Assert.Equal(9, S.Quotations.Length);
        Assert.All(S.Quotations, q => Assert.Equal(QuoteMarkStyle.CurlyDouble, q.Style));
    }

    [Fact]
    public void Sentence_after_a_quote_ending_in_a_comma_continues()
    {
        Assert.Contains(S.Sentences, s => At(s.Span) == "“Lukashenko periodically flies off to meet Putin but there is never a word about specific agreements,” Sivitsky wrote.");
        Assert.Contains(S.Sentences, s => At(s.Span) == "In their Sochi summit in February, we know that the two leaders went skiing, rode snowmobiles, and lauded their “strategic partnership and alliance.”");
    }

    [Fact]
    public void Names_possessives_and_numbers_tokenize_for_entity_recognition()
    {
        var tokens = S.Tokens.Select(t => At(t.Span)).ToArray();
        Assert.Contains("Lukashenka", tokens);
        Assert.DoesNotContain("Putin-Lukashenka", tokens);
        Assert.DoesNotContain("Russia’s", tokens);
        Assert.Contains("’s", tokens);
        Assert.Contains("n’t", tokens);
        Assert.Contains("pro-Kremlin", tokens);
        Assert.Contains("20", tokens);
        Assert.Equal(1192, S.Tokens.Length);
    }
}
