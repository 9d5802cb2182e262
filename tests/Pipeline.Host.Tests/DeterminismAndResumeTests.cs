using Pipeline.Sdk;
using Pipeline.Tests;

namespace Pipeline.Host.Tests;

public sealed class DeterminismAndResumeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Copies of the seed article with small edits, plus an empty file and a missing path.</summary>
    private List<string> Corpus(int count)
    {
        var seed = File.ReadAllText(Path.Combine(TestPaths.Seeds, "dialog-of-dictators.txt"));
        var inputs = Enumerable.Range(0, count)
            .Select(i => _temp.Write($"corpus/{i:D3}.txt", seed.Replace("Putin", i % 3 == 0 ? "Putin" : $"Putin{i}")))
            .ToList();
        inputs.Add(_temp.Write("corpus/zz-empty.txt", ""));
        inputs.Add(_temp.Combine("corpus/zz-missing.txt"));
        return inputs;
    }

    private static TextAnalyzer[] Analyzers(Action? onDocument = null) =>
    [
        new Alpha
        {
            Writes = [TestLayers.Words],
            OnDocument = ctx => { onDocument?.Invoke(); Scripts.MarkCapitalised(TestLayers.Words)(ctx); },
        },
        new Beta { Reads = [TestLayers.Words], Writes = [TestLayers.Names], OnDocument = Scripts.Filter(TestLayers.Words, TestLayers.Names, "P") },
        new Gamma { Reports = [TestRules.Capitalised], OnDocument = Scripts.ReportWord("Kremlin") },
        new Delta
        {
            Reads = [TestLayers.Names], Writes = [TestLayers.Tags],
            // Fails on some documents, so failure records are part of what must be deterministic.
            OnDocument = ctx => { if (ctx.GetLayer(TestLayers.Names).Length > 8) throw new InvalidOperationException("too many names"); },
        },
    ];

    [Fact]
    public async Task annotations_jsonl_is_byte_identical_whatever_the_jobs_and_across_runs()
    {
        var inputs = Corpus(24);
        var one = await HostRun.RunAsync(Analyzers(), inputs, _temp.Combine("out1"), jobs: 1);
        var three = await HostRun.RunAsync(Analyzers(), inputs, _temp.Combine("out3"), jobs: 3);
        var again = await HostRun.RunAsync(Analyzers(), inputs, _temp.Combine("again"), jobs: 3);

        Assert.Equal(26, one.Records.Count);
        Assert.Equal(inputs, one.Records.Select(r => r.Str("path")));
        Assert.Contains(one.Records, r => r.Str("status") == "partial");
        Assert.Equal(one.AnnotationBytes, three.AnnotationBytes);
        Assert.Equal(one.AnnotationBytes, again.AnnotationBytes);
        Assert.Equal(one.StdoutLines.SkipLast(1), three.StdoutLines.SkipLast(1));
    }

    [Fact]
    public async Task resume_drops_a_partial_last_line_and_analyses_only_what_is_missing()
    {
        var inputs = Corpus(10);
        var full = await HostRun.RunAsync(Analyzers(), inputs, _temp.Combine("full"), jobs: 2);

        // An interrupted run: four whole records, then half of the fifth.
        var output = _temp.Combine("interrupted");
        var partialRun = await HostRun.RunAsync(Analyzers(), inputs, output, jobs: 2);
        var lines = File.ReadAllLines(partialRun.AnnotationsPath);
        File.WriteAllText(partialRun.AnnotationsPath, string.Join("\n", lines.Take(4)) + "\n" + lines[4][..(lines[4].Length / 2)]);

        int analysed = 0;
        var resumed = await HostRun.RunAsync(Analyzers(() => Interlocked.Increment(ref analysed)), inputs, output, jobs: 2, resume: true);

        Assert.Equal(full.AnnotationBytes, resumed.AnnotationBytes);
        Assert.Equal(6, analysed);
        Assert.Equal(4, resumed.Result.Reused);
        Assert.Equal(12, resumed.Result.Documents);
        Assert.Contains("dropped a partial last line", resumed.Stderr);
        Assert.Contains("4 kept from the previous run", resumed.Stdout);
        // Findings of kept records are in the SARIF log again.
        Assert.Equal(File.ReadAllText(Path.Combine(full.Output, "findings.sarif")).Split("\"ruleId\"").Length,
            File.ReadAllText(Path.Combine(resumed.Output, "findings.sarif")).Split("\"ruleId\"").Length);
    }

    [Fact]
    public async Task resume_after_a_complete_run_analyses_nothing()
    {
        var inputs = Corpus(5);
        var output = _temp.Combine("out");
        var first = await HostRun.RunAsync(Analyzers(), inputs, output);
        var before = first.AnnotationBytes;

        int analysed = 0;
        var again = await HostRun.RunAsync(Analyzers(() => Interlocked.Increment(ref analysed)), inputs, output, resume: true);

        Assert.Equal(0, analysed);
        Assert.Equal(before, again.AnnotationBytes);
        Assert.Equal(first.Result.ExitCode, again.Result.ExitCode);
    }

    [Fact]
    public async Task resume_with_another_pipeline_analyses_everything_again()
    {
        var inputs = Corpus(3);
        var output = _temp.Combine("out");
        await HostRun.RunAsync(Analyzers(), inputs, output);

        int analysed = 0;
        var changed = await HostRun.RunAsync(Analyzers(() => Interlocked.Increment(ref analysed)), inputs, output, resume: true,
            configJson: """{ "rules": { "TST001": "error" } }""");

        Assert.Equal(3, analysed);
        Assert.Contains("made with another pipeline", changed.Stderr);
        Assert.Contains("config", changed.Stderr);
        Assert.Equal(5, changed.Records.Count);
    }

    [Fact]
    public async Task resume_after_inputs_changed_keeps_one_record_per_input_in_input_order()
    {
        var inputs = Corpus(6);
        var output = _temp.Combine("out");
        await HostRun.RunAsync(Analyzers(), inputs, output);

        File.AppendAllText(inputs[2], "\n\nA late correction by the Kremlin.");
        File.Delete(inputs[4]);
        int analysed = 0;
        var resumed = await HostRun.RunAsync(Analyzers(() => Interlocked.Increment(ref analysed)), inputs, output, resume: true);
        var fresh = await HostRun.RunAsync(Analyzers(), inputs, _temp.Combine("fresh"));

        Assert.Equal(1, analysed);
        Assert.Equal(inputs, resumed.Records.Select(r => r.Str("path")));
        Assert.Equal("rejected", resumed.Records[4].Str("status"));
        Assert.Equal(fresh.AnnotationBytes, resumed.AnnotationBytes);
    }
}
