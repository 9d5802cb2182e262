using Pipeline.Analyzers.Stance;
using Pipeline.Sdk;
using Pipeline.Sdk.Testing;

namespace Pipeline.Analyzers.Tests.Stance;

/// <summary>The analyzer as the host runs it: its declared layers, and claim stance without an entity analyzer.</summary>
public sealed class StanceAnalyzerHostTests
{
    [Fact]
    public void The_analyzer_declares_what_the_host_schedules_it_by()
    {
        var analyzer = new StanceAnalyzer();
        Assert.Equal("stance", analyzer.Id);
        Assert.Equal([Layers.Tokens, Layers.Sentences], analyzer.Requires.ToArray());
        Assert.Equal([Layers.Entities, Layers.Quotes, Layers.Attributions], analyzer.OptionalRequires.ToArray());
        Assert.Equal([Layers.Stance, Layers.ClaimStance], analyzer.Produces.ToArray());
        Assert.NotNull(analyzer.CreateTrainer());
    }

    [Fact]
    public async Task Without_an_entity_layer_it_judges_the_run_claims_and_nothing_else()
    {
        var analysis = await new AnalyzerTest<StanceAnalyzer>
        {
            // One claim stance per run claim, each spanning the article.
            Markup = "[|[|The volcano erupted on Monday. The volcano damaged several homes in the town, officials confirmed.|]|]",
            Layer = Layers.ClaimStance,
            Claims = ["The volcano damaged homes in the town", "Football club signs new striker for record fee"],
            Options = new Dictionary<string, object?> { ["tier"] = "fast" },
            ModelDirectories = [StanceTestHost.ModelsFolder],
        }.RunAsync();

        var claims = analysis.Document.GetLayer(Layers.ClaimStance);
        Assert.Equal(["The volcano damaged homes in the town", "Football club signs new striker for record fee"], claims.Select(c => c.Claim).ToArray());
        Assert.NotEqual(ClaimStanceLabel.Unrelated, claims[0].Label);
        Assert.Equal(ClaimStanceLabel.Unrelated, claims[1].Label);
        Assert.Empty(analysis.Document.GetLayerOrEmpty(Layers.Stance));
    }
}
