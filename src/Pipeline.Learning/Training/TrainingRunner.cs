using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Pipeline.Learning.Evaluation;
using Pipeline.Learning.Gold;
using Pipeline.Sdk;

namespace Pipeline.Learning.Training;

/// <summary>
/// Runs an analyzer over documents with the model in the given folder (null: the model its
/// configuration names) and returns the documents with its layers. The host supplies this: it
/// loads the analyzer with that model once and runs it like `pipeline run` does.
/// </summary>
public delegate IReadOnlyList<Document> AnalyzeWithModel(string? modelDirectory, IReadOnlyList<Document> documents, CancellationToken cancellationToken);

/// <summary>A gold file to read: path, optional --format and split.</summary>
public sealed record GoldSource(string Path)
{
    public string? Format { get; init; }
    public GoldReadOptions Options { get; init; } = GoldReadOptions.Default;
}

/// <summary>What `pipeline train` asks for.</summary>
public sealed record TrainingRequest
{
    /// <summary>The analyzer's id, e.g. "entities".</summary>
    public required string Analyzer { get; init; }
    public required AnalyzerTrainer Trainer { get; init; }
    /// <summary>The analyzer's Produces: the layers evaluated, and removed from the dev documents before analysing them.</summary>
    public required ImmutableArray<LayerKey> Produces { get; init; }
    public required GoldSource Train { get; init; }
    /// <summary>More train files, read after <see cref="Train"/> and concatenated with it.</summary>
    public IReadOnlyList<GoldSource> AdditionalTrain { get; init; } = [];
    /// <summary>Null: hold out <see cref="HoldOutFraction"/> of the train documents.</summary>
    public GoldSource? Dev { get; init; }
    /// <summary>More dev files, read after <see cref="Dev"/> and concatenated with it.</summary>
    public IReadOnlyList<GoldSource> AdditionalDev { get; init; } = [];
    public double HoldOutFraction { get; init; } = 0.1;
    public required string OutputDirectory { get; init; }
    public int Seed { get; init; } = 42;
    /// <summary>K ≥ 2 runs K-fold cross-validation on the train documents before the final training.</summary>
    public int CrossValidationFolds { get; init; }
    public AnalyzerOptions Options { get; init; } = AnalyzerOptions.Empty;
    public string? CacheDirectory { get; init; }
    public Func<Type, object?> Services { get; init; } = _ => null;
    /// <summary>The full command line, recorded in the manifest.</summary>
    public required string CommandLine { get; init; }
    public required AnalyzeWithModel Analyze { get; init; }
}

public sealed record TrainingOutcome(ModelManifest Manifest, EvaluationReport Report);

/// <summary>
/// `pipeline train`: reads the gold data, holds out a dev set when none is given, optionally
/// cross-validates, calls the trainer, evaluates the written model on the dev set with the
/// task's standard metric, and writes manifest.json. Progress goes to the log.
/// </summary>
public sealed class TrainingRunner(IRunLog log, TextWriter output)
{
    public TrainingOutcome Run(TrainingRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var (train, trainInfo) = ReadGold(request.Train, request.Trainer.GoldLayers);
        var additionalInfo = new List<DataFileInfo>();
        foreach (var source in request.AdditionalTrain)
        {
            var (more, info) = ReadGold(source, request.Trainer.GoldLayers);
            train.AddRange(more);
            additionalInfo.Add(info);
        }
        List<Document> dev;
        DataFileInfo? devInfo = null;
        string? devSplit = null;
        var additionalDevInfo = new List<DataFileInfo>();
        if (request.Dev is { } devSource)
        {
            (dev, devInfo) = ReadGold(devSource, request.Trainer.GoldLayers);
            foreach (var source in request.AdditionalDev)
            {
                var (more, info) = ReadGold(source, request.Trainer.GoldLayers);
                dev.AddRange(more);
                additionalDevInfo.Add(info);
            }
        }
        else
        {
            (train, dev) = DataSplit.HoldOut(train, request.HoldOutFraction, request.Seed);
            devSplit = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{request.HoldOutFraction * 100:0.#}% of the train documents, seed {request.Seed}");
            log.Info($"dev: {dev.Count} documents held out of train ({devSplit})");
        }

        CrossValidationInfo? cv = request.CrossValidationFolds >= 2 ? CrossValidate(request, train, cancellationToken) : null;

        string outDir = Path.GetFullPath(request.OutputDirectory);
        PrepareOutput(outDir);
        log.Info($"training {request.Analyzer} ({request.Trainer.Task}) on {train.Count} documents, seed {request.Seed}");
        var result = request.Trainer.Train(Context(request, train, dev, outDir, cancellationToken));
        log.Info($"trained in {clock.Elapsed.TotalSeconds:F1} s; evaluating on {dev.Count} dev documents");
        var report = Evaluate(request, outDir, dev, cancellationToken);
        report.WriteTo(output);

        var manifest = new ModelManifest
        {
            Analyzer = request.Analyzer,
            Task = request.Trainer.Task,
            Labels = result.Labels,
            GoldLabels = [.. GoldLabels.Of(train, request.Trainer.GoldLayers)],
            Features = result.Features.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Train = trainInfo,
            AdditionalTrain = additionalInfo.Count == 0 ? null : additionalInfo,
            Dev = devInfo,
            AdditionalDev = additionalDevInfo.Count == 0 ? null : additionalDevInfo,
            DevSplit = devSplit,
            TrainDocuments = train.Count,
            DevDocuments = dev.Count,
            Seed = request.Seed,
            MlNetVersion = MlNetVersion,
            Metrics = report.Metrics.ToImmutableSortedDictionary(m => m.Key, m => Math.Round(m.Value, 6), StringComparer.Ordinal),
            TrainerMetrics = result.Metrics.ToImmutableSortedDictionary(StringComparer.Ordinal),
            CrossValidation = cv,
            CommandLine = request.CommandLine,
            TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            Files = ModelManifest.HashFiles(outDir),
        };
        manifest.Write(outDir);
        log.Info($"wrote {Path.Combine(request.OutputDirectory, ModelManifest.FileName)} ({clock.Elapsed.TotalSeconds:F1} s in all)");
        return new TrainingOutcome(manifest, report);
    }

    /// <summary>
    /// Makes the output folder ready: created if missing; a previous model's files (those its
    /// manifest lists) removed, so that no stale file outlives it and a failed training leaves no
    /// manifest behind; the model card stays. A non-empty folder that is not a model folder is refused.
    /// </summary>
    private static void PrepareOutput(string outDir)
    {
        Directory.CreateDirectory(outDir);
        string manifestPath = Path.Combine(outDir, ModelManifest.FileName);
        if (File.Exists(manifestPath))
        {
            foreach (var file in ModelManifest.Read(outDir).Files.Keys)
                if (!ModelManifest.IsDocumentation(outDir, Path.Combine(outDir, file))) File.Delete(Path.Combine(outDir, file));
            File.Delete(manifestPath);
        }
        else if (Directory.EnumerateFileSystemEntries(outDir).Any(e => !ModelManifest.IsDocumentation(outDir, e)))
            throw new IOException($"{outDir}: not empty and not a model folder (no {ModelManifest.FileName}); give an empty or new folder");
    }

    /// <summary>Labelled sentences go into the analyzer's own labelled layer unless told otherwise.</summary>
    internal static GoldReadOptions WithLabelLayer(GoldReadOptions options, IEnumerable<LayerKey> layers) =>
        options.LabelLayer is null && layers.FirstOrDefault(k => k.ItemType == typeof(LabeledSpan)) is { } key
            ? options with { LabelLayer = key.Name } : options;

    /// <summary>The version of Microsoft.ML the trainers ran on.</summary>
    public static string MlNetVersion { get; } =
        typeof(Microsoft.ML.MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(Microsoft.ML.MLContext).Assembly.GetName().Version?.ToString() ?? "unknown";

    private CrossValidationInfo CrossValidate(TrainingRequest request, List<Document> train, CancellationToken cancellationToken)
    {
        int k = request.CrossValidationFolds;
        var runs = new List<IReadOnlyList<KeyValuePair<string, double>>>();
        string root = Path.Combine(Path.GetTempPath(), $"pipeline-cv-{Guid.NewGuid():N}");
        try
        {
            int fold = 0;
            foreach (var (foldTrain, foldTest) in DataSplit.Folds(train, k, request.Seed))
            {
                fold++;
                log.Info($"cross-validation fold {fold}/{k}: training on {foldTrain.Count}, testing on {foldTest.Count} documents");
                string dir = Path.Combine(root, $"fold-{fold}");
                Directory.CreateDirectory(dir);
                // Within a fold the held-out part doubles as the trainer's dev set; the fold's test set stays unseen.
                var (inner, innerDev) = DataSplit.HoldOut(foldTrain, request.HoldOutFraction, request.Seed);
                request.Trainer.Train(Context(request, inner, innerDev, dir, cancellationToken));
                var report = Evaluate(request, dir, foldTest, cancellationToken);
                log.Info($"fold {fold}: {report.ResultLine}");
                runs.Add(report.Metrics);
            }
        }
        finally
        {
            try { Directory.Delete(root, true); } catch (IOException) { }
        }
        var names = runs[0].Select(m => m.Key).ToList();
        var mean = names.ToImmutableSortedDictionary(n => n, n => Math.Round(runs.Average(r => Value(r, n)), 6), StringComparer.Ordinal);
        var std = names.ToImmutableSortedDictionary(n => n, n => Math.Round(Math.Sqrt(runs.Average(r => Math.Pow(Value(r, n) - mean[n], 2))), 6), StringComparer.Ordinal);
        output.WriteLine($"cross-validation ({k} folds): " + string.Join(" ", names.Select(n => $"{n}={EvaluationReport.Format(mean[n])}±{EvaluationReport.Format(std[n])}")));
        return new CrossValidationInfo(k, mean, std);
    }

    private static double Value(IReadOnlyList<KeyValuePair<string, double>> metrics, string name) => metrics.First(m => m.Key == name).Value;

    private TrainingContext Context(TrainingRequest request, IReadOnlyList<Document> train, IReadOnlyList<Document> dev, string outDir, CancellationToken cancellationToken) => new()
    {
        Train = train,
        Dev = dev,
        OutputDirectory = outDir,
        Seed = request.Seed,
        Options = request.Options,
        CacheDirectory = request.CacheDirectory,
        Log = log,
        Services = request.Services,
        CancellationToken = cancellationToken,
    };

    private static EvaluationReport Evaluate(TrainingRequest request, string modelDirectory, IReadOnlyList<Document> gold, CancellationToken cancellationToken)
    {
        var input = gold.Select(d => StripLayers(d, request.Produces)).ToList();
        var predicted = request.Analyze(modelDirectory, input, cancellationToken);
        return Evaluator.Evaluate(request.Produces, gold, predicted);
    }

    /// <summary>The document without the layers the analyzer will produce (the gold input layers it requires stay).</summary>
    public static Document StripLayers(Document document, IEnumerable<LayerKey> produced) =>
        produced.Aggregate(document, (d, key) => d.WithoutLayer(key));

    /// <summary>Reads a gold file, reporting bad records as warnings, and checks it carries the layers the trainer needs.</summary>
    private (List<Document> Documents, DataFileInfo Info) ReadGold(GoldSource source, ImmutableArray<LayerKey> required)
    {
        var reader = GoldFormats.Resolve(source.Path, source.Format);
        int errors = 0;
        var docs = reader.Read(source.Path, WithLabelLayer(source.Options, required), e => { errors++; log.Warning(e); }).ToList();
        if (docs.Count == 0) throw new GoldFormatException($"{source.Path}: no documents read{(errors > 0 ? $" ({errors} bad records)" : "")}");
        foreach (var key in required)
            if (!docs.Any(d => d.HasLayer(key)))
                throw new GoldFormatException($"{source.Path}: the gold data has no \"{key.Name}\" layer, which this trainer needs (format {reader.Format} gives: {string.Join(", ", reader.Layers.Select(l => l.Name))})");
        log.Info($"{source.Path}: {docs.Count} documents ({reader.Format}{(errors > 0 ? $", {errors} bad records skipped" : "")})");
        return (docs, new DataFileInfo(source.Path, reader.Format, FileHash.Sha256(source.Path), docs.Count) { Split = source.Options.Split });
    }
}
