using Pipeline.Host.Configuration;
using Pipeline.Host.Loading;
using Pipeline.Host.Scheduling;
using Pipeline.Sdk;
using Pipeline.Sdk.Testing;

namespace Pipeline.Host.Tests;

/// <summary>Layers an analyzer reads when they are there: ordered like Requires, never required.</summary>
public sealed class OptionalRequiresTests : IDisposable
{
    private const string Text = "Vladimir Putin met Alyaksandr Lukashenka in Moscow.";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static RunPlan Plan(string? config, IReadOnlyCollection<LayerKey>? inputLayers, params TextAnalyzer[] analyzers)
    {
        var catalog = AnalyzerCatalog.FromInstances(analyzers);
        return Scheduler.Plan(catalog, new EffectiveConfig(HostRun.Config(config, Path.GetTempPath()), catalog), inputLayers);
    }

    private static Alpha Marker() => new() { Writes = [TestLayers.Words], OnDocument = Scripts.MarkCapitalised(TestLayers.Words) };

    /// <summary>Reads words when present; writes one "tags" annotation saying what it saw.</summary>
    private static Beta Reader() => new()
    {
        OptionalReads = [TestLayers.Words],
        Writes = [TestLayers.Tags],
        OnDocument = ctx => ctx.Add(TestLayers.Tags, new LabeledSpan
        {
            Id = ctx.NewId(TestLayers.Tags), Span = new TextSpan(0, 1),
            Label = $"present={ctx.Document.HasLayer(TestLayers.Words)},count={ctx.GetLayer(TestLayers.Words).Length}",
        }),
    };

    [Fact]
    public void An_optional_layer_orders_its_producer_first_even_against_configuration_order()
    {
        var plan = Plan("""{ "analyzers": { "beta": {}, "alpha": {} } }""", null, Reader(), Marker());

        Assert.Equal(["alpha", "beta"], plan.Analyzers.Select(a => a.Installed.Id));
        Assert.Empty(plan.Analyzers[1].Producers);
    }

    [Fact]
    public void A_missing_producer_of_an_optional_layer_is_not_an_error()
    {
        var plan = Plan(null, null, Reader());
        Assert.Equal(["beta"], plan.Analyzers.Select(a => a.Installed.Id));
    }

    [Fact]
    public void A_cycle_through_an_optional_layer_is_reported()
    {
        var ex = Assert.Throws<StartupException>(() => Plan(null, null,
            new Alpha { OptionalReads = [TestLayers.Names], Writes = [TestLayers.Words] },
            new Beta { Reads = [TestLayers.Words], Writes = [TestLayers.Names] }));
        Assert.Contains("'alpha' needs layer 'names' from 'beta'", ex.Message);
    }

    [Fact]
    public void Input_layers_the_documents_carry_need_no_producer_but_an_enabled_producer_still_comes_first()
    {
        var needsWords = new Beta { Reads = [TestLayers.Words], Writes = [TestLayers.Names] };
        Assert.Throws<StartupException>(() => Plan(null, null, needsWords));
        var plan = Plan(null, [TestLayers.Words], needsWords);
        Assert.Empty(Assert.Single(plan.Analyzers).Producers);

        var produced = Plan(null, [TestLayers.Words], new Beta { Reads = [TestLayers.Words], Writes = [TestLayers.Names] }, Marker());
        Assert.Equal(["alpha", "beta"], produced.Analyzers.Select(a => a.Installed.Id));
        Assert.Single(produced.Analyzers[1].Producers);
    }

    [Fact]
    public async Task The_view_carries_an_optional_layer_when_it_was_produced_and_reads_it_as_empty_otherwise()
    {
        var input = _temp.Write("in/a.txt", Text);
        var with = await HostRun.RunAsync([Reader(), Marker()], [input], _temp.Combine("with"));
        var without = await HostRun.RunAsync([Reader()], [input], _temp.Combine("without"));

        Assert.Equal("present=True,count=5", Assert.Single(Assert.Single(with.Records).Layer("tags")).Str("label"));
        var record = Assert.Single(without.Records);
        Assert.Equal("ok", record.Str("status"));
        Assert.Equal("present=False,count=0", Assert.Single(record.Layer("tags")).Str("label"));
    }

    [Fact]
    public async Task An_analyzer_still_runs_when_the_producer_of_its_optional_layer_threw()
    {
        var thrower = new Alpha { Writes = [TestLayers.Words], OnDocument = _ => throw new InvalidOperationException("no words today") };
        var run = await HostRun.RunAsync([Reader(), thrower], [_temp.Write("in/a.txt", Text)], _temp.Combine("out"));

        var record = Assert.Single(run.Records);
        Assert.Equal("partial", record.Str("status"));
        Assert.Equal(["PL0001"], record.Failures().Select(f => f.Str("ruleId")));
        Assert.Equal("present=False,count=0", Assert.Single(record.Layer("tags")).Str("label"));
    }

    [Fact]
    public async Task Reading_a_layer_declared_nowhere_still_throws()
    {
        var reader = new Beta
        {
            OptionalReads = [TestLayers.Words],
            Writes = [TestLayers.Tags],
            OnDocument = ctx => ctx.GetLayer(TestLayers.Names),
        };
        var run = await HostRun.RunAsync([reader], [_temp.Write("in/a.txt", Text)], _temp.Combine("out"));
        var failure = Assert.Single(Assert.Single(run.Records).Failures());
        Assert.Contains("LayerNotAvailableException", failure.Str("message"));
    }

    [Fact]
    public async Task The_verifier_seeds_an_optional_layer_from_markup_and_leaves_it_absent_otherwise()
    {
        await new AnalyzerTest<Beta>(Reader)
        {
            Markup = "{|tags.present=True,count=2:V|}ladimir {|words:Putin|} met {|words:Alyaksandr|}.",
        }.RunAsync();
        await new AnalyzerTest<Beta>(Reader)
        {
            Markup = "{|tags.present=False,count=0:V|}ladimir Putin met Alyaksandr.",
        }.RunAsync();
        await new AnalyzerTest<Beta>(Reader)
        {
            Markup = "{|tags.present=True,count=0:V|}ladimir Putin met Alyaksandr.",
        }.Seed(TestLayers.Words, _ => []).RunAsync();
    }

    [Fact]
    public async Task The_verifier_refuses_to_seed_a_layer_the_analyzer_does_not_read()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new AnalyzerTest<Beta>(Reader)
        {
            Markup = "{|tags:V|}ladimir Putin.",
        }.Seed(TestLayers.Names, _ => []).RunAsync());
        Assert.Contains("'beta' does not read layer 'names' (it reads words)", ex.Message);
    }
}
