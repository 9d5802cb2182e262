using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Learning.Training;

/// <summary>A data file a model was trained or evaluated on, with the number of documents read from it.</summary>
public sealed record DataFileInfo(string Path, string Format, string Sha256, int Documents)
{
    public string? Split { get; init; }
}

/// <summary>Cross-validation results: per metric, the mean and standard deviation over folds.</summary>
public sealed record CrossValidationInfo(int Folds, ImmutableSortedDictionary<string, double> Mean, ImmutableSortedDictionary<string, double> StandardDeviation);

/// <summary>
/// manifest.json of a trained model folder: what was trained, on what, how, and how well.
/// The host hashes it into the run's fingerprint; the "files" hashes tie it to the model files.
/// </summary>
public sealed record ModelManifest
{
    public const string FileName = "manifest.json";
    public const string SchemaVersion = "pipeline.model/1";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Model ids such as all-MiniLM-L6-v2@L4+5+6 stay readable: these files are never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Schema { get; init; } = SchemaVersion;
    public required string Analyzer { get; init; }
    public required string Task { get; init; }
    /// <summary>The model's output classes, as the trainer reports them.</summary>
    public required ImmutableArray<string> Labels { get; init; }
    /// <summary>The labels of the gold layers it was trained on (entity types, cue types, stance labels...).</summary>
    public ImmutableArray<string> GoldLabels { get; init; } = [];
    public ImmutableSortedDictionary<string, string> Features { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
    public required DataFileInfo Train { get; init; }
    /// <summary>Further train files, concatenated after <see cref="Train"/>; null when there was one.</summary>
    public IReadOnlyList<DataFileInfo>? AdditionalTrain { get; init; }
    /// <summary>The dev file; null when the dev set was held out of the train file.</summary>
    public DataFileInfo? Dev { get; init; }
    /// <summary>More dev files (a repeated --dev), read after <see cref="Dev"/>; null when none.</summary>
    public IReadOnlyList<DataFileInfo>? AdditionalDev { get; init; }
    /// <summary>How the dev set was made when no dev file was given, e.g. "10% of train documents, seed 42".</summary>
    public string? DevSplit { get; init; }
    /// <summary>Documents the final model was trained on (the train files', less a held-out dev set).</summary>
    public int TrainDocuments { get; init; }
    public int DevDocuments { get; init; }
    public required int Seed { get; init; }
    public required string MlNetVersion { get; init; }
    /// <summary>The standard metrics of the task on the dev set (as in the RESULT line).</summary>
    public ImmutableSortedDictionary<string, double> Metrics { get; init; } = ImmutableSortedDictionary<string, double>.Empty;
    /// <summary>Metrics the trainer measured itself.</summary>
    public ImmutableSortedDictionary<string, double> TrainerMetrics { get; init; } = ImmutableSortedDictionary<string, double>.Empty;
    public CrossValidationInfo? CrossValidation { get; init; }
    public required string CommandLine { get; init; }
    public required double TrainingSeconds { get; init; }
    /// <summary>SHA-256 of every other file of the model folder.</summary>
    public ImmutableSortedDictionary<string, string> Files { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public void Write(string modelDirectory)
    {
        Directory.CreateDirectory(modelDirectory);
        File.WriteAllText(Path.Combine(modelDirectory, FileName), JsonSerializer.Serialize(this, Json) + "\n");
    }

    /// <summary>Reads a model folder's manifest.</summary>
    /// <exception cref="InvalidModelException">The folder or its manifest is missing or unreadable (the message names the file).</exception>
    public static ModelManifest Read(string modelDirectory)
    {
        string path = Path.Combine(modelDirectory, FileName);
        if (!Directory.Exists(modelDirectory)) throw new InvalidModelException(modelDirectory, "model folder not found");
        if (!File.Exists(path)) throw new InvalidModelException(path, "model manifest not found; is this a trained model folder?");
        ModelManifest? manifest;
        try { manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), Json); }
        catch (JsonException ex) { throw new InvalidModelException(path, $"corrupt model manifest: {ex.Message}", ex); }
        if (manifest is null) throw new InvalidModelException(path, "corrupt model manifest: empty");
        if (manifest.Schema != SchemaVersion) throw new InvalidModelException(path, $"model manifest schema \"{manifest.Schema}\" is not supported (expected {SchemaVersion})");
        return manifest;
    }

    /// <summary>The path of a file of a model folder, checked to exist and to match the manifest's hash.</summary>
    /// <exception cref="InvalidModelException">The file is missing or was changed since training.</exception>
    public string RequireFile(string modelDirectory, string name)
    {
        string path = Path.Combine(modelDirectory, name);
        if (!File.Exists(path)) throw new InvalidModelException(path, "model file not found");
        if (Files.TryGetValue(name, out var expected) && FileHash.Sha256(path) != expected)
            throw new InvalidModelException(path, "model file does not match its manifest (changed or corrupt since training)");
        return path;
    }

    /// <summary>
    /// Checks that gold data fits the model: every gold label must be one the model was trained on.
    /// </summary>
    /// <exception cref="LabelSetMismatchException">The gold data has labels the model does not know.</exception>
    public void CheckGoldLabels(IEnumerable<string> goldLabels, string modelDirectory)
    {
        if (GoldLabels.IsDefaultOrEmpty) return;
        var unknown = goldLabels.Except(GoldLabels, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new LabelSetMismatchException(Path.Combine(modelDirectory, FileName), unknown, GoldLabels);
    }

    /// <summary>The model card.</summary>
    public const string CardFileName = "README.md";

    /// <summary>The manifest and the model card (README.md at the top) are about the model, not part of it: a retraining keeps the card.</summary>
    public static bool IsDocumentation(string modelDirectory, string path) =>
        Path.GetRelativePath(modelDirectory, path) is FileName or CardFileName;

    /// <summary>Hashes every file of a model folder but the manifest and the card.</summary>
    public static ImmutableSortedDictionary<string, string> HashFiles(string modelDirectory) =>
        Directory.EnumerateFiles(modelDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !IsDocumentation(modelDirectory, f))
            .ToImmutableSortedDictionary(f => Path.GetRelativePath(modelDirectory, f).Replace('\\', '/'), FileHash.Sha256, StringComparer.Ordinal);
}

/// <summary>Gold labels the model was not trained on.</summary>
public sealed class LabelSetMismatchException(string manifest, IReadOnlyList<string> unknown, IReadOnlyList<string> modelLabels)
    : Exception($"{manifest}: the gold data has labels the model was not trained on: {string.Join(", ", unknown)} (model labels: {string.Join(", ", modelLabels)})")
{
    public IReadOnlyList<string> UnknownLabels { get; } = unknown;
}

/// <summary>The SHA-256 of a file, as manifests record data and model files.</summary>
public static class FileHash
{
    /// <summary>
    /// The file's hash; for a folder (a gold set of brat files), the hash of the list of its files'
    /// relative paths and hashes, every file below it, in ordinal order.
    /// </summary>
    public static string Sha256(string path)
    {
        if (Directory.Exists(path))
        {
            var listing = new System.Text.StringBuilder();
            foreach (var file in Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                listing.Append(Path.GetRelativePath(path, file).Replace('\\', '/')).Append('\t').Append(Sha256(file)).Append('\n');
            return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(listing.ToString())));
        }
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
