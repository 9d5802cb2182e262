using Pipeline.Sdk;

namespace Pipeline.Text.Tests.Segmenting;

public class RobustnessTests
{
    private const string Palette = "aZ9 .,;:!?'\"“”‘’«»‹›„-—–…()[]@#/&_*\n\n\r\t\u00A0\u200B😀é\u0301$%";

    /// <summary>Random text from characters the scanner treats specially: no exception, and the structure holds.</summary>
    [Fact]
    public void Random_text_segments_consistently()
    {
        var random = new Random(20240510);
        for (int round = 0; round < 2000; round++)
        {
            var chars = new char[random.Next(0, 80)];
            for (int i = 0; i < chars.Length; i++) chars[i] = Palette[random.Next(Palette.Length)];
            var text = new string(chars);
            var s = Segmenter.Default.Segment(text);
            CheckStructure(text, s);
        }
    }

    [Fact]
    public void Text_ending_in_the_middle_of_constructs_is_safe()
    {
        foreach (var text in new[] { "U.", "'", "don'", "1,00", "http://", "www.", "a@", "@", "#", "e-", "“", "‘tis", "'9", "\uD83D", "x\uDE00", "Mr.", "No.", "--", "...", "a.b." })
            CheckStructure(text, Segmenter.Default.Segment(text));
    }

    [Fact]
    public void Parallel_segmentation_matches_sequential()
    {
        var seed = File.ReadAllText(Path.Combine(Pipeline.Tests.TestPaths.Seeds, "dialog-of-dictators.txt"));
        var texts = Enumerable.Range(0, 64).Select(i => seed[..(seed.Length * (i + 1) / 64)]).ToArray();
        var expected = texts.Select(t => Segmenter.Default.Segment(t)).ToArray();
        var actual = new Segmentation[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => actual[i] = Segmenter.Default.Segment(texts[i]));
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(expected[i].Tokens.ToArray(), actual[i].Tokens.ToArray());
            Assert.Equal(expected[i].Sentences.ToArray(), actual[i].Sentences.ToArray());
            Assert.Equal(expected[i].Quotations.Select(q => q.Span), actual[i].Quotations.Select(q => q.Span));
        }
    }

    private static void CheckStructure(string text, Segmentation s)
    {
        int end = 0;
        foreach (var t in s.Tokens)
        {
            Assert.True(t.Span.Start >= end && t.Span.Length > 0 && t.Span.End <= text.Length, $"token {t.Span} in '{text}'");
            end = t.Span.End;
        }
        int nextToken = 0;
        foreach (var sentence in s.Sentences)
        {
            Assert.Equal(nextToken, sentence.FirstToken);
            Assert.True(sentence.TokenCount > 0);
            Assert.True(s.Tokens[sentence.FirstToken].Has(TokenFlags.SentenceStart));
            Assert.True(s.Paragraphs[sentence.Paragraph].Span.Contains(sentence.Span));
            nextToken = sentence.EndToken;
        }
        Assert.Equal(s.Tokens.Length, nextToken);
        int nextSentence = 0;
        foreach (var paragraph in s.Paragraphs)
        {
            Assert.Equal(nextSentence, paragraph.FirstSentence);
            nextSentence = paragraph.EndSentence;
        }
        Assert.Equal(s.Sentences.Length, nextSentence);
        foreach (var q in s.Quotations)
        {
            Assert.NotEmpty(q.Segments);
            Assert.True(q.Open.End <= q.Segments[0].Start && (!q.IsClosed || q.Segments[^1].End <= q.Close.Start), $"quote in '{text}'");
            Assert.True(q.Span.End <= text.Length);
        }
        Assert.Equal(s.Quotations.OrderBy(q => q.Open.Start).ToArray(), s.Quotations.ToArray());
    }
}
