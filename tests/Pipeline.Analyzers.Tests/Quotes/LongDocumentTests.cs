namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>A long document finds in each paragraph the quotes that paragraph has on its own: quotes far apart never meet.</summary>
public class LongDocumentTests
{
    private const string Paragraph =
        "Secret Service protocol called for more agents at the rally, sources said. " +
        "\"We will not back down,\" Smith told reporters, adding that the plan \"will work\" and that " +
        "officials said the budget was balanced.";

    [Fact]
    public void Each_repeat_of_a_paragraph_keeps_the_quotes_it_has_alone()
    {
        var alone = Quotes(QuoteTestKit.Analyze(Paragraph));
        Assert.NotEmpty(alone);

        const int repeats = 150;
        var run = QuoteTestKit.Analyze(string.Join("\n\n", Enumerable.Repeat(Paragraph, repeats)));
        var all = Quotes(run);
        Assert.Equal(alone.Count * repeats, all.Count);
        for (int r = 0; r < repeats; r++)
            Assert.Equal(alone, all.Skip(r * alone.Count).Take(alone.Count).ToList());
    }

    /// <summary>Each quote's kind, cue and content, in text order.</summary>
    private static List<string> Quotes(QuoteRun run) => run.Results
        .OrderBy(r => r.Quote.Quote.Span.Start)
        .Select(r => $"{r.Quote.Quote.Kind} cue={(r.Quote.Quote.Cue is { } c ? run.Text(c) : "-")} {run.Content(r)}")
        .ToList();
}
