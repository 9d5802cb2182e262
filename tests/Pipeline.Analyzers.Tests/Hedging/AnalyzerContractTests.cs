using Pipeline.Analyzers.Hedging;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Hedging;

public class AnalyzerContractTests
{
    [Fact]
    public void The_analyzer_declares_what_the_host_schedules_it_by()
    {
        var analyzer = new HedgingAnalyzer();
        Assert.Equal("hedging", analyzer.Id);
        Assert.Equal([Layers.Tokens, Layers.Sentences], analyzer.Requires.ToArray());
        Assert.Equal([Layers.Quotes, Layers.Attributions], analyzer.OptionalRequires.ToArray());
        Assert.Equal([Layers.HedgeCues, Layers.Uncertainty], analyzer.Produces.ToArray());
        Assert.Equal(["HDG001", "HDG002", "HDG003", "HDG004", "HDG005"], analyzer.Rules.Select(r => r.Id).ToArray());
        Assert.All(analyzer.Rules, r => Assert.Equal(HedgeRules.Category, r.Category));
        Assert.NotNull(analyzer.CreateTrainer());
    }
}
