using Pipeline.Learning.Gold;
using Pipeline.Learning.Training;
using Pipeline.Sdk;

namespace Pipeline.Learning.Tests.Training;

public class TrainingRunnerTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly ListLog _log = new();
    public void Dispose() => _files.Dispose();

    private TrainingRequest Request(string train, string output, int seed = 7, int folds = 0) => new()
    {
        Analyzer = "topics",
        Trainer = new TopicClassifier.Trainer(),
        Produces = [TopicClassifier.Layer],
        Train = new GoldSource(train),
        OutputDirectory = output,
        Seed = seed,
        CrossValidationFolds = folds,
        CommandLine = $"pipeline train topics --train {train} --out {output}",
        Analyze = TopicClassifier.Analyze,
    };

    [Fact]
    public void Trains_evaluates_on_a_held_out_split_and_writes_the_manifest()
    {
        string train = _files.PathOf("train.jsonl");
        TopicClassifier.WriteGold(train, 40, seed: 1);
        var output = new StringWriter();
        var outcome = new TrainingRunner(_log, output).Run(Request(train, _files.PathOf("models/topics")));

        Assert.True(outcome.Report["f1"] > 0.9, outcome.Report.ResultLine);
        Assert.Contains("RESULT f1=", output.ToString());
        var manifest = ModelManifest.Read(_files.PathOf("models/topics"));
        Assert.Equal("topics", manifest.Analyzer);
        Assert.Equal("sentence-topic", manifest.Task);
        Assert.Equal<string>(["economy", "sport", "weather"], manifest.Labels);
        Assert.Equal<string>(["economy", "sport", "weather"], manifest.GoldLabels);
        Assert.Equal(40, manifest.Train.Documents);
        Assert.Equal(36, manifest.TrainDocuments);
        Assert.Equal(4, manifest.DevDocuments);
        Assert.Contains("10%", manifest.DevSplit);
        Assert.Equal(64, manifest.Train.Sha256.Length);
        Assert.Equal("5.0.1", manifest.MlNetVersion);
        Assert.Equal(outcome.Report["f1"], manifest.Metrics["f1"], 1e-6);
        Assert.StartsWith("pipeline train topics", manifest.CommandLine);
        Assert.True(manifest.TrainingSeconds >= 0);
        Assert.Equal("bag of words", manifest.Features["features"]);
        Assert.Equal(["model.bin"], manifest.Files.Keys);
        Assert.Contains(_log.Lines, l => l.Contains("40 documents (annotations)"));
    }

    [Fact]
    public void Several_train_files_are_concatenated_and_each_is_recorded()
    {
        string first = _files.PathOf("train-1.jsonl"), second = _files.PathOf("train-2.jsonl");
        TopicClassifier.WriteGold(first, 20, seed: 11);
        TopicClassifier.WriteGold(second, 10, seed: 12);
        var request = Request(first, _files.PathOf("models/topics")) with { AdditionalTrain = [new GoldSource(second)] };
        var manifest = new TrainingRunner(_log, TextWriter.Null).Run(request).Manifest;

        Assert.Equal(20, manifest.Train.Documents);
        Assert.Equal(second, Assert.Single(manifest.AdditionalTrain!).Path);
        Assert.Equal(10, manifest.AdditionalTrain![0].Documents);
        Assert.Equal((27, 3), (manifest.TrainDocuments, manifest.DevDocuments));
        Assert.Equal(10, ModelManifest.Read(_files.PathOf("models/topics")).AdditionalTrain![0].Documents);
    }

    [Fact]
    public void Several_dev_files_are_concatenated_and_nothing_is_held_out_of_train()
    {
        string train = _files.PathOf("train.jsonl"), dev1 = _files.PathOf("dev-1.jsonl"), dev2 = _files.PathOf("dev-2.jsonl");
        TopicClassifier.WriteGold(train, 20, seed: 13);
        TopicClassifier.WriteGold(dev1, 4, seed: 14);
        TopicClassifier.WriteGold(dev2, 6, seed: 15);
        var request = Request(train, _files.PathOf("models/topics")) with { Dev = new GoldSource(dev1), AdditionalDev = [new GoldSource(dev2)] };
        var manifest = new TrainingRunner(_log, TextWriter.Null).Run(request).Manifest;

        Assert.Equal((20, 10), (manifest.TrainDocuments, manifest.DevDocuments));
        Assert.Equal(dev1, manifest.Dev!.Path);
        Assert.Equal(dev2, Assert.Single(manifest.AdditionalDev!).Path);
        Assert.Null(manifest.DevSplit);
    }

    [Fact]
    public void The_same_seed_and_data_give_the_same_model_file()
    {
        string train = _files.PathOf("train.jsonl");
        TopicClassifier.WriteGold(train, 30, seed: 2);
        var runner = new TrainingRunner(_log, TextWriter.Null);
        var a = runner.Run(Request(train, _files.PathOf("a"), seed: 3)).Manifest;
        var b = runner.Run(Request(train, _files.PathOf("b"), seed: 3)).Manifest;
        Assert.Equal(a.Files["model.bin"], b.Files["model.bin"]);
        Assert.Equal(File.ReadAllBytes(_files.PathOf("a/model.bin")), File.ReadAllBytes(_files.PathOf("b/model.bin")));
    }

    [Fact]
    public void Retraining_replaces_the_previous_model_and_a_foreign_folder_is_refused()
    {
        string train = _files.PathOf("train.jsonl");
        TopicClassifier.WriteGold(train, 20, seed: 9);
        var runner = new TrainingRunner(_log, TextWriter.Null);
        string model = _files.PathOf("models/topics");
        var first = runner.Run(Request(train, model)).Manifest;
        // Pretend the previous model had one more file: retraining removes it with the rest.
        File.WriteAllText(Path.Combine(model, "old-weights.bin"), "stale");
        (first with { Files = first.Files.Add("old-weights.bin", "x") }).Write(model);
        runner.Run(Request(train, model, seed: 8));
        Assert.Equal(8, ModelManifest.Read(model).Seed);
        Assert.Equal(["manifest.json", "model.bin"], Directory.EnumerateFiles(model).Select(Path.GetFileName).Order());

        string foreign = _files.PathOf("docs");
        _files.Write("docs/notes.txt", "not a model");
        var error = Assert.Throws<IOException>(() => runner.Run(Request(train, foreign)));
        Assert.Contains("not empty and not a model folder", error.Message);
    }

    [Fact]
    public void The_model_card_is_kept_by_retraining_and_is_not_a_model_file()
    {
        string train = _files.PathOf("train.jsonl");
        TopicClassifier.WriteGold(train, 20, seed: 10);
        var runner = new TrainingRunner(_log, TextWriter.Null);
        string card = _files.Write("models/topics/README.md", "# topics: the card");
        string model = Path.GetDirectoryName(card)!;

        var first = runner.Run(Request(train, model)).Manifest;
        var second = runner.Run(Request(train, model, seed: 8)).Manifest;

        Assert.Equal("# topics: the card", File.ReadAllText(card));
        Assert.Equal(["model.bin"], first.Files.Keys);
        Assert.Equal(["model.bin"], second.Files.Keys);
    }

    [Fact]
    public void Cross_validation_records_mean_and_deviation_per_metric()
    {
        string train = _files.PathOf("train.jsonl");
        TopicClassifier.WriteGold(train, 30, seed: 4);
        var output = new StringWriter();
        var manifest = new TrainingRunner(_log, output).Run(Request(train, _files.PathOf("cv"), folds: 3)).Manifest;
        Assert.Equal(3, manifest.CrossValidation!.Folds);
        Assert.InRange(manifest.CrossValidation.Mean["f1"], 0.8, 1.0);
        Assert.True(manifest.CrossValidation.StandardDeviation.ContainsKey("f1"));
        Assert.Contains("cross-validation (3 folds): f1=", output.ToString());
        Assert.Equal(3, _log.Lines.Count(l => l.StartsWith("fold ")));
    }

    [Fact]
    public void Gold_without_the_trainers_layer_is_refused_with_the_file_named()
    {
        string train = _files.Write("ner.bio", "Obama\tB-PER\n\nParis\tB-LOC\n");
        var error = Assert.Throws<GoldFormatException>(() => new TrainingRunner(_log, TextWriter.Null).Run(Request(train, _files.PathOf("x"))));
        Assert.Equal($"{train}: the gold data has no \"sentence-topic\" layer, which this trainer needs (format conll gives: entities)", error.Message);
    }

    [Fact]
    public void Evaluation_checks_the_gold_labels_against_the_model()
    {
        string train = _files.PathOf("train.jsonl");
        TopicClassifier.WriteGold(train, 20, seed: 5);
        string model = _files.PathOf("models/topics");
        new TrainingRunner(_log, TextWriter.Null).Run(Request(train, model));

        string gold = _files.PathOf("gold.jsonl");
        TopicClassifier.WriteGold(gold, 10, seed: 6, topics: ["sport", "weather"]);
        var output = new StringWriter();
        var request = new EvaluationRequest { Analyzer = "topics", Produces = [TopicClassifier.Layer], Gold = new GoldSource(gold), ModelDirectory = model, Analyze = TopicClassifier.Analyze };
        var report = new EvaluationRunner(_log, output).Run(request);
        Assert.True(report["accuracy"] > 0.9);
        Assert.Matches(@"RESULT f1=\d\.\d{4} precision=\d\.\d{4} recall=\d\.\d{4} macro_f1=\d\.\d{4} accuracy=\d\.\d{4}\r?\n$", output.ToString());

        string other = _files.Write("other.jsonl", "{\"text\": \"Stocks fell.\", \"layers\": {\"sentence-topic\": [{\"id\": \"t1\", \"start\": 0, \"end\": 12, \"label\": \"finance\"}]}}\n");
        var error = Assert.Throws<LabelSetMismatchException>(() => new EvaluationRunner(_log, TextWriter.Null).Run(request with { Gold = new GoldSource(other) }));
        Assert.Equal($"{Path.Combine(model, "manifest.json")}: the gold data has labels the model was not trained on: finance (model labels: economy, sport, weather)", error.Message);
    }

    [Fact]
    public void The_manifest_writes_encoder_model_ids_as_they_are_spelled()
    {
        string train = _files.PathOf("train.jsonl");
        TopicClassifier.WriteGold(train, 20, seed: 3);
        string model = _files.PathOf("m");
        var manifest = new TrainingRunner(_log, TextWriter.Null).Run(Request(train, model)).Manifest;
        manifest = manifest with { Features = manifest.Features.SetItem("encoder", "all-MiniLM-L6-v2@L4+5+6") };
        manifest.Write(model);

        Assert.Contains("\"encoder\": \"all-MiniLM-L6-v2@L4+5+6\"", File.ReadAllText(Path.Combine(model, ModelManifest.FileName)));
        Assert.Equal("all-MiniLM-L6-v2@L4+5+6", ModelManifest.Read(model).Features["encoder"]);
    }

    [Fact]
    public void Missing_corrupt_or_changed_model_files_give_errors_naming_the_file()
    {
        Assert.Contains("model folder not found", Assert.Throws<InvalidModelException>(() => ModelManifest.Read(_files.PathOf("none"))).Message);
        Directory.CreateDirectory(_files.PathOf("empty"));
        Assert.Equal($"{_files.PathOf("empty/manifest.json")}: model manifest not found; is this a trained model folder?",
            Assert.Throws<InvalidModelException>(() => ModelManifest.Read(_files.PathOf("empty"))).Message);
        _files.Write("bad/manifest.json", "{ not json");
        Assert.StartsWith($"{_files.PathOf("bad/manifest.json")}: corrupt model manifest", Assert.Throws<InvalidModelException>(() => ModelManifest.Read(_files.PathOf("bad"))).Message);

        string train = _files.PathOf("train.jsonl");
        TopicClassifier.WriteGold(train, 20, seed: 8);
        string model = _files.PathOf("m");
        var manifest = new TrainingRunner(_log, TextWriter.Null).Run(Request(train, model)).Manifest;
        Assert.Equal(Path.Combine(model, "model.bin"), manifest.RequireFile(model, "model.bin"));
        File.AppendAllText(Path.Combine(model, "model.bin"), "x");
        Assert.Contains("does not match its manifest", Assert.Throws<InvalidModelException>(() => manifest.RequireFile(model, "model.bin")).Message);
        Assert.Contains("model file not found", Assert.Throws<InvalidModelException>(() => manifest.RequireFile(model, "weights.bin")).Message);
    }

    [Fact]
    public void A_gold_folder_is_hashed_by_its_files_names_and_contents()
    {
        _files.Write("a/x.ann", "T1\tPER 0 3\tAnn\n");
        _files.Write("a/sub/y.txt", "Ann");
        _files.Write("b/x.ann", "T1\tPER 0 3\tAnn\n");
        _files.Write("b/sub/y.txt", "Ann");
        string a = FileHash.Sha256(_files.PathOf("a"));
        Assert.Equal(a, FileHash.Sha256(_files.PathOf("b")));
        File.WriteAllText(_files.PathOf("b/sub/y.txt"), "Bob");
        Assert.NotEqual(a, FileHash.Sha256(_files.PathOf("b")));
        File.Move(_files.PathOf("a/x.ann"), _files.PathOf("a/z.ann"));
        Assert.NotEqual(a, FileHash.Sha256(_files.PathOf("a")));
    }
}
