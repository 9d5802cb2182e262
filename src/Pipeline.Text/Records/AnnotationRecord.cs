using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Text.Records;

/// <summary>What happened to an input document.</summary>
public enum DocumentStatus
{
    /// <summary>Every enabled analyzer ran.</summary>
    Ok,
    /// <summary>Some analyzers failed or were skipped; the others' layers are there.</summary>
    Partial,
    /// <summary>The document was read but no analyzer result could be kept.</summary>
    Failed,
    /// <summary>Not analysed by choice (resume found it already done, or a filter excluded it).</summary>
    Skipped,
    /// <summary>Not analysed because the input is unusable (empty, binary, too large, malformed).</summary>
    Rejected,
}

/// <summary>A finding as written in outputs: the SDK finding plus who reported it and where.</summary>
public sealed record RecordFinding(Finding Finding, string Analyzer)
{
    /// <summary>1-based line and column of the span start (computed from the text by writers).</summary>
    public int Line { get; init; }
    public int Column { get; init; }
}

/// <summary>An analyzer failure on a document (PL0001 threw, PL0002 timed out, PL0003 skipped...).</summary>
public sealed record FailureRecord(string RuleId, string Analyzer, string Message)
{
    public string? PluginVersion { get; init; }
    public string? Exception { get; init; }
    public string? StackTrace { get; init; }
}

/// <summary>
/// One line of annotations.jsonl: exactly one per input document. The same record is the gold
/// format for training and evaluation (analyze, correct, train: no conversion).
/// </summary>
public sealed record AnnotationRecord
{
    public const string SchemaVersion = "pipeline.annotations/1";

    /// <summary>Content hash of the text; for a rejected input with no text, a hash of its path.</summary>
    public required string Id { get; init; }
    /// <summary>Input path, plus "#n" (1-based) for the n-th record of a JSON Lines input.</summary>
    public required string Path { get; init; }
    public required DocumentStatus Status { get; init; }
    /// <summary>Why the status is not ok, in one line.</summary>
    public string? Reason { get; init; }
    /// <summary>The document with its layers; null when the input could not be read.</summary>
    public Document? Document { get; init; }
    public ImmutableArray<RecordFinding> Findings { get; init; } = [];
    public ImmutableArray<FailureRecord> Failures { get; init; } = [];
}
