using System.Diagnostics;
using Pipeline.Host.Services;
using Pipeline.Sdk;

namespace Pipeline.Host.Tests;

public sealed class ExecutionTests : IDisposable
{
    private const string Text = "Vladimir Putin met Alyaksandr Lukashenka in Moscow.\n\nPutin said little.";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Doc(string name = "a.txt", string text = Text) => _temp.Write("in/" + name, text);
    private string Out => _temp.Combine("out");

    private static Alpha Marker() => new() { Writes = [TestLayers.Words], OnDocument = Scripts.MarkCapitalised(TestLayers.Words) };
    private static Beta Namer() => new() { Reads = [TestLayers.Words], Writes = [TestLayers.Names], OnDocument = Scripts.Filter(TestLayers.Words, TestLayers.Names, "P") };

    [Fact]
    public async Task Analyzers_run_in_dependency_order_and_their_layers_are_committed()
    {
        var run = await HostRun.RunAsync([Namer(), Marker()], [Doc()], Out);

        var record = Assert.Single(run.Records);
        Assert.Equal("ok", record.Str("status"));
        var words = record.Layer("words");
        Assert.Equal(["Vladimir", "Putin", "Alyaksandr", "Lukashenka", "Moscow", "Putin"], words.Select(w => w.Str("text")));
        Assert.Equal(["w1", "w2", "w3", "w4", "w5", "w6"], words.Select(w => w.Str("id")));
        Assert.Equal("alpha", words[0].GetProperty("provenance").Str("analyzer"));
        Assert.Equal("rule:capital", words[0].GetProperty("provenance").Str("method"));
        var names = record.Layer("names");
        Assert.Equal(["Putin", "Putin"], names.Select(n => n.Str("text")));
        // Provenance is filled in for annotations written without one.
        Assert.Equal("beta", names[0].GetProperty("provenance").Str("analyzer"));
        Assert.Equal(0, run.Result.ExitCode);
    }

    [Fact]
    public async Task Ids_are_numbered_per_document_and_layer()
    {
        var run = await HostRun.RunAsync([Marker()], [Doc("a.txt"), Doc("b.txt", "Only Two Words")], Out, jobs: 1);

        Assert.Equal(["w1", "w2", "w3"], run.Records[1].Layer("words").Select(w => w.Str("id")));
        Assert.Equal("w1", run.Records[0].Layer("words")[0].Str("id"));
    }

    [Fact]
    public async Task PL0001_a_throwing_analyzer_loses_its_writes_and_its_dependants_are_skipped_with_PL0003()
    {
        var thrower = new Alpha
        {
            Writes = [TestLayers.Words],
            OnDocument = ctx =>
            {
                ctx.Add(TestLayers.Words, new LabeledSpan { Id = ctx.NewId(TestLayers.Words), Span = new TextSpan(0, 8), Label = "x" });
                throw new InvalidOperationException("model exploded");
            },
        };
        var independent = new Gamma { Writes = [TestLayers.Tags], OnDocument = ctx => ctx.Add(TestLayers.Tags, new LabeledSpan { Id = "t1", Span = new TextSpan(0, 1), Label = "t" }) };
        var path = Doc();
        var run = await HostRun.RunAsync([thrower, Namer(), independent], [path], Out);

        var record = Assert.Single(run.Records);
        Assert.Equal("partial", record.Str("status"));
        Assert.False(record.HasLayer("words"));
        Assert.False(record.HasLayer("names"));
        Assert.Single(record.Layer("tags"));
        var failures = record.Failures();
        Assert.Equal(["PL0001", "PL0003"], failures.Select(f => f.Str("ruleId")));
        Assert.Equal("alpha", failures[0].Str("analyzer"));
        Assert.Equal("0.1.0", failures[0].Str("pluginVersion"));
        Assert.Equal("System.InvalidOperationException: model exploded", failures[0].Str("exception"));
        Assert.Contains(nameof(PL0001_a_throwing_analyzer_loses_its_writes_and_its_dependants_are_skipped_with_PL0003), failures[0].Str("stackTrace"));
        Assert.Contains("needs layer 'words' from 'alpha', which threw on this document", failures[1].Str("message"));
        Assert.Contains($"{path}: error PL0001: analyzer 'alpha' ", run.Stdout);
        Assert.Contains($"{path}: warning PL0003: analyzer 'beta' skipped", run.Stdout);
        Assert.Equal(1, run.Result.ExitCode);
    }

    [Fact]
    public async Task PL0001_reading_an_undeclared_layer_throws_inside_the_analyzer()
    {
        var reader = new Beta { Writes = [TestLayers.Names], OnDocument = ctx => ctx.Document.GetLayer(TestLayers.Words) };
        var viaContext = new Gamma { Reads = [Layers.Sentences], Writes = [TestLayers.Tags], OnDocument = ctx => ctx.GetLayer(TestLayers.Words) };
        var run = await HostRun.RunAsync([Marker(), reader, viaContext], [Doc()], Out);

        var failures = Assert.Single(run.Records).Failures();
        Assert.Equal(["beta", "gamma"], failures.Select(f => f.Str("analyzer")));
        Assert.All(failures, f => Assert.StartsWith("Pipeline.Sdk.LayerNotAvailableException: layer 'words'", f.Str("exception")));
    }

    [Fact]
    public async Task PL0001_writing_an_unproduced_layer_a_span_outside_the_text_or_an_undeclared_rule_throws()
    {
        var wrongLayer = new Alpha { Writes = [TestLayers.Words], OnDocument = ctx => ctx.Add(TestLayers.Tags, new LabeledSpan { Id = "t1", Span = new TextSpan(0, 1), Label = "t" }) };
        var outOfRange = new Beta { Writes = [TestLayers.Names], OnDocument = ctx => ctx.Add(TestLayers.Names, new LabeledSpan { Id = "n1", Span = new TextSpan(60, 100), Label = "n" }) };
        var wrongRule = new Gamma { OnDocument = Scripts.ReportWord("Putin") };
        var run = await HostRun.RunAsync([wrongLayer, outOfRange, wrongRule], [Doc()], Out);

        var record = Assert.Single(run.Records);
        Assert.Equal("failed", record.Str("status"));
        var messages = record.Failures().Select(f => f.Str("exception")).ToList();
        Assert.Contains("wrote layer 'tags', which is not in its Produces", messages[0]);
        Assert.Contains("outside the text", messages[1]);
        Assert.Contains("reported rule 'TST001', which is not in its Rules", messages[2]);
        Assert.Empty(record.Findings());
    }

    [Fact]
    public async Task PL0002_an_analyzer_past_its_timeout_is_abandoned_its_token_cancelled_and_the_run_moves_on()
    {
        var cancelled = new TaskCompletionSource<bool>();
        var slow = new Alpha
        {
            Writes = [TestLayers.Words],
            OnDocument = ctx =>
            {
                cancelled.TrySetResult(ctx.CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(10)));
                Thread.Sleep(300);
                ctx.Add(TestLayers.Words, new LabeledSpan { Id = "w1", Span = new TextSpan(0, 1), Label = "late" });
            },
        };
        var clock = Stopwatch.StartNew();
        var run = await HostRun.RunAsync([slow, Namer(), new Gamma { Writes = [TestLayers.Tags] }], [Doc()], Out, timeoutSeconds: 0.3);
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var record = Assert.Single(run.Records);
        Assert.Equal("partial", record.Str("status"));
        Assert.Equal(["PL0002", "PL0003"], record.Failures().Select(f => f.Str("ruleId")));
        Assert.Contains("did not finish within 0.3 s", record.Failures()[0].Str("message"));
        Assert.False(record.HasLayer("words"));
        Assert.True(record.HasLayer("tags"));
        Assert.True(await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10)), "the analyzer's token was not cancelled");
    }

    [Fact]
    public async Task An_abandoned_call_can_still_wait_on_its_token_after_the_run_has_moved_on()
    {
        // A call that reaches its token late (on a busy machine it may not even start before the
        // timeout) finds it cancelled, not disposed.
        var waited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var late = new Alpha
        {
            Writes = [TestLayers.Words],
            OnDocument = ctx =>
            {
                Thread.Sleep(1000);
                try { waited.TrySetResult(ctx.CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(10))); }
                catch (Exception e) { waited.TrySetException(e); }
            },
        };
        var run = await HostRun.RunAsync([late, new Gamma { Writes = [TestLayers.Tags] }], [Doc()], Out, timeoutSeconds: 0.3);

        Assert.Equal(["PL0002"], Assert.Single(run.Records).Failures().Select(f => f.Str("ruleId")));
        Assert.True(await waited.Task.WaitAsync(TimeSpan.FromSeconds(20)), "the token was not cancelled");
    }

    [Fact]
    public async Task A_call_still_running_after_its_timeout_keeps_the_run_services_alive()
    {
        using var release = new ManualResetEventSlim();
        var probe = new DisposalProbe();
        var services = new ServiceRegistry().AddLazy(() => probe);
        var slow = new Alpha
        {
            Writes = [TestLayers.Words],
            OnRunStart = run => run.GetService<DisposalProbe>(),
            OnDocument = _ => release.Wait(TimeSpan.FromSeconds(30)),
        };
        await HostRun.RunAsync([slow], [Doc()], Out, timeoutSeconds: 0.3, services: services);

        services.Dispose(); // as the command does when the run returns, the call still running
        Assert.False(probe.Disposed, "a service was disposed while an abandoned call could still use it");
        release.Set();
    }

    [Fact]
    public async Task The_run_services_are_disposed_with_the_registry_when_every_call_returned()
    {
        var probe = new DisposalProbe();
        var services = new ServiceRegistry().AddLazy(() => probe);
        var analyzer = new Alpha { Writes = [TestLayers.Words], OnRunStart = run => run.GetService<DisposalProbe>() };
        await HostRun.RunAsync([analyzer], [Doc()], Out, timeoutSeconds: 5, services: services);

        services.Dispose();
        Assert.True(probe.Disposed);
    }

    private sealed class DisposalProbe : IDisposable
    {
        public bool Disposed { get; private set; }
        public void Dispose() => Disposed = true;
    }

    [Fact]
    public async Task PL0004_an_analyzer_that_cannot_start_is_left_out_with_its_dependants_and_the_others_run()
    {
        var needsModel = new Alpha { Writes = [TestLayers.Words], OnRunStart = run => run.Models.Resolve("hedge-cues-v9"), OnDocument = Scripts.MarkCapitalised(TestLayers.Words) };
        var independent = new Gamma { Writes = [TestLayers.Tags], OnDocument = ctx => ctx.Add(TestLayers.Tags, new LabeledSpan { Id = "t1", Span = new TextSpan(0, 1), Label = "t" }) };
        var models = new ModelCatalog([_temp.Combine("models")]);
        var run = await HostRun.RunAsync([needsModel, Namer(), independent], [Doc(), Doc("b.txt")], Out, models: models);

        var start = run.StdoutLines.Single(l => l.Contains("PL0004"));
        Assert.Contains("error PL0004: analyzer 'alpha'", start);
        Assert.Contains("could not start: model 'hedge-cues-v9' not found", start);
        Assert.Contains(_temp.Combine("models", "hedge-cues-v9"), start);
        Assert.Single(run.StdoutLines, l => l.Contains("warning PL0003: analyzer 'beta' skipped: needs layer 'words' from 'alpha', which could not start"));
        Assert.All(run.Records, r =>
        {
            Assert.Equal("partial", r.Str("status"));
            Assert.True(r.HasLayer("tags"));
            Assert.Equal(["PL0004", "PL0003"], r.Failures().Select(f => f.Str("ruleId")));
        });
        Assert.Equal(1, run.Result.ExitCode);
    }

    [Fact]
    public async Task Analyzers_without_concurrent_execution_are_never_called_twice_at_once()
    {
        int active = 0, maxActive = 0, calls = 0;
        var serial = new Alpha
        {
            Concurrent = false,
            OnDocument = _ =>
            {
                int now = Interlocked.Increment(ref active);
                InterlockedMax(ref maxActive, now);
                Thread.Sleep(15);
                Interlocked.Decrement(ref active);
                Interlocked.Increment(ref calls);
            },
        };
        var inputs = Enumerable.Range(0, 12).Select(i => Doc($"d{i}.txt", $"Document {i}.")).ToList();
        await HostRun.RunAsync([serial], inputs, Out, jobs: 4);

        Assert.Equal(12, calls);
        Assert.Equal(1, maxActive);
    }

    [Fact]
    public async Task An_override_disables_an_analyzer_for_matching_files_and_merges_options()
    {
        var config = """
        {
          "analyzers": { "gamma": { "options": { "mode": "top", "keep": "yes" } } },
          "overrides": [ { "files": "in/wires/**/*.txt", "analyzers": { "alpha": { "enabled": false }, "gamma": { "options": { "mode": "wire" } } } } ]
        }
        """;
        var optionsEcho = new Gamma
        {
            Writes = [TestLayers.Tags],
            OnDocument = ctx => ctx.Add(TestLayers.Tags, new LabeledSpan
            {
                Id = ctx.NewId(TestLayers.Tags), Span = new TextSpan(0, 1), Label = ctx.Options.GetString("mode", "?") + "/" + ctx.Options.GetString("keep", "?"),
            }),
        };
        var run = await HostRun.RunAsync([Marker(), Namer(), optionsEcho], [Doc("home.txt"), Doc("wires/x/w.txt")], Out, configJson: config, configDirectory: _temp.Path);

        var (home, wire) = (run.Records[0], run.Records[1]);
        Assert.Equal("ok", home.Str("status"));
        Assert.Equal("top/yes", home.Layer("tags")[0].Str("label"));
        Assert.Equal("wire/yes", wire.Layer("tags")[0].Str("label"));
        Assert.False(wire.HasLayer("words"));
        var skipped = Assert.Single(wire.Failures());
        Assert.Contains("which is disabled for this file by $.overrides[0].analyzers.alpha", skipped.Str("message"));
    }

    [Fact]
    public async Task Findings_carry_the_effective_severity_and_line_and_column()
    {
        var reporter = new Alpha { Reports = [TestRules.Capitalised], OnDocument = Scripts.ReportWord("Putin") };
        var path = Doc();
        var run = await HostRun.RunAsync([reporter], [path], Out, configJson: """{ "rules": { "TST001": "error" } }""");

        var findings = Assert.Single(run.Records).Findings();
        Assert.Equal(2, findings.Length);
        Assert.Equal("error", findings[1].Str("severity"));
        Assert.Equal(3, findings[1].GetProperty("line").GetInt32());
        Assert.Equal(1, findings[1].GetProperty("column").GetInt32());
        Assert.Contains($"{path}(1,10): error TST001: 'Putin' is capitalised", run.StdoutLines);
        Assert.Contains($"{path}(3,1): error TST001: 'Putin' is capitalised", run.StdoutLines);
        Assert.Equal(1, run.Result.ExitCode);

        var silenced = await HostRun.RunAsync([reporter], [path], _temp.Combine("out2"), configJson: """{ "categories": { "Testing": "none" } }""");
        Assert.Empty(Assert.Single(silenced.Records).Findings());
        Assert.Equal(0, silenced.Result.ExitCode);
    }

    [Fact]
    public async Task Run_end_findings_are_reported_once()
    {
        int documents = 0;
        var counter = new Alpha
        {
            Reports = [TestRules.RunTotal],
            OnDocument = _ => Interlocked.Increment(ref documents),
            OnRunEnd = end => end.Report(Finding.Create(TestRules.RunTotal, default, documents)),
        };
        var run = await HostRun.RunAsync([counter], [Doc("a.txt"), Doc("b.txt")], Out);

        Assert.Contains("pipeline: suggestion TST002: 2 documents seen", run.StdoutLines);
        Assert.Equal(1, run.Result.Suggestions);
    }

    [Fact]
    public async Task A_lazily_registered_service_is_created_once_and_shared_by_every_analyzer()
    {
        int created = 0;
        var services = new ServiceRegistry().AddLazy<ITextEncoder>(() => { Interlocked.Increment(ref created); return new FakeEncoder(); });
        ITextEncoder? first = null, second = null;
        var a = new Alpha { OnRunStart = run => first = run.GetService<ITextEncoder>() };
        var b = new Beta { OnRunStart = run => second = run.GetService<ITextEncoder>() };
        var none = new Gamma { OnRunStart = run => Assert.Null(run.GetService<IDisposable>()) };

        Assert.False(services.IsCreated<ITextEncoder>());
        await HostRun.RunAsync([a, b, none], [Doc()], Out, services: services);

        Assert.Equal(1, created);
        Assert.NotNull(first);
        Assert.Same(first, second);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }

    private sealed class FakeEncoder : ITextEncoder
    {
        public string ModelId => "fake";
        public int Dimension => 1;
        public float[] EncodeSentence(string text) => [text.Length];
        public float[][] EncodeSentences(IReadOnlyList<string> texts) => texts.Select(EncodeSentence).ToArray();
        public float[][] EncodeWords(string text, IReadOnlyList<TextSpan> words) => words.Select(w => new float[] { w.Length }).ToArray();
    }
}
