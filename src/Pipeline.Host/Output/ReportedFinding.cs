using Pipeline.Sdk;

namespace Pipeline.Host.Output;

/// <summary>Where a reported finding points: a file, and a span of its analysed text when known.</summary>
public sealed record FindingLocation(string Path)
{
    public TextSpan? Span { get; init; }
    public int StartLine { get; init; }
    public int StartColumn { get; init; }
    public int EndLine { get; init; }
    public int EndColumn { get; init; }
}

/// <summary>
/// A finding as the reporters (console, SARIF) see it: analyzer findings and the host's own
/// (PL rules), with the effective severity already applied.
/// </summary>
public sealed record ReportedFinding(string RuleId, Severity Severity, string Message, string Analyzer)
{
    /// <summary>Null for run-level findings (a run-end report, an analyzer that could not start).</summary>
    public FindingLocation? Location { get; init; }
}
