using Pipeline.Analyzers.Stance.Training;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance;

/// <summary>
/// The analyzer's options: "tier" (fast: lexical features; accurate: plus the text encoder; it
/// picks the entity-stance model), "entityModel" and "claimModel" (names or folders; default
/// stance-entity-&lt;tier&gt; and stance-claim; a model's own settings say whether it reads the
/// encoder), "model" (one model folder, e.g. from --model, used for the task it was trained
/// for), and "articleMargin" (how far negative sites must outnumber positive ones, as a share of
/// all sites, for an article-level negative stance; likewise for positive).
/// </summary>
public sealed record StanceOptions
{
    // Fast by default: the encoder tier costs about half a second per article (opt in with "tier": "accurate").
    public const string DefaultTier = StanceTiers.Fast;

    public string Tier { get; init; } = DefaultTier;
    public string EntityModel { get; init; } = "stance-entity-" + DefaultTier;
    public const string DefaultClaimModel = "stance-claim";

    public string ClaimModel { get; init; } = DefaultClaimModel;
    /// <summary>A model folder that replaces the default model of its task.</summary>
    public string? Model { get; init; }
    public double ArticleMargin { get; init; } = 0.15;
    /// <summary>The models' MiniLM encoders with 8-bit weight matrices (faster, figures a little off).</summary>
    public bool Int8 { get; init; }

    public static StanceOptions From(AnalyzerOptions o)
    {
        var tier = o.GetString("tier", DefaultTier);
        if (tier is not (StanceTiers.Fast or StanceTiers.Accurate))
            throw new ArgumentException($"stance: option tier is '{tier}'; expected '{StanceTiers.Fast}' or '{StanceTiers.Accurate}'");
        double margin = o.GetDouble("articleMargin", 0.15);
        if (margin is <= 0 or > 1) throw new ArgumentException($"stance: option articleMargin is {margin}; expected a number in (0, 1]");
        return new StanceOptions
        {
            Tier = tier,
            EntityModel = o.GetString("entityModel", "stance-entity-" + tier),
            ClaimModel = o.GetString("claimModel", DefaultClaimModel),
            Model = o.GetString("model"),
            ArticleMargin = margin,
            Int8 = o.GetBool("int8", false),
        };
    }
}
