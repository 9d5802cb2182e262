using Pipeline.Learning.Tests.Training;
using Pipeline.Learning.Training;
using Pipeline.Tests;

namespace Pipeline.Learning.Tests.Cli;

/// <summary>Builds tests/Fixtures/TopicPlugin, a third-party plugin with a trainer.</summary>
public sealed class TopicPluginBuild() : PluginBuild("TopicPlugin");

/// <summary>`pipeline train` and `pipeline eval` on a plugin dropped into a plugins folder.</summary>
public sealed class TrainEvalCliTests : IClassFixture<TopicPluginBuild>, IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _plugins;

    public TrainEvalCliTests(TopicPluginBuild plugin) => _plugins = plugin.DropInto(_files.PathOf("plugins"));

    public void Dispose() => _files.Dispose();

    private CliRun Train(string output, int seed, params string[] train) => CliRun.Of(
        ["train", "sample.topic", .. train.SelectMany(t => new[] { "--train", t }), "--out", output, "--seed", seed.ToString(),
         "--plugins", _plugins, "--cache", _files.PathOf("cache")]);

    private CliRun Eval(string gold, string model) =>
        CliRun.Of("eval", "sample.topic", "--gold", gold, "--model", model, "--plugins", _plugins);

    [Fact]
    public void Train_writes_the_model_and_its_manifest_and_prints_the_dev_metrics_last()
    {
        string first = _files.PathOf("train-1.jsonl"), second = _files.PathOf("train-2.jsonl");
        TopicClassifier.WriteGold(first, 30, seed: 1);
        TopicClassifier.WriteGold(second, 10, seed: 2);
        string model = _files.PathOf("models/topic");
        var run = Train(model, 5, first, second);

        Assert.True(run.Code == 0, run.Stderr);
        Assert.Matches(@"^RESULT f1=\d\.\d{4} precision=\d\.\d{4} recall=\d\.\d{4} macro_f1=\d\.\d{4} accuracy=\d\.\d{4}$", run.StdoutLines[^1]);
        Assert.Contains($"pipeline: {first}: 30 documents (annotations)", run.Stderr);
        Assert.Contains("pipeline: training sample.topic (sentence-topic) on 36 documents, seed 5", run.Stderr);
        var manifest = ModelManifest.Read(model);
        Assert.Equal(("sample.topic", "sentence-topic"), (manifest.Analyzer, manifest.Task));
        Assert.Equal<string>(["economy", "sport", "weather"], manifest.Labels);
        Assert.Equal(second, Assert.Single(manifest.AdditionalTrain!).Path);
        Assert.Equal((36, 4), (manifest.TrainDocuments, manifest.DevDocuments));
        Assert.True(manifest.Metrics["accuracy"] > 0.9, run.Stdout);
        Assert.StartsWith("pipeline train sample.topic --train " + first, manifest.CommandLine);
        Assert.Equal(["model.bin"], manifest.Files.Keys);
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_model_files()
    {
        string train = _files.PathOf("train.jsonl");
        TopicClassifier.WriteGold(train, 30, seed: 3);
        Assert.Equal(0, Train(_files.PathOf("a"), 9, train).Code);
        Assert.Equal(0, Train(_files.PathOf("b"), 9, train).Code);

        Assert.Equal(File.ReadAllBytes(_files.PathOf("a/model.bin")), File.ReadAllBytes(_files.PathOf("b/model.bin")));
        Assert.Equal(ModelManifest.Read(_files.PathOf("a")).Files, ModelManifest.Read(_files.PathOf("b")).Files);
    }

    [Fact]
    public void Eval_prints_the_table_and_ends_with_the_RESULT_line_and_bad_models_or_labels_are_one_line_errors()
    {
        string train = _files.PathOf("train.jsonl");
        TopicClassifier.WriteGold(train, 30, seed: 4);
        string model = _files.PathOf("models/topic");
        Assert.Equal(0, Train(model, 1, train).Code);

        string gold = _files.PathOf("gold.jsonl");
        TopicClassifier.WriteGold(gold, 12, seed: 5, topics: ["sport", "weather"]);
        var eval = Eval(gold, model);
        Assert.True(eval.Code == 0, eval.Stderr);
        Assert.Equal("sentence-topic: 12 documents", eval.StdoutLines[0]);
        Assert.Matches(@"^RESULT f1=\d\.\d{4} .* accuracy=(0\.9\d{3}|1\.0000)$", eval.StdoutLines[^1]);
        Assert.Empty(eval.Errors);

        string finance = _files.Write("finance.jsonl",
            "{\"text\": \"Stocks fell.\", \"layers\": {\"sentence-topic\": [{\"id\": \"t1\", \"start\": 0, \"end\": 12, \"label\": \"finance\"}]}}\n");
        var mismatch = Eval(finance, model);
        Assert.Equal(1, mismatch.Code);
        Assert.Equal([$"pipeline: error: {Path.Combine(model, "manifest.json")}: the gold data has labels the model was not trained on: finance (model labels: economy, sport, weather)"],
            mismatch.Errors);
        Assert.Empty(mismatch.Stdout);

        var missing = Eval(gold, _files.PathOf("models/none"));
        Assert.Equal(1, missing.Code);
        Assert.Equal([$"pipeline: error: model '{_files.PathOf("models/none")}' not found (searched: {_files.PathOf("models/none")})"], missing.Errors);

        Directory.CreateDirectory(_files.PathOf("models/empty"));
        var empty = Eval(gold, _files.PathOf("models/empty"));
        Assert.Equal(2, empty.Code);
        Assert.Contains($"could not start: InvalidModelException: {_files.PathOf("models/empty/model.bin")}: ", Assert.Single(empty.Errors));
    }

    [Fact]
    public void Unknown_analyzers_gold_files_and_options_are_one_line_errors()
    {
        var unknown = CliRun.Of("eval", "sample.nothing", "--gold", "x.jsonl", "--plugins", _plugins);
        Assert.Equal(2, unknown.Code);
        Assert.Equal(["pipeline: error: no installed analyzer has the id 'sample.nothing' (installed: sample.topic; see `pipeline plugins`)"], unknown.Errors);

        var gold = CliRun.Of("train", "sample.topic", "--train", _files.PathOf("none.jsonl"), "--out", _files.PathOf("m"), "--plugins", _plugins);
        Assert.Equal(1, gold.Code);
        Assert.Equal([$"pipeline: error: {_files.PathOf("none.jsonl")}: gold file not found"], gold.Errors);

        var option = CliRun.Of("eval", "sample.topic", "--gold", "x.jsonl", "--option", "model", "--plugins", _plugins);
        Assert.Equal(2, option.Code);
        Assert.Equal(["pipeline: error: --option model: expected KEY=VALUE"], option.Errors);
    }
}
