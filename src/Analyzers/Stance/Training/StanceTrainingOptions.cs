using System.Collections.Immutable;
using System.Globalization;
using Pipeline.Analyzers.Stance.Lexicon;
using Pipeline.Analyzers.Stance.Models;
using Pipeline.Analyzers.Stance.Targets;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Neural;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance.Training;

/// <summary>
/// Options of `pipeline train stance` (--option key=value): task (entity | claim; default: the
/// task the gold layers annotate), tier (fast: lexical features; accurate: plus the text
/// encoder), algorithm (maxent | lightgbm | ensemble | auto: train both, keep whichever of the
/// two or their average measures best on dev), views (the encoder views of the entity model,
/// e.g. tokens,window,sides,masked), encoderLayers (the MiniLM layers averaged into the token
/// vectors, e.g. 4,5,6; default the last), encoder (the checkpoint: all-MiniLM-L6-v2 or
/// snowflake-arctic-embed-xs), encoderScale, refit (fit the chosen model again on
/// train and dev), tune (fine-tune the encoder's last layer as a second classifier averaged in,
/// with tunedWeight, tuneEpochs, tuneRate, tuneBatch, tuneDecay, tuneDropout), lexicon (folder),
/// and the trainers' settings.
/// </summary>
public sealed record StanceTrainingOptions
{
    public required StanceTask Task { get; init; }
    public bool UseEncoder { get; init; } = true;
    /// <summary>Null: train both algorithms and keep the one (or their average) with the best dev macro-F1.</summary>
    public StanceAlgorithm? Algorithm { get; init; }
    public string Lexicon { get; init; } = Path.Combine("models", StanceLexicon.DefaultName);
    /// <summary>The encoder views of the entity-stance model (<see cref="TargetEncoding"/>), comma-separated in the option.</summary>
    public ImmutableArray<string> Views { get; init; } = TargetEncoding.DefaultViews;
    /// <summary>The MiniLM layers averaged into each token state (1–6; the last alone by default).</summary>
    public ImmutableArray<int> EncoderLayers { get; init; } = [MiniLmEncoder.LastLayer];
    /// <summary>The encoder's trained weights.</summary>
    public MiniLmCheckpoint Checkpoint { get; init; } = MiniLmCheckpoint.AllMiniLmL6V2;
    /// <summary>Multiplies the encoder numbers: below 1 holds their weights back more than the lexical ones' under the one L2.</summary>
    public float EncoderScale { get; init; } = 1f;
    public int HashBits { get; init; } = 20;
    public float L1 { get; init; } = 0.25f;
    /// <summary>L2 weight of the maximum entropy model; the encoder's dense vectors want a stronger one (measured on NewsMTSC dev: 20 with the encoder, 1 without).</summary>
    public float L2 { get; init; } = 1f;
    public int MaxIterations { get; init; } = 300;
    public int Trees { get; init; } = 300;
    public int Leaves { get; init; } = 31;
    public double LearningRate { get; init; } = 0.05;
    /// <summary>Weight examples by the inverse frequency of their class, so that rare classes count as much as common ones.</summary>
    public bool Balance { get; init; }
    /// <summary>After dev has chosen the algorithm, fit it again on train and dev together (the final model; its dev figures are then not held out).</summary>
    public bool Refit { get; init; }
    /// <summary>Fine-tune the encoder's last layer as a second classifier of entity stance, averaged in (null: none).</summary>
    public TuningOptions? Tuning { get; init; }
    /// <summary>The tuned classifier's share of the averaged probabilities.</summary>
    public float TunedWeight { get; init; } = 0.5f;

    public static StanceTrainingOptions From(AnalyzerOptions o, IReadOnlyList<Document> train)
    {
        var task = o.GetString("task") switch
        {
            null or "" => TaskOf(train),
            "entity" => StanceTask.Entity,
            "claim" => StanceTask.Claim,
            var other => throw new ArgumentException($"stance: option task is '{other}'; expected 'entity' or 'claim'"),
        };
        bool encoder = o.GetString("tier", StanceTiers.Accurate) switch
        {
            StanceTiers.Fast => false,
            StanceTiers.Accurate => true,
            var other => throw new ArgumentException($"stance: option tier is '{other}'; expected '{StanceTiers.Fast}' or '{StanceTiers.Accurate}'"),
        };
        StanceAlgorithm? algorithm = o.GetString("algorithm", "auto") switch
        {
            "auto" => null,
            "maxent" => StanceAlgorithm.MaxEnt,
            "lightgbm" => StanceAlgorithm.LightGbm,
            "ensemble" => StanceAlgorithm.Ensemble,
            var other => throw new ArgumentException($"stance: option algorithm is '{other}'; expected 'maxent', 'lightgbm', 'ensemble' or 'auto'"),
        };
        var d = new StanceTrainingOptions { Task = task, L2 = encoder ? 20f : 1f };
        return d with
        {
            UseEncoder = encoder,
            Algorithm = algorithm,
            Lexicon = o.GetString("lexicon", d.Lexicon),
            Views = o.GetString("views") is { Length: > 0 } views ? [.. views.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : d.Views,
            EncoderLayers = o.GetString("encoderLayers") is { Length: > 0 } layers ? [.. MiniLmEncoder.ParseLayers(layers)] : d.EncoderLayers,
            Checkpoint = MiniLmCheckpoint.FromOption(o.GetString("encoder")),
            EncoderScale = (float)o.GetDouble("encoderScale", d.EncoderScale),
            HashBits = o.GetInt("hashBits", d.HashBits),
            L1 = (float)o.GetDouble("l1", d.L1),
            L2 = (float)o.GetDouble("l2", d.L2),
            MaxIterations = o.GetInt("iterations", d.MaxIterations),
            Trees = o.GetInt("trees", d.Trees),
            Leaves = o.GetInt("leaves", d.Leaves),
            LearningRate = o.GetDouble("learningRate", d.LearningRate),
            Balance = o.GetBool("balance", d.Balance),
            Refit = o.GetBool("refit", d.Refit),
            Tuning = o.GetBool("tune", false) ? TuningOptions.From(o, "stance") : null,
            TunedWeight = o.GetDouble("tunedWeight", d.TunedWeight) is > 0 and <= 1 and var w ? (float)w
                : throw new ArgumentException("stance: option tunedWeight is the tuned classifier's share, above 0 and at most 1"),
        };
    }

    /// <summary>The task the gold documents annotate: claim stance, or entity stance.</summary>
    private static StanceTask TaskOf(IReadOnlyList<Document> train)
    {
        bool claims = train.Any(d => d.HasLayer(Layers.ClaimStance)), entities = train.Any(d => d.HasLayer(Layers.Stance));
        return (claims, entities) switch
        {
            (true, false) => StanceTask.Claim,
            (false, true) => StanceTask.Entity,
            (true, true) => throw new ArgumentException("stance: the gold data annotates both entity and claim stance; choose one with --option task=entity or task=claim"),
            _ => throw new ArgumentException("stance: the gold data has neither a \"stance\" nor a \"claims\" layer"),
        };
    }

    public ImmutableDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["task"] = StanceClassifier.Name(Task),
        ["tier"] = UseEncoder ? StanceTiers.Accurate : StanceTiers.Fast,
        ["algorithm"] = Algorithm?.ToString().ToLowerInvariant() ?? "auto",
        ["views"] = string.Join(",", Views),
        ["encoder_layers"] = string.Join(",", EncoderLayers),
        ["encoder_checkpoint"] = Checkpoint.Id,
        ["encoder_scale"] = EncoderScale.ToString(CultureInfo.InvariantCulture),
        ["hash_bits"] = HashBits.ToString(CultureInfo.InvariantCulture),
        ["l1"] = L1.ToString(CultureInfo.InvariantCulture),
        ["l2"] = L2.ToString(CultureInfo.InvariantCulture),
        ["iterations"] = MaxIterations.ToString(CultureInfo.InvariantCulture),
        ["trees"] = Trees.ToString(CultureInfo.InvariantCulture),
        ["leaves"] = Leaves.ToString(CultureInfo.InvariantCulture),
        ["learning_rate"] = LearningRate.ToString(CultureInfo.InvariantCulture),
        ["balance"] = Balance ? "true" : "false",
        ["refit"] = Refit ? "true" : "false",
        ["tuned"] = Tuning is { } t
            ? FormattableString.Invariant($"weight {TunedWeight}, epochs {t.Epochs}, rate {t.LearningRate}, batch {t.BatchSize}, decay {t.WeightDecay}, dropout {t.Dropout}")
            : "none",
    }.ToImmutableDictionary();
}

/// <summary>The analyzer's tiers: lexical features only, or with the text encoder.</summary>
public static class StanceTiers
{
    public const string Fast = "fast", Accurate = "accurate";
}
