using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Host;

/// <summary>
/// The host's own rules (Roslyn's AD0001 family): analyzer failures (PL0xxx), plugin load
/// problems (PL1xxx) and unusable inputs (PL2xxx). Configured like any other rule.
/// </summary>
public static class HostRules
{
    /// <summary>The analyzer name findings of these rules carry.</summary>
    public const string Analyzer = "pipeline";
    public const string Category = "Pipeline";

    public static readonly RuleDescriptor AnalyzerThrew = new("PL0001", "Analyzer threw an exception",
        "analyzer '{0}' {1} threw {2}: {3}", Category, Severity.Error)
    { Description = "The analyzer's writes for the document are dropped; analyzers that need its layers are skipped." };

    public static readonly RuleDescriptor AnalyzerTimedOut = new("PL0002", "Analyzer timed out",
        "analyzer '{0}' {1} {2}", Category, Severity.Error)
    { Description = "The call is abandoned (its cancellation token is cancelled) and the run moves on." };

    public static readonly RuleDescriptor AnalyzerSkipped = new("PL0003", "Analyzer skipped",
        "analyzer '{0}' skipped: {1}", Category, Severity.Warning)
    { Description = "A layer the analyzer requires is missing because its producer failed, timed out or did not run." };

    public static readonly RuleDescriptor AnalyzerNotStarted = new("PL0004", "Analyzer could not start",
        "analyzer '{0}' {1} ({2}) could not start: {3}", Category, Severity.Error)
    { Description = "Initialize or a run-start callback threw (a model missing...); the analyzer and its dependants do not run." };

    public static readonly RuleDescriptor HostFailed = new("PL0005", "The host failed on a document",
        "the host failed on this document: {0}", Category, Severity.Error)
    { Description = "Segmenting or writing the document failed; its record has status 'failed'. Please report it with the input." };

    public static readonly RuleDescriptor NotAnAssembly = new("PL1001", "Plugin file is not a .NET assembly",
        "not a .NET assembly: {0}", Category, Severity.Error);

    public static readonly RuleDescriptor MissingDependency = new("PL1002", "Plugin dependency missing",
        "missing dependency {0}; its analyzers are not loaded", Category, Severity.Error);

    public static readonly RuleDescriptor NoAnalyzers = new("PL1003", "No analyzers found in plugin",
        "no analyzers found: {0}", Category, Severity.Warning);

    public static readonly RuleDescriptor SdkVersionMismatch = new("PL1004", "Plugin built against another Pipeline.Sdk major version",
        "built against Pipeline.Sdk {0}, the host provides {1}; rebuild it against Pipeline.Sdk {2}.x", Category, Severity.Error);

    public static readonly RuleDescriptor DuplicateAnalyzerId = new("PL1005", "Duplicate analyzer id",
        "analyzer id '{0}' ({1}) is already used by {2}; this one is not loaded", Category, Severity.Error);

    public static readonly RuleDescriptor AnalyzerNotCreated = new("PL1006", "Analyzer could not be created",
        "analyzer {0} could not be created: {1}", Category, Severity.Error);

    public static readonly RuleDescriptor InputRejected = new("PL2001", "Input could not be analysed",
        "{0}", Category, Severity.Error)
    { Description = "Missing, unreadable, empty, binary, malformed or too large input; its record has status 'rejected'." };

    public static readonly RuleDescriptor InputWarning = new("PL2002", "Input read with a fallback",
        "{0}", Category, Severity.Warning)
    { Description = "The reader worked around a problem (a file that is not valid UTF-8 is read as Windows-1252); the record is analysed, but check its text." };

    public static readonly ImmutableArray<RuleDescriptor> All =
    [
        AnalyzerThrew, AnalyzerTimedOut, AnalyzerSkipped, AnalyzerNotStarted, HostFailed,
        NotAnAssembly, MissingDependency, NoAnalyzers, SdkVersionMismatch, DuplicateAnalyzerId, AnalyzerNotCreated,
        InputRejected, InputWarning,
    ];
}
