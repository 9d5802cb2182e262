using System.Text.Json;
using Pipeline.Learning.Training;
using Pipeline.Sdk.Testing;
using Pipeline.Tests;
using ToneClassifier;

namespace Pipeline.Learning.Tests.Cli;

/// <summary>Builds tests/Fixtures/ToneClassifier, the plugin of the docs/PLUGINS.md custom-model walkthrough.</summary>
public sealed class ToneClassifierBuild() : PluginBuild("ToneClassifier");

/// <summary>
/// docs/PLUGINS.md, "A custom model": train a sentence classifier from labelled sentences, score
/// it, load it in a plugin through pipeline.json, and verify the analyzer with a trained model.
/// Each step is the walkthrough's.
/// </summary>
public sealed class CustomModelWalkthroughTests(ToneClassifierBuild plugin) : IClassFixture<ToneClassifierBuild>, IDisposable
{
    private static readonly string Data = Path.Combine(TestPaths.RepoRoot, "tests", "Fixtures", "ToneClassifier", "data");
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Train_evaluate_run_and_verify_a_custom_sentence_classifier()
    {
        string plugins = plugin.DropInto(_files.PathOf("plugins"));
        string model = _files.PathOf("models/tone");

        // pipeline train tone --train tone-train.jsonl --out models/tone
        var train = CliRun.Of("train", "tone", "--train", Path.Combine(Data, "tone-train.jsonl"), "--out", model,
            "--plugins", plugins, "--cache", _files.PathOf(".cache/encoder"));
        Assert.True(train.Code == 0, train.Stderr);
        Assert.StartsWith("RESULT f1=", train.StdoutLines[^1]);
        var manifest = ModelManifest.Read(model);
        Assert.Equal<string>(["complaint", "praise"], manifest.Labels);
        Assert.Equal(["tone.zip"], manifest.Files.Keys);

        // pipeline eval tone --gold tone-test.jsonl --model models/tone
        var eval = CliRun.Of("eval", "tone", "--gold", Path.Combine(Data, "tone-test.jsonl"), "--model", model, "--plugins", plugins);
        Assert.True(eval.Code == 0, eval.Stderr);
        var result = eval.StdoutLines[^1];
        Assert.StartsWith("RESULT f1=", result);
        Assert.True(double.Parse(result[(result.IndexOf("accuracy=") + 9)..], System.Globalization.CultureInfo.InvariantCulture) >= 5 / 6.0, eval.Stdout);

        // pipeline.json names the model; pipeline run articles --out out
        string config = _files.Write("pipeline.json", JsonSerializer.Serialize(new { analyzers = new { tone = new { options = new { model } } } }));
        _files.Write("articles/review.txt", "The staff were wonderful and kind. The room was dirty and the food was cold.");
        var run = CliRun.Of("run", _files.PathOf("articles"), "--out", _files.PathOf("out"), "--config", config, "--plugins", plugins);
        Assert.True(run.Code == 0, run.Stdout + run.Stderr);
        var record = JsonDocument.Parse(File.ReadAllText(_files.PathOf("out/annotations.jsonl"))).RootElement;
        var labels = record.GetProperty("layers").GetProperty("tone").EnumerateArray().Select(t => t.GetProperty("label").GetString()).ToList();
        Assert.Equal(["praise", "complaint"], labels);

        // The analyzer's own test: markup checked against the trained model.
        await new AnalyzerTest<ToneAnalyzer>
        {
            Markup = "{|tone.praise:The staff were wonderful and kind.|} {|tone.complaint:The room was dirty and the food was cold.|}",
            Options = new Dictionary<string, object?> { ["model"] = model },
        }.RunAsync();
    }
}
