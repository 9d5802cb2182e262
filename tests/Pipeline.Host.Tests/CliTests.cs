using System.Text.Json;
using Pipeline.Tests;

namespace Pipeline.Host.Tests;

public sealed class CliTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Run_on_the_seeds_writes_one_ok_record_for_the_seed_article()
    {
        var output = _temp.Combine("out");
        var (code, stdout, _) = ConfigTests.Cli("run", TestPaths.Seeds, "--out", output);

        Assert.Equal(0, code);
        var record = JsonDocument.Parse(Assert.Single(File.ReadAllLines(Path.Combine(output, "annotations.jsonl")))).RootElement;
        Assert.Equal("ok", record.Str("status"));
        Assert.EndsWith("dialog-of-dictators.txt", record.Str("path"));
        Assert.StartsWith("Dialog of dictators", record.Str("text"));
        Assert.True(File.Exists(Path.Combine(output, "findings.sarif")));
        Assert.True(File.Exists(Path.Combine(output, "run.json")));
        Assert.True(File.Exists(Path.Combine(output, "timings.json")));
        Assert.Contains("pipeline: 1 document (1 ok, 0 partial, 0 failed, 0 skipped, 0 rejected)", stdout);
    }

    [Fact]
    public void A_run_with_no_analyzer_to_run_says_so_and_still_writes_its_records()
    {
        // The tests run where no plugins folder is: the one given holds none either.
        var empty = _temp.Combine("empty-plugins");
        Directory.CreateDirectory(empty);
        var output = _temp.Combine("out");
        var (code, _, stderr) = ConfigTests.Cli("run", TestPaths.Seeds, "--out", output, "--plugins", empty);

        Assert.Equal(0, code);
        Assert.Contains($"pipeline: warning: no analyzers in {empty}", stderr);
        Assert.Single(File.ReadAllLines(Path.Combine(output, "annotations.jsonl")));
    }

    [Fact]
    public void The_built_in_analyzers_load_from_the_repository_plugins_folder_through_the_plugin_path()
    {
        var plugins = Path.Combine(TestPaths.RepoRoot, "plugins");
        var (code, stdout, _) = ConfigTests.Cli("plugins", "--plugins", plugins);

        Assert.True(code is 0 or 1, stdout);
        foreach (var name in new[] { "Entities", "Quotes", "Hedging", "Stance" })
            Assert.Contains($"Pipeline.Analyzers.{name} ", stdout);
    }

    [Fact]
    public void Report_analyzers_prints_a_time_table()
    {
        var (code, stdout, _) = ConfigTests.Cli("run", TestPaths.Seeds, "--out", _temp.Combine("out"), "--report-analyzers", "--jobs", "1");

        Assert.Equal(0, code);
        Assert.Contains("Analyzer execution time:", stdout);
        Assert.Contains("segmentation (host)", stdout);
        Assert.Contains("Per doc (ms)", stdout);
    }

    [Fact]
    public void Rules_lists_the_host_rules_with_default_and_effective_severity()
    {
        var config = _temp.Write("pipeline.json", """{ "rules": { "PL0003": "error" } }""");
        var (code, stdout, _) = ConfigTests.Cli("rules", "--config", config);

        Assert.Equal(0, code);
        var line = stdout.Split('\n').Single(l => l.StartsWith("PL0003"));
        Assert.Matches(@"^PL0003\s+pipeline\s+Pipeline\s+warning\s+error\s+Analyzer skipped", line);
        Assert.Contains(stdout.Split('\n'), l => l.StartsWith("PL1001"));
    }

    [Fact]
    public void Usage_errors_exit_with_2()
    {
        Assert.Equal(2, ConfigTests.Cli("run", "seeds").Code);
        Assert.Equal(2, ConfigTests.Cli("run", "seeds", "--out", _temp.Combine("o"), "--jobs", "0").Code);
        Assert.Equal(2, ConfigTests.Cli("run", "seeds", "--out", _temp.Combine("o"), "--plugins", _temp.Combine("none")).Code);
        Assert.Equal(2, ConfigTests.Cli("frobnicate").Code);
    }

    [Fact]
    public void A_missing_claims_file_is_a_usage_error()
    {
        var (code, _, stderr) = ConfigTests.Cli("run", TestPaths.Seeds, "--out", _temp.Combine("o"), "--claims", _temp.Combine("claims.txt"));
        Assert.Equal(2, code);
        Assert.Contains("claims.txt: file not found", stderr);
    }

    [Fact]
    public void Files_inside_the_output_folder_are_not_inputs()
    {
        _temp.Write("articles/a.txt", "An article about Minsk.");
        var output = _temp.Combine("articles", "out");
        Assert.Equal(0, ConfigTests.Cli("run", _temp.Combine("articles"), "--out", output).Code);
        var (code, stdout, _) = ConfigTests.Cli("run", _temp.Combine("articles"), "--out", output);

        Assert.Equal(0, code);
        Assert.Single(File.ReadAllLines(Path.Combine(output, "annotations.jsonl")));
        Assert.Contains("pipeline: 1 document (1 ok", stdout);
    }
}
