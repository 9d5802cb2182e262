using System.Collections.Immutable;
using Pipeline.Text.Records;

namespace Pipeline.Host.Running;

/// <summary>What `pipeline run` was asked to do.</summary>
public sealed record RunOptions
{
    /// <summary>Folders (recursively), files, globs and @list files.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }
    public required string OutputDirectory { get; init; }
    public int Jobs { get; init; } = Environment.ProcessorCount;
    public bool Resume { get; init; }
    public bool ReportAnalyzers { get; init; }
    /// <summary>Only errors and the summary on the console.</summary>
    public bool Quiet { get; init; }
    /// <summary>Show a progress line on the error stream (only when it is a terminal).</summary>
    public bool Progress { get; init; }
    /// <summary>Claims added to pipeline.json's (--claims FILE).</summary>
    public ImmutableArray<string> Claims { get; init; } = [];
    public int? MaxCharacters { get; init; }
    public double? TimeoutSeconds { get; init; }
    public TextWriter Out { get; init; } = Console.Out;
    public TextWriter Error { get; init; } = Console.Error;
}

/// <summary>Exit codes of `pipeline` (docs/FORMATS.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Error-severity findings (analyzer or host: a rejected input, an analyzer failure, a load problem) or failed documents.</summary>
    public const int Findings = 1;
    /// <summary>Bad command line, invalid pipeline.json, start-up error (missing producer, cycle), output not writable.</summary>
    public const int Usage = 2;
    /// <summary>Interrupted (Ctrl+C); the records written so far are complete.</summary>
    public const int Interrupted = 130;
}

/// <summary>What a run did.</summary>
public sealed record RunResult
{
    public required IReadOnlyDictionary<DocumentStatus, int> Statuses { get; init; }
    public int Documents => Statuses.Values.Sum();
    /// <summary>Records kept from the previous run by --resume.</summary>
    public int Reused { get; init; }
    public int Errors { get; init; }
    public int Warnings { get; init; }
    public int Suggestions { get; init; }
    public long Characters { get; init; }
    public long Tokens { get; init; }
    public TimeSpan Elapsed { get; init; }
    public bool Cancelled { get; init; }

    public int ExitCode => Cancelled ? ExitCodes.Interrupted
        : Errors > 0 || Statuses.GetValueOrDefault(DocumentStatus.Failed) > 0 ? ExitCodes.Findings
        : ExitCodes.Ok;
}
