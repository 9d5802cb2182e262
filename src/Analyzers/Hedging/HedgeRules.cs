using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging;

/// <summary>The hedging rules. Severities are defaults; pipeline.json overrides them per rule or category.</summary>
public static class HedgeRules
{
    public const string Category = "Hedging";

    public static readonly RuleDescriptor ReporterHedge = new(
        "HDG001", "Hedge in the reporter's own voice",
        "'{0}' hedges in the reporter's own voice ({1}): attribute the doubt or say what is known",
        Category, Severity.Suggestion)
    {
        Description = "An epistemic or doxastic cue outside any quote or reported clause: the article itself sounds unsure.",
    };

    public static readonly RuleDescriptor VagueSource = new(
        "HDG002", "Weasel word or vague attribution",
        "'{0}' is a vague source: name who says it",
        Category, Severity.Warning)
    {
        Description = "A source nobody can check: \"some observers\", \"unidentified officials\", \"critics say\", \"it is believed\"; "
            + "a headcount of people (\"many people\") only when they say or think something or are a quote's speaker.",
    };

    public static readonly RuleDescriptor HedgedHeadline = new(
        "HDG003", "Hedged headline",
        "The headline hedges with '{0}' ({1})",
        Category, Severity.Warning)
    {
        Description = "A headline that hedges (\"may\", \"reportedly\", \"could\") states less than readers take from it.",
    };

    public static readonly RuleDescriptor StackedHedges = new(
        "HDG004", "Stacked hedges",
        "The sentence stacks {0} hedges: {1}",
        Category, Severity.Suggestion)
    {
        Description = "Several hedges in one sentence (option stackThreshold, default 3) leave the reader unsure what is claimed.",
    };

    public static readonly RuleDescriptor DoubtingReportingVerb = new(
        "HDG005", "Reporting verb that casts doubt",
        "'{0}' casts doubt on the words it gives to {1}: write 'said', or give the evidence",
        Category, Severity.Suggestion)
    {
        Description = "A reporting verb of doubt (option doubtVerbs: claim, allege, purport, insist) introducing the words of a speaker the text writes "
            + "(\"Russia claims\", \"he insisted\", \"critics claim\"): the reporter attributes the words but signals doubt with the verb. Takes the place of HDG001 for such cues.",
    };

    public static readonly ImmutableArray<RuleDescriptor> All = [ReporterHedge, VagueSource, HedgedHeadline, StackedHedges, DoubtingReportingVerb];
}
