using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Analyzers.Hedging.Lexicon;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging.Ml;

/// <summary>The settings of a trained cue tagger, stored as model.json.</summary>
public sealed record CueTaggerSettings
{
    /// <summary>Token labels; index 0 is "O" (no cue), the others are cue types.</summary>
    public required string[] Labels { get; init; }
    public required int HashBits { get; init; }
    /// <summary>A token is a cue when 1 - P(O) reaches this.</summary>
    public required double CueThreshold { get; init; }
    public required string[] AmbiguousStems { get; init; }
}

/// <summary>
/// A trained token-level cue tagger: a multiclass linear model over hashed features, scored directly
/// from its weights. The model folder holds model.json, weights.bin and the lexicon it was trained
/// with (its tags are features). Loaded once per run and shared by all threads.
/// </summary>
public sealed class CueTaggerModel
{
    public const string SettingsFile = "model.json";
    public const string WeightsFile = "weights.bin";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <param name="weights">Row-major by feature: weights[feature * classes + class].</param>
    public CueTaggerModel(CueTaggerSettings settings, float[] weights, float[] bias, HedgeLexicon lexicon, string modelId)
    {
        if (weights.Length != (1 << settings.HashBits) * settings.Labels.Length || bias.Length != settings.Labels.Length)
            throw new InvalidDataException("weights do not match the labels and hash size in the settings");
        Settings = settings;
        Weights = weights;
        Bias = bias;
        Lexicon = lexicon;
        ModelId = modelId;
        Features = new CueFeatures(settings.HashBits, settings.AmbiguousStems.ToHashSet(StringComparer.Ordinal));
        Types = [.. settings.Labels.Skip(1).Select(l => Enum.Parse<HedgeType>(l, ignoreCase: true))];
    }

    public CueTaggerSettings Settings { get; }
    public float[] Weights { get; }
    public float[] Bias { get; }
    public HedgeLexicon Lexicon { get; }
    public string ModelId { get; }
    public CueFeatures Features { get; }
    /// <summary>The cue type of each label after "O".</summary>
    public HedgeType[] Types { get; }
    public int Classes => Settings.Labels.Length;

    public CueTaggerModel WithThreshold(double threshold) =>
        new(Settings with { CueThreshold = threshold }, Weights, Bias, Lexicon, ModelId);

    public ICueDetector CreateDetector() => new MlCueDetector(this);

    /// <summary>Class probabilities (softmax) of a token from its feature indices.</summary>
    public void Score(ReadOnlySpan<int> features, Span<float> probabilities)
    {
        int k = Classes;
        Bias.CopyTo(probabilities);
        foreach (var f in features)
        {
            var row = Weights.AsSpan(f * k, k);
            for (int c = 0; c < k; c++) probabilities[c] += row[c];
        }
        float max = float.MinValue, sum = 0;
        for (int c = 0; c < k; c++) max = Math.Max(max, probabilities[c]);
        for (int c = 0; c < k; c++) sum += probabilities[c] = MathF.Exp(probabilities[c] - max);
        for (int c = 0; c < k; c++) probabilities[c] /= sum;
    }

    /// <exception cref="InvalidDataException">A file is missing or malformed; the message names it.</exception>
    public static CueTaggerModel Load(string folder)
    {
        var settingsPath = Path.Combine(folder, SettingsFile);
        var weightsPath = Path.Combine(folder, WeightsFile);
        if (!File.Exists(settingsPath)) throw new InvalidDataException($"{settingsPath}: model settings not found");
        if (!File.Exists(weightsPath)) throw new InvalidDataException($"{weightsPath}: model weights not found");
        CueTaggerSettings settings;
        try { settings = JsonSerializer.Deserialize<CueTaggerSettings>(File.ReadAllText(settingsPath), Json)!; }
        catch (JsonException e) { throw new InvalidDataException($"{settingsPath}: {e.Message}"); }
        var (weights, bias) = ReadWeights(weightsPath, settings);
        var id = HedgeDetectors.ModelId(folder, SettingsFile, WeightsFile, HedgeLexicon.CuesFile, HedgeLexicon.ExceptionsFile);
        return new CueTaggerModel(settings, weights, bias, HedgeLexicon.Load(folder), id);
    }

    /// <summary>Writes model.json, weights.bin (non-zero rows only) and a copy of the lexicon.</summary>
    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, SettingsFile), JsonSerializer.Serialize(Settings, Json));
        foreach (var file in new[] { HedgeLexicon.CuesFile, HedgeLexicon.ExceptionsFile })
        {
            var target = Path.Combine(folder, file);
            var source = Path.Combine(Lexicon.Folder, file);
            if (Path.GetFullPath(source) != Path.GetFullPath(target)) File.Copy(source, target, overwrite: true);
        }
        using var w = new BinaryWriter(File.Create(Path.Combine(folder, WeightsFile)));
        int k = Classes, rows = 1 << Settings.HashBits;
        w.Write(0x57474448); // "HDGW"
        w.Write(k);
        foreach (var b in Bias) w.Write(b);
        int nonZero = 0;
        for (int f = 0; f < rows; f++) if (!IsZero(f)) nonZero++;
        w.Write(nonZero);
        for (int f = 0; f < rows; f++)
        {
            if (IsZero(f)) continue;
            w.Write(f);
            for (int c = 0; c < k; c++) w.Write(Weights[f * k + c]);
        }
    }

    private bool IsZero(int feature)
    {
        int k = Classes;
        for (int c = 0; c < k; c++) if (Weights[feature * k + c] != 0) return false;
        return true;
    }

    private static (float[] Weights, float[] Bias) ReadWeights(string path, CueTaggerSettings settings)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        int k = settings.Labels.Length, rows = 1 << settings.HashBits;
        if (r.ReadInt32() != 0x57474448 || r.ReadInt32() != k)
            throw new InvalidDataException($"{path}: not a weights file for {k} labels");
        var bias = new float[k];
        for (int c = 0; c < k; c++) bias[c] = r.ReadSingle();
        var weights = new float[rows * k];
        int nonZero = r.ReadInt32();
        for (int n = 0; n < nonZero; n++)
        {
            int f = r.ReadInt32();
            if ((uint)f >= (uint)rows) throw new InvalidDataException($"{path}: feature {f} out of range");
            for (int c = 0; c < k; c++) weights[f * k + c] = r.ReadSingle();
        }
        return (weights, bias);
    }
}
