using Pipeline.Host.Configuration;
using Pipeline.Host.Loading;
using Pipeline.Host.Scheduling;
using Pipeline.Sdk;

namespace Pipeline.Host.Tests;

public sealed class SchedulerTests
{
    private static RunPlan Plan(string? config, params TextAnalyzer[] analyzers)
    {
        var catalog = AnalyzerCatalog.FromInstances(analyzers);
        return Scheduler.Plan(catalog, new EffectiveConfig(HostRun.Config(config, Path.GetTempPath()), catalog));
    }

    private static string[] Order(RunPlan plan) => plan.Analyzers.Select(a => a.Installed.Id).ToArray();

    [Fact]
    public void Producers_run_before_the_analyzers_that_require_their_layers()
    {
        var plan = Plan(null,
            new Gamma { Reads = [TestLayers.Names], Writes = [TestLayers.Tags] },
            new Beta { Reads = [TestLayers.Words, Layers.Sentences], Writes = [TestLayers.Names] },
            new Alpha { Reads = [Layers.Tokens], Writes = [TestLayers.Words] });

        Assert.Equal(["alpha", "beta", "gamma"], Order(plan));
        Assert.Equal([(TestLayers.Words as LayerKey, 0)], plan.Analyzers[1].Producers.Select(p => (p.Layer, p.Producer)));
    }

    [Fact]
    public void Ties_are_broken_by_configuration_order_then_by_id()
    {
        TextAnalyzer[] independent = [new Gamma(), new Alpha(), new Delta(), new Beta()];

        Assert.Equal(["alpha", "beta", "delta", "gamma"], Order(Plan(null, independent)));
        Assert.Equal(["delta", "beta", "alpha", "gamma"],
            Order(Plan("""{ "analyzers": { "delta": {}, "beta": { "enabled": true } } }""", independent)));
    }

    [Fact]
    public void A_disabled_analyzer_is_not_planned()
    {
        var plan = Plan("""{ "analyzers": { "beta": { "enabled": false } } }""", new Alpha(), new Beta());
        Assert.Equal(["alpha"], Order(plan));
    }

    [Fact]
    public void A_missing_producer_stops_start_up_naming_the_layer_and_the_installed_analyzers_that_could_provide_it()
    {
        var ex = Assert.Throws<StartupException>(() => Plan("""{ "analyzers": { "alpha": { "enabled": false } } }""",
            new Alpha { Writes = [TestLayers.Words] }, new Beta { Reads = [TestLayers.Words], Writes = [TestLayers.Names] }));

        Assert.Contains("analyzer 'beta'", ex.Message);
        Assert.Contains("requires layer 'words', which no enabled analyzer produces", ex.Message);
        Assert.Contains("'alpha' 0.1.0", ex.Message);
        Assert.Contains("disabled in pipeline.json", ex.Message);
    }

    [Fact]
    public void A_layer_nobody_installed_produces_is_reported_as_such()
    {
        var ex = Assert.Throws<StartupException>(() => Plan(null, new Beta { Reads = [Layers.Entities] }));
        Assert.Contains("requires layer 'entities'", ex.Message);
        Assert.Contains("no installed plugin provides it", ex.Message);
    }

    [Fact]
    public void A_cycle_stops_start_up_naming_its_analyzers_and_layers()
    {
        var ex = Assert.Throws<StartupException>(() => Plan(null,
            new Delta(),
            new Alpha { Reads = [TestLayers.Names], Writes = [TestLayers.Words] },
            new Beta { Reads = [TestLayers.Words], Writes = [TestLayers.Names] }));

        Assert.Contains("cycle", ex.Message);
        Assert.Contains("'alpha' needs layer 'names' from 'beta'", ex.Message);
        Assert.Contains("'beta' needs layer 'words' from 'alpha'", ex.Message);
        Assert.DoesNotContain("delta", ex.Message);
    }

    [Fact]
    public void Two_producers_of_one_layer_or_a_produced_segmentation_layer_stop_start_up()
    {
        var twice = Assert.Throws<StartupException>(() => Plan(null, new Alpha { Writes = [TestLayers.Words] }, new Beta { Writes = [TestLayers.Words] }));
        Assert.Contains("layer 'words' is produced by both", twice.Message);

        var segmentation = Assert.Throws<StartupException>(() => Plan(null, new Alpha { Writes = [Layers.Sentences] }));
        Assert.Contains("segmentation layer", segmentation.Message);
    }
}
