using System.Text.Json;
using Pipeline.Tests;

namespace Pipeline.Host.Tests;

/// <summary>Builds tests/Fixtures/SamplePlugin once for the tests of the class.</summary>
public sealed class SamplePluginBuild() : PluginBuild("SamplePlugin");

public sealed class SamplePluginTests(SamplePluginBuild plugin) : IClassFixture<SamplePluginBuild>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Plugins()
    {
        var folder = _temp.Combine("plugins");
        plugin.DropInto(folder);
        return folder;
    }

    [Fact]
    public void A_dropped_plugin_runs_with_its_own_version_of_a_library_the_host_also_has()
    {
        Assert.DoesNotContain(Directory.GetFiles(plugin.Output), f => Path.GetFileName(f) == "Pipeline.Sdk.dll");
        var output = _temp.Combine("out");
        var (code, stdout, stderr) = ConfigTests.Cli("run", TestPaths.Seeds, "--out", output, "--plugins", Plugins());

        Assert.Equal(0, code);
        var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "annotations.jsonl"))).RootElement;
        Assert.Equal("ok", record.Str("status"));
        var headline = Assert.Single(record.Layer("sample.headline"));
        Assert.StartsWith("Dialog of dictators", headline.Str("text"));
        Assert.Equal("sample.headline", headline.GetProperty("provenance").Str("analyzer"));
        Assert.Equal("2.3.4", headline.GetProperty("provenance").Str("version"));

        var findings = record.Findings();
        Assert.Equal(["SMP001", "SMP002"], findings.Select(f => f.Str("ruleId")));
        var message = findings[0].Str("message");
        Assert.StartsWith("Newtonsoft.Json 12.0.0.0 (12.0.3", message);
        Assert.EndsWith("wrote {\"sentences\":" + record.GetProperty("sentences").GetArrayLength() + "}", message);
        // The host itself runs with the Newtonsoft.Json that ML.NET brings.
        Assert.Equal(13, System.Reflection.Assembly.Load("Newtonsoft.Json").GetName().Version!.Major);
        Assert.Contains($"dialog-of-dictators.txt(1,1): warning SMP001: Newtonsoft.Json 12.0.0.0", stdout);
        Assert.Contains("suggestion SMP002: the headline has", stdout);
        Assert.DoesNotContain("PL1", stdout + stderr);
    }

    [Fact]
    public void The_plugin_is_listed_by_plugins_and_rules()
    {
        var plugins = Plugins();
        var (code, stdout, _) = ConfigTests.Cli("plugins", "--plugins", plugins);
        Assert.Equal(0, code);
        Assert.Contains("SamplePlugin 2.3.4", stdout);
        Assert.Contains("  sample.headline 2.3.4  Marks the first sentence", stdout);
        Assert.Contains("    requires: sentences", stdout);
        Assert.Contains("    produces: sample.headline", stdout);
        Assert.Contains("    rules:    SMP001", stdout);

        var rules = ConfigTests.Cli("rules", "--plugins", plugins).Stdout.Split('\n');
        Assert.Matches(@"^SMP001\s+sample\.headline\s+Sample\s+warning\s+warning\s+Library version", rules.Single(l => l.StartsWith("SMP001")));
        Assert.Matches(@"^SMP002\s+sample\.length\s+Sample\s+suggestion\s+suggestion\s+Headline length", rules.Single(l => l.StartsWith("SMP002")));
    }

    [Fact]
    public void Disabling_a_producer_stops_start_up_naming_the_layer_and_the_plugin_that_provides_it()
    {
        var config = _temp.Write("pipeline.json", """{ "analyzers": { "sample.headline": { "enabled": false } } }""");
        var (code, _, stderr) = ConfigTests.Cli("run", TestPaths.Seeds, "--out", _temp.Combine("out"), "--plugins", Plugins(), "--config", config);

        Assert.Equal(2, code);
        Assert.Contains("pipeline: error: analyzer 'sample.length' 2.3.4 (SamplePlugin) requires layer 'sample.headline', which no enabled analyzer produces", stderr);
        Assert.Contains("'sample.headline' 2.3.4 (SamplePlugin) from " + _temp.Combine("plugins", "SamplePlugin") + ", disabled in pipeline.json", stderr);
    }
}
