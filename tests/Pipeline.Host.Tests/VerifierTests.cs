using Pipeline.Sdk;
using Pipeline.Sdk.Testing;

namespace Pipeline.Host.Tests;

public sealed class VerifierTests
{
    private static Alpha Marker() => new() { Writes = [TestLayers.Words], Reports = [TestRules.Capitalised], OnDocument = ctx =>
    {
        Scripts.MarkCapitalised(TestLayers.Words)(ctx);
        Scripts.ReportWord("Putin")(ctx);
    } };

    private static Beta Namer() => new() { Reads = [TestLayers.Words], Writes = [TestLayers.Names], OnDocument = Scripts.Filter(TestLayers.Words, TestLayers.Names, "P") };

    [Fact]
    public async Task Markup_parses_nested_markers_and_renders_back()
    {
        var markup = Markup.Parse("{|entities.PER:Vladimir [|Putin|]|} met {|TST001:him|}.");

        Assert.Equal("Vladimir Putin met him.", markup.Text);
        Assert.Equal([new MarkedSpan("entities.PER", new TextSpan(0, 14)), new MarkedSpan(null, new TextSpan(9, 5)), new MarkedSpan("TST001", new TextSpan(19, 3))], markup.Spans.ToArray());
        Assert.Equal("{|entities.PER:Vladimir [|Putin|]|} met {|TST001:him|}.", Markup.Render(markup.Text, markup.Spans));
        Assert.Throws<FormatException>(() => Markup.Parse("[|open"));
        Assert.Throws<FormatException>(() => Markup.Parse("{|X:mismatched|]"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_correct_analyzer_passes_with_its_layer_and_findings_marked()
    {
        var result = await new AnalyzerTest<Alpha>(Marker)
        {
            Markup = "[|Vladimir|] {|TST001:[|Putin|]|} met him in [|Moscow|].",
        }.RunAsync();

        Assert.Equal(3, result.Document.GetLayer(TestLayers.Words).Length);
    }

    [Fact]
    public async Task A_missing_annotation_fails_and_shows_the_actual_markup()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new AnalyzerTest<Alpha>(Marker)
        {
            Markup = "[|Vladimir|] {|TST001:Putin|} met him in [|Moscow|].",
        }.RunAsync());

        Assert.Contains("layer 'words': expected 2 annotations, got 3", ex.Message);
        Assert.Contains("unexpected [9..14) 'Putin'", ex.Message);
        Assert.Contains("actual markup:\n[|Vladimir|] {|TST001:[|Putin|]|} met him in [|Moscow|].", ex.Message);
    }

    [Fact]
    public async Task An_unexpected_finding_fails()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new AnalyzerTest<Alpha>(Marker)
        {
            Markup = "[|Vladimir|] [|Putin|] met him.",
        }.RunAsync());

        Assert.Contains("unexpected finding TST001 at [9..14) 'Putin'", ex.Message);
    }

    [Fact]
    public async Task Upstream_layers_are_seeded_in_markup_so_no_producer_is_needed()
    {
        var result = await new AnalyzerTest<Beta>(Namer)
        {
            Markup = "{|words:Vladimir|} {|words:[|Putin|]|} met {|words.cap:[|Petro|]|} and Poroshenko.",
        }.RunAsync();

        Assert.Equal(["Putin", "Petro"], result.Document.GetLayer(TestLayers.Names).Select(n => result.Document.GetString(n.Span)));
    }

    [Fact]
    public async Task Well_known_payloads_are_seeded_from_their_labels_and_linked_ones_with_a_builder()
    {
        IReadOnlyList<EntityMention>? seenEntities = null;
        IReadOnlyList<Attribution>? seenAttributions = null;
        var reader = () => new Gamma
        {
            Reads = [Layers.Entities, Layers.Attributions],
            OnDocument = ctx => { seenEntities = ctx.GetLayer(Layers.Entities); seenAttributions = ctx.GetLayer(Layers.Attributions); },
        };
        await new AnalyzerTest<Gamma>(reader) { Markup = "{|entities.PER:Putin|} met {|entities.LOC:Minsk|} and {|entities.PER:Putin|} left." }
            .Seed(Layers.Attributions, doc => [new Attribution { Id = "a1", Span = doc.GetLayer(Layers.Entities)[0].Span, QuoteId = "q1", SpeakerKind = SpeakerKind.Named }])
            .RunAsync();

        Assert.Equal(["PER", "LOC", "PER"], seenEntities!.Select(e => e.Type));
        Assert.Equal(["c1", "c2", "c1"], seenEntities!.Select(e => e.ClusterId));
        Assert.Equal(["e1", "e2", "e3"], seenEntities!.Select(e => e.Id));
        Assert.Equal("q1", Assert.Single(seenAttributions!).QuoteId);
    }

    [Fact]
    public async Task An_exception_fails_with_the_analyzers_stack()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new AnalyzerTest<Alpha>(() => new Alpha { OnDocument = _ => throw new FormatException("bad lexicon line 3") })
        {
            Markup = "Some text.",
        }.RunAsync());

        Assert.Contains("PL0001: analyzer 'alpha' 0.1.0 threw FormatException: bad lexicon line 3", ex.Message);
        Assert.Contains(nameof(VerifierTests), ex.Message);
    }

    [Fact]
    public async Task Writing_an_undeclared_layer_fails()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new AnalyzerTest<Alpha>(() => new Alpha
        {
            Writes = [TestLayers.Words],
            OnDocument = ctx => ctx.Add(TestLayers.Tags, new LabeledSpan { Id = "t1", Span = new TextSpan(0, 4), Label = "x" }),
        }) { Markup = "Some text." }.RunAsync());

        Assert.Contains("wrote layer 'tags', which is not in its Produces", ex.Message);
    }

    [Fact]
    public async Task A_result_that_changes_on_a_second_run_fails()
    {
        int calls = 0;
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new AnalyzerTest<Alpha>(() => new Alpha
        {
            Writes = [TestLayers.Words],
            OnDocument = ctx => ctx.Add(TestLayers.Words, new LabeledSpan { Id = "w1", Span = new TextSpan(0, 4), Label = "call" + Interlocked.Increment(ref calls) }),
        }) { Markup = "[|Some|] text." }.RunAsync());

        Assert.Contains("a second run on the same document gave another result", ex.Message);
    }

    [Fact]
    public async Task Shared_state_that_breaks_under_parallel_runs_fails_when_concurrency_is_enabled()
    {
        var shared = new List<TextSpan>();
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new AnalyzerTest<Alpha>(() => new Alpha
        {
            Writes = [TestLayers.Words],
            Concurrent = true,
            OnDocument = ctx =>
            {
                // Not thread-safe: one list for every call.
                shared.Clear();
                foreach (var token in ctx.Document.Tokens)
                {
                    shared.Add(token.Span);
                    Thread.Sleep(1);
                }
                foreach (var span in shared.ToArray())
                    ctx.Add(TestLayers.Words, new LabeledSpan { Id = ctx.NewId(TestLayers.Words), Span = span, Label = "t" });
                shared.Clear();
            },
        }) { Markup = "[|One|] [|two|] [|three|] [|four|][|.|]", ParallelRuns = 8 }.RunAsync());

        Assert.Contains("parallel runs", ex.Message);
    }

    [Fact]
    public async Task Options_reach_the_analyzer()
    {
        await new AnalyzerTest<Alpha>(() => new Alpha
        {
            Writes = [TestLayers.Words],
            OnDocument = ctx => ctx.Add(TestLayers.Words, new LabeledSpan { Id = "w1", Span = new TextSpan(0, 4), Label = ctx.Options.GetString("label", "default") }),
        })
        {
            Markup = "{|words.custom:Some|} text.",
            Options = new Dictionary<string, object?> { ["label"] = "custom" },
        }.RunAsync();
    }

    [Fact]
    public async Task An_unknown_marker_name_is_explained()
    {
        var ex = await Assert.ThrowsAsync<VerificationException>(() => new AnalyzerTest<Alpha>(Marker) { Markup = "{|XYZ001:Some|} text." }.RunAsync());
        Assert.Contains("'XYZ001' is not a rule of 'alpha' (TST001), a layer it produces (words) or a layer it reads (none)", ex.Message);
    }
}
