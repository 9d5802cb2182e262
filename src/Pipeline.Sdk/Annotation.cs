using System.Collections.Immutable;

namespace Pipeline.Sdk;

/// <summary>Who made an annotation and how.</summary>
/// <param name="Analyzer">Analyzer id, e.g. "entities".</param>
/// <param name="Version">Analyzer version.</param>
public sealed record Provenance(string Analyzer, string Version)
{
    /// <summary>Model id (name and short hash) when a model decided.</summary>
    public string? Model { get; init; }
    /// <summary>The rule, sieve or model stage that decided, e.g. "sieve:said-trailer".</summary>
    public string? Method { get; init; }
}

/// <summary>
/// Base of every annotation in a layer: an id unique in its document, a span, a confidence
/// in [0, 1] and its provenance. Annotations link to each other by id.
/// </summary>
public abstract record Annotation
{
    public required string Id { get; init; }
    public required TextSpan Span { get; init; }
    public double Confidence { get; init; } = 1.0;
    public Provenance? Provenance { get; init; }
}

/// <summary>A labelled span, for layers of plugins that need nothing more.</summary>
public sealed record LabeledSpan : Annotation
{
    public required string Label { get; init; }
    public ImmutableDictionary<string, string> Properties { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>CoNLL-2003 entity types.</summary>
public static class EntityTypes
{
    public const string Person = "PER";
    public const string Organization = "ORG";
    public const string Location = "LOC";
    public const string Miscellaneous = "MISC";
    public static readonly ImmutableArray<string> All = [Person, Organization, Location, Miscellaneous];
}

/// <summary>A named-entity mention, with the in-document cluster it belongs to.</summary>
public sealed record EntityMention : Annotation
{
    /// <summary>PER, ORG, LOC or MISC (see <see cref="EntityTypes"/>).</summary>
    public required string Type { get; init; }
    /// <summary>Id of the mention's entity cluster; mentions of one entity share it.</summary>
    public required string ClusterId { get; init; }
    /// <summary>The cluster's canonical name (its longest full-name mention).</summary>
    public required string CanonicalName { get; init; }
}

public enum QuoteKind { Direct, Indirect, Mixed }

/// <summary>
/// Reported speech. <see cref="Annotation.Span"/> is the hull of the content; a quote
/// interrupted by its attribution has several content segments.
/// </summary>
public sealed record Quote : Annotation
{
    public required QuoteKind Kind { get; init; }
    public required ImmutableArray<TextSpan> Content { get; init; }
    /// <summary>The reporting cue ("said", "according to", a colon) when there is one.</summary>
    public TextSpan? Cue { get; init; }
}

public enum SpeakerKind { Named, Pronoun, Anonymous, Unknown }

/// <summary>
/// Links a quote to its speaker. <see cref="Annotation.Span"/> is the speaker's span in the
/// text (the quote's span when no speaker is written).
/// </summary>
public sealed record Attribution : Annotation
{
    public required string QuoteId { get; init; }
    public required SpeakerKind SpeakerKind { get; init; }
    /// <summary>The speaker as written ("he", "unidentified officials", "Sivitsky").</summary>
    public string? SpeakerText { get; init; }
    /// <summary>The speaker's entity cluster when the speaker resolves to one.</summary>
    public string? ClusterId { get; init; }
    /// <summary>The cluster's canonical name, for readers of the output.</summary>
    public string? CanonicalName { get; init; }
}

/// <summary>Szeged uncertainty cue types, plus weasel (vague source).</summary>
public enum HedgeType { Epistemic, Doxastic, Investigation, Condition, Weasel }

/// <summary>Whose voice an annotation is in.</summary>
public enum HolderKind { Author, Speaker }

/// <summary>A hedge or weasel cue and whose hedge it is.</summary>
public sealed record HedgeCue : Annotation
{
    public required HedgeType Type { get; init; }
    public HolderKind Holder { get; init; } = HolderKind.Author;
    /// <summary>The quote the cue sits in, when the holder is a speaker.</summary>
    public string? QuoteId { get; init; }
    /// <summary>The speaker's cluster, when the quote is attributed to an entity.</summary>
    public string? HolderClusterId { get; init; }
    /// <summary>The holder's name as shown to readers ("author", a canonical name, a speaker text).</summary>
    public string? HolderName { get; init; }
}

/// <summary>A sentence judged uncertain (it holds at least one cue), with the model's score.</summary>
public sealed record SentenceUncertainty : Annotation
{
    public required bool Uncertain { get; init; }
    public ImmutableArray<string> CueIds { get; init; } = [];
}

public enum StanceLabel { Negative, Neutral, Positive }

public enum StanceScope { Mention, Article }

/// <summary>
/// Stance toward an entity cluster: per mention (Span is the mention's sentence) or
/// aggregated per article (Span is the whole text).
/// </summary>
public sealed record EntityStance : Annotation
{
    public required string ClusterId { get; init; }
    public required string CanonicalName { get; init; }
    public required StanceScope Scope { get; init; }
    public required StanceLabel Label { get; init; }
    /// <summary>The mention this stance is about (Mention scope).</summary>
    public string? MentionId { get; init; }
    public HolderKind Holder { get; init; } = HolderKind.Author;
    public string? HolderClusterId { get; init; }
    public string? HolderName { get; init; }
    /// <summary>Probability of negative, neutral and positive, in that order.</summary>
    public ImmutableArray<double> Scores { get; init; } = [];
    /// <summary>Spans that carried the decision (sentences, cue words).</summary>
    public ImmutableArray<TextSpan> Evidence { get; init; } = [];
}

public enum ClaimStanceLabel { Agree, Disagree, Discuss, Unrelated }

/// <summary>How an article stands toward a claim (FNC-1 classes).</summary>
public sealed record ClaimStance : Annotation
{
    public required string Claim { get; init; }
    public required ClaimStanceLabel Label { get; init; }
    /// <summary>Probability of agree, disagree, discuss and unrelated, in that order.</summary>
    public ImmutableArray<double> Scores { get; init; } = [];
    public ImmutableArray<TextSpan> Evidence { get; init; } = [];
}
