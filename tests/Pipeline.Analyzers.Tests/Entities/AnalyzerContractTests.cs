using Pipeline.Analyzers.Entities;
using Pipeline.Sdk;
using Pipeline.Sdk.Testing;
using Pipeline.Tests;

namespace Pipeline.Analyzers.Tests.Entities;

public class AnalyzerContractTests
{
    [Fact]
    public void The_analyzer_declares_what_the_host_schedules_it_by()
    {
        var analyzer = new EntitiesAnalyzer();
        Assert.Equal("entities", analyzer.Id);
        Assert.Equal([Layers.Tokens, Layers.Sentences, Layers.Paragraphs], analyzer.Requires.ToArray());
        Assert.Equal([Layers.Entities], analyzer.Produces.ToArray());
        Assert.NotNull(analyzer.CreateTrainer());
    }

    [Fact]
    public async Task The_shipped_model_runs_through_the_host_with_the_same_result_on_every_thread()
    {
        await new AnalyzerTest<EntitiesAnalyzer>
        {
            Markup = "{|entities.PER:Vladimir Putin|} met {|entities.PER:Alyaksandr Lukashenka|} in {|entities.LOC:Sochi|} on Friday, " +
                     "{|entities.ORG:Reuters|} reported.",
            ModelDirectories = [Path.Combine(TestPaths.RepoRoot, "models")],
        }.RunAsync();
    }
}
