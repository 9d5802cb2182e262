using Pipeline.Analyzers.Quotes;
using Pipeline.Sdk;
using Pipeline.Sdk.Testing;
using Pipeline.Tests;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>The analyzer run through the host's own execution code by the markup verifier.</summary>
public sealed class AnalyzerVerifierTests
{
    private static readonly string Models = Path.Combine(TestPaths.RepoRoot, "models");

    [Fact]
    public void The_analyzer_declares_what_the_host_schedules_it_by()
    {
        var analyzer = new QuotesAnalyzer();
        Assert.Equal("quotes", analyzer.Id);
        Assert.Equal(Layers.Segmentation, analyzer.Requires);
        Assert.Equal([Layers.Entities], analyzer.OptionalRequires.ToArray());
        Assert.Equal([Layers.Quotes, Layers.Attributions], analyzer.Produces.ToArray());
        Assert.Equal(["QTE001", "QTE002", "QTE003", "QTE004", "QTE005"], analyzer.Rules.Select(r => r.Id).Order().ToArray());
        Assert.Equal("quote-attribution", analyzer.CreateTrainer().Task);
    }

    [Fact]
    public async Task Direct_and_indirect_quotes_with_their_speakers_and_findings()
    {
        await new AnalyzerTest<QuotesAnalyzer>
        {
            ModelDirectories = [Models],
            Markup =
                "{|quotes.direct:\u201CWe are not going anywhere,\u201D|} {|attributions.named:Maria Lopez|} said.\n\n" +
                "{|attributions.pronoun:{|QTE003:She|}|} said {|quotes.indirect:the hospital would stay open through the winter|}.",
        }.RunAsync();
    }
}
