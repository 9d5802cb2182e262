using System.Collections.Immutable;
using System.Globalization;

namespace Pipeline.Sdk;

/// <summary>How much a finding matters; configured per rule and per category like Roslyn's.</summary>
public enum Severity
{
    /// <summary>Not reported.</summary>
    None,
    Suggestion,
    Warning,
    Error,
}

/// <summary>Describes a rule an analyzer can report, like Roslyn's DiagnosticDescriptor.</summary>
/// <param name="Id">Stable id, e.g. "HDG001".</param>
/// <param name="Title">Short title.</param>
/// <param name="MessageFormat">Composite format string for messages ({0}, {1}...).</param>
/// <param name="Category">Category used by per-category severity settings.</param>
/// <param name="DefaultSeverity">Severity unless configuration says otherwise.</param>
public sealed record RuleDescriptor(
    string Id,
    string Title,
    string MessageFormat,
    string Category,
    Severity DefaultSeverity)
{
    public bool IsEnabledByDefault { get; init; } = true;
    public string? Description { get; init; }
    public string? HelpUri { get; init; }
}

/// <summary>A rule hit in a document.</summary>
public sealed record Finding
{
    public required string RuleId { get; init; }
    public required TextSpan Span { get; init; }
    public required string Message { get; init; }
    /// <summary>The rule's default severity when reported; the host replaces it with the effective one.</summary>
    public Severity Severity { get; init; } = Severity.Warning;
    /// <summary>Ids of annotations the finding is about (a quote, a cue...).</summary>
    public ImmutableArray<string> AnnotationIds { get; init; } = [];
    public ImmutableDictionary<string, string> Properties { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>A finding of <paramref name="rule"/> at <paramref name="span"/>, its message formatted from the rule.</summary>
    public static Finding Create(RuleDescriptor rule, TextSpan span, params object?[] messageArgs) => new()
    {
        RuleId = rule.Id,
        Span = span,
        Severity = rule.DefaultSeverity,
        Message = messageArgs.Length == 0
            ? rule.MessageFormat
            : string.Format(CultureInfo.InvariantCulture, rule.MessageFormat, messageArgs),
    };
}
