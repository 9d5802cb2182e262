using System.Collections.Immutable;
using System.Globalization;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Linear;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>The settings of an entity training run, from `--option key=value` (all optional).</summary>
internal sealed record EntityTrainingOptions
{
    /// <summary>"fast" (lexical features) or "accurate" (plus encoder states).</summary>
    public string Tier { get; init; } = EntitiesAnalyzer.FastTier;
    /// <summary>Accurate tier: the MiniLM layers averaged into the word vectors (the last alone by default).</summary>
    public ImmutableArray<int> EncoderLayers { get; init; } = [MiniLmEncoder.LastLayer];
    /// <summary>Accurate tier: the encoder's trained weights (a <see cref="MiniLmCheckpoint"/> id).</summary>
    public MiniLmCheckpoint Checkpoint { get; init; } = MiniLmCheckpoint.AllMiniLmL6V2;
    /// <summary>Accurate tier: whether the first pass reads the encoder vectors themselves as a dense part.</summary>
    public bool DenseVectors { get; init; } = true;
    /// <summary>Accurate tier: sizes of the k-means codebooks over the encoder vectors whose cluster ids are features (none by default).</summary>
    public ImmutableArray<int> ContextualClusters { get; init; } = [];
    /// <summary>Training tokens sampled to fit the contextual clusters.</summary>
    public int ContextualSample { get; init; } = 50_000;
    public int ContextualIterations { get; init; } = 15;
    /// <summary>Word-cluster folder or file (path TAB word TAB count lines).</summary>
    public string Clusters { get; init; } = Path.Combine("models", "word-clusters");
    /// <summary>Gazetteer folder (one list per file, one entry per line).</summary>
    public string Gazetteers { get; init; } = Path.Combine("models", "gazetteers");
    /// <summary>L1 weight. With 2 folds, 0.1 kept 34k first-pass rows and scored 0.926 on CoNLL-2003 dev; 0.5 with 4 folds kept 14k and scored 0.923.</summary>
    public float L1 { get; init; } = 0.1f;
    public float L2 { get; init; } = 0.5f;
    public int Iterations { get; init; } = 200;
    /// <summary>Features seen in fewer training tokens are dropped.</summary>
    public int MinCount { get; init; } = 1;
    /// <summary>Folds for the first pass's held-out predictions, which train the second pass.</summary>
    public int Folds { get; init; } = 2;
    /// <summary>Weight rows whose largest weight is below this are not stored.</summary>
    public float Prune { get; init; } = 1e-4f;

    public static EntityTrainingOptions From(AnalyzerOptions o)
    {
        var d = new EntityTrainingOptions();
        var tier = o.GetString("tier", d.Tier);
        if (tier is not (EntitiesAnalyzer.FastTier or EntitiesAnalyzer.AccurateTier))
            throw new ArgumentException($"option tier: '{tier}' is not a tier (fast or accurate)");
        return new EntityTrainingOptions
        {
            Tier = tier,
            EncoderLayers = o.GetString("encoderLayers") is { Length: > 0 } layers ? [.. MiniLmEncoder.ParseLayers(layers)] : d.EncoderLayers,
            Checkpoint = MiniLmCheckpoint.FromOption(o.GetString("encoder")),
            DenseVectors = o.GetBool("denseVectors", d.DenseVectors),
            ContextualClusters = o.GetString("contextualClusters") is { Length: > 0 } sizes ? ParseSizes(sizes) : d.ContextualClusters,
            ContextualSample = o.GetInt("contextualSample", d.ContextualSample),
            ContextualIterations = o.GetInt("contextualIterations", d.ContextualIterations),
            Clusters = o.GetString("clusters", d.Clusters),
            Gazetteers = o.GetString("gazetteers", d.Gazetteers),
            L1 = (float)o.GetDouble("l1", d.L1),
            L2 = (float)o.GetDouble("l2", d.L2),
            Iterations = o.GetInt("iterations", d.Iterations),
            MinCount = o.GetInt("minCount", d.MinCount),
            Folds = Math.Max(2, o.GetInt("folds", d.Folds)),
            Prune = (float)o.GetDouble("prune", d.Prune),
        };
    }

    private static ImmutableArray<int> ParseSizes(string text)
    {
        var sizes = text.Split(',', StringSplitOptions.TrimEntries).Select(part =>
            int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k >= 2 ? k
                : throw new ArgumentException($"option contextualClusters: '{part}' is not a cluster count (an integer of at least 2)")).ToImmutableArray();
        if (sizes.Length > MaxCodebooks) throw new ArgumentException($"option contextualClusters: at most {MaxCodebooks} codebooks, got {sizes.Length}");
        return sizes;
    }

    /// <summary>Codebooks whose keys fit a token's static key budget.</summary>
    private const int MaxCodebooks = 4;

    public LinearTrainerOptions Linear(int features, int denseDimension, int seed, IRunLog? log) => new()
    {
        Algorithm = LinearAlgorithm.Lbfgs,
        HashBits = Math.Max(1, (int)Math.Ceiling(Math.Log2(Math.Max(2, features)))),
        DenseDimension = denseDimension,
        L1 = L1,
        L2 = L2,
        MaxIterations = Iterations,
        MinFeatureCount = MinCount,
        Seed = seed,
        Log = log,
    };

    public ImmutableDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["tier"] = Tier,
        ["encoder_layers"] = string.Join(",", EncoderLayers),
        ["encoder_checkpoint"] = Checkpoint.Id,
        ["dense_vectors"] = DenseVectors ? "true" : "false",
        ["contextual_clusters"] = string.Join(",", ContextualClusters),
        ["contextual_sample"] = ContextualSample.ToString(CultureInfo.InvariantCulture),
        ["contextual_iterations"] = ContextualIterations.ToString(CultureInfo.InvariantCulture),
        ["l1"] = L1.ToString(CultureInfo.InvariantCulture),
        ["l2"] = L2.ToString(CultureInfo.InvariantCulture),
        ["iterations"] = Iterations.ToString(CultureInfo.InvariantCulture),
        ["min_count"] = MinCount.ToString(CultureInfo.InvariantCulture),
        ["folds"] = Folds.ToString(CultureInfo.InvariantCulture),
        ["prune"] = Prune.ToString(CultureInfo.InvariantCulture),
    }.ToImmutableDictionary();
}
