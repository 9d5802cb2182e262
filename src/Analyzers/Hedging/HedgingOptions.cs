using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging;

public enum HedgingTier { Lexicon, Ml }

/// <summary>Which lexicon cues the ML tier adds where its tagger found no cue.</summary>
public enum LexiconFill
{
    /// <summary>Every lexicon cue: news hedges the tagger rarely saw in training.</summary>
    All,
    /// <summary>Weasel cues only (the training corpora have no weasel labels).</summary>
    Weasel,
    /// <summary>None: the tagger alone.</summary>
    None,
}

/// <summary>The analyzer's options (pipeline.json "analyzers": { "hedging": { "options": { ... } } }).</summary>
public sealed record HedgingOptions
{
    public const string DefaultLexicon = "hedging-lexicon";
    public const string DefaultModel = "hedging-ml";

    /// <summary>"lexicon" or "ml".</summary>
    public HedgingTier Tier { get; init; } = HedgingTier.Ml;
    /// <summary>Lexicon folder (name or path) of the lexicon tier.</summary>
    public string Lexicon { get; init; } = DefaultLexicon;
    /// <summary>Model folder (name or path) of the ML tier.</summary>
    public string Model { get; init; } = DefaultModel;
    /// <summary>ML tier: the cue probability a token needs; null keeps the model's own (tuned on its dev set). Lower finds more hedges, less precisely.</summary>
    public double? CueThreshold { get; init; }
    /// <summary>ML tier: which lexicon cues fill in where the tagger found none.</summary>
    public LexiconFill LexiconFill { get; init; } = LexiconFill.All;
    /// <summary>An encoder-tier model's MiniLM encoder with 8-bit weight matrices (faster, figures a little off).</summary>
    public bool Int8 { get; init; }
    /// <summary>Whether weasel cues (vague sources) are produced; off to score against corpora without weasel labels.</summary>
    public bool Weasels { get; init; } = true;
    /// <summary>HDG004 fires when a sentence holds at least this many cues.</summary>
    public int StackThreshold { get; init; } = 3;
    /// <summary>Cue types HDG001 reports in the reporter's voice.</summary>
    public ImmutableHashSet<HedgeType> ReporterHedgeTypes { get; init; } = [HedgeType.Epistemic, HedgeType.Doxastic];
    /// <summary>
    /// Stems of reporting verbs by which the reporter casts doubt on a written speaker's words (HDG005):
    /// "Russia claims", "critics allege". Other hedges that are a written speaker's reporting verb
    /// ("Kennedy believes", "analysts expected") are that speaker's.
    /// </summary>
    public ImmutableArray<string> DoubtVerbs { get; init; } = ["claim", "alleg", "purport", "insist"];

    /// <exception cref="ArgumentException">An option has a value outside its range; the message names it.</exception>
    public static HedgingOptions From(AnalyzerOptions options)
    {
        var result = new HedgingOptions();
        var tier = options.GetString("tier");
        if (tier is not null)
            result = result with
            {
                Tier = tier.ToLowerInvariant() switch
                {
                    "lexicon" => HedgingTier.Lexicon,
                    "ml" => HedgingTier.Ml,
                    _ => throw new ArgumentException($"hedging: option tier must be \"lexicon\" or \"ml\", not \"{tier}\""),
                },
            };
        var fill = options.GetString("lexiconFill");
        if (fill is not null)
            result = result with
            {
                LexiconFill = Enum.TryParse<LexiconFill>(fill, ignoreCase: true, out var f) ? f
                    : throw new ArgumentException($"hedging: option lexiconFill must be \"all\", \"weasel\" or \"none\", not \"{fill}\""),
            };
        int threshold = options.GetInt("stackThreshold", result.StackThreshold);
        if (threshold < 2) throw new ArgumentException($"hedging: option stackThreshold must be at least 2, not {threshold}");
        double? cueThreshold = options.Contains("cueThreshold") ? options.GetDouble("cueThreshold", double.NaN) : null;
        if (cueThreshold is { } c && !(c > 0 && c < 1)) throw new ArgumentException($"hedging: option cueThreshold must be between 0 and 1, not {cueThreshold}");
        var types = options.GetStrings("reporterHedgeTypes");
        var doubtVerbs = options.GetStrings("doubtVerbs");
        return result with
        {
            Lexicon = options.GetString("lexicon", result.Lexicon),
            Model = options.GetString("model", result.Model),
            StackThreshold = threshold,
            CueThreshold = cueThreshold,
            Weasels = options.GetBool("weasels", result.Weasels),
            Int8 = options.GetBool("int8", result.Int8),
            ReporterHedgeTypes = types.IsDefaultOrEmpty ? result.ReporterHedgeTypes : types.Select(ParseType).ToImmutableHashSet(),
            DoubtVerbs = doubtVerbs.IsDefaultOrEmpty ? result.DoubtVerbs : [.. doubtVerbs.Select(v => v.ToLowerInvariant())],
        };
    }

    /// <summary>Whether a cue's text starts with one of <see cref="DoubtVerbs"/>.</summary>
    public bool IsDoubtVerb(string cue)
    {
        foreach (var stem in DoubtVerbs)
            if (cue.StartsWith(stem, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static HedgeType ParseType(string name) =>
        Enum.TryParse<HedgeType>(name, ignoreCase: true, out var type) ? type
        : throw new ArgumentException($"hedging: unknown cue type \"{name}\" in reporterHedgeTypes");
}
