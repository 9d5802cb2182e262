using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Learning;

namespace Pipeline.Analyzers.Stance.Models;

public enum StanceTask { Entity, Claim }

public enum StanceAlgorithm
{
    /// <summary>Maximum entropy over the sparse lexical features and the dense part, scored directly from its weights.</summary>
    MaxEnt,
    /// <summary>LightGBM gradient-boosted trees over the dense part (cue summaries and encoder vectors).</summary>
    LightGbm,
    /// <summary>Both, their probabilities averaged.</summary>
    Ensemble,
}

/// <summary>What a stance model folder holds besides its weights (stance-model.json): enough to rebuild the features it was trained on.</summary>
public sealed record StanceModelSettings
{
    public const string FileName = "stance-model.json";
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Model ids such as all-MiniLM-L6-v2@L4+5+6 stay readable: these files are never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public required StanceTask Task { get; init; }
    public required StanceAlgorithm Algorithm { get; init; }
    /// <summary>Class names in the order of the model's probabilities.</summary>
    public required ImmutableArray<string> Labels { get; init; }
    public int HashBits { get; init; } = 20;
    /// <summary>The text encoder the dense features come from; null: lexical features only.</summary>
    public string? Encoder { get; init; }
    /// <summary>The encoder views of an entity-stance model with an encoder (<see cref="Targets.TargetEncoding"/>).</summary>
    public ImmutableArray<string> EncoderViews { get; init; } = Targets.TargetEncoding.DefaultViews;
    /// <summary>The factor the entity-stance model's encoder numbers are multiplied by.</summary>
    public float EncoderScale { get; init; } = 1f;
    /// <summary>Length of the dense part (cue summaries plus encoder vectors).</summary>
    public int DenseLength { get; init; }
    /// <summary>Share of the tuned encoder classifier (tuned.bin) in the averaged probabilities; 0: the model has none.</summary>
    public float TunedWeight { get; init; }

    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json) + "\n");
    }

    /// <exception cref="InvalidModelException">Missing or unreadable settings.</exception>
    public static StanceModelSettings Load(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new InvalidModelException(path, "stance model settings not found; is this a stance model folder?");
        try { return JsonSerializer.Deserialize<StanceModelSettings>(File.ReadAllText(path), Json) ?? throw new JsonException("empty"); }
        catch (JsonException ex) { throw new InvalidModelException(path, $"corrupt stance model settings: {ex.Message}", ex); }
    }
}
