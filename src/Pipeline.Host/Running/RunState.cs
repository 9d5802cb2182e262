using Pipeline.Host.Output;
using Pipeline.Sdk;
using Pipeline.Text.Records;

namespace Pipeline.Host.Running;

/// <summary>The run's reporting and counts: console lines, SARIF results, statuses, severities.</summary>
internal sealed class RunState(RunOptions options)
{
    private readonly ConsoleReporter _console = new(options.Out, options.Quiet);
    private readonly List<ReportedFinding> _early = [];
    private readonly Dictionary<DocumentStatus, int> _statuses = Enum.GetValues<DocumentStatus>().ToDictionary(s => s, _ => 0);
    private long _documents, _characters;
    private int _reused, _errors, _warnings, _suggestions;

    /// <summary>Set once findings.sarif is open; findings reported before go into it then.</summary>
    public SarifWriter? Sarif { get; set; }

    public long Documents => Interlocked.Read(ref _documents);
    public long CharactersDone => Interlocked.Read(ref _characters);

    /// <summary>A start-up finding (load problem, analyzer that could not start).</summary>
    public void ReportNow(ReportedFinding finding)
    {
        if (Sarif is null)
        {
            _console.Report(finding);
            Count(finding);
            _early.Add(finding);
        }
        else Report(finding, console: true);
    }

    public void FlushEarlyFindings()
    {
        foreach (var f in _early) Sarif!.Add(f);
        _early.Clear();
    }

    public void Report(ReportedFinding finding, bool console)
    {
        if (finding.Severity == Severity.None) return;
        if (console) _console.Report(finding);
        Sarif!.Add(finding);
        Count(finding);
    }

    public void CountDocument(DocumentStatus status, long characters, bool kept)
    {
        _statuses[status]++;
        if (kept) _reused++;
        Interlocked.Increment(ref _documents);
        Interlocked.Add(ref _characters, characters);
    }

    public RunResult Result(TimeSpan elapsed, bool cancelled, long characters, long tokens) => new()
    {
        Statuses = new Dictionary<DocumentStatus, int>(_statuses),
        Reused = _reused,
        Errors = _errors,
        Warnings = _warnings,
        Suggestions = _suggestions,
        Characters = characters,
        Tokens = tokens,
        Elapsed = elapsed,
        Cancelled = cancelled,
    };

    private void Count(ReportedFinding finding)
    {
        switch (finding.Severity)
        {
            case Severity.Error: _errors++; break;
            case Severity.Warning: _warnings++; break;
            case Severity.Suggestion: _suggestions++; break;
        }
    }
}

/// <summary>A progress line on the error stream, rewritten in place (interactive terminals only).</summary>
internal sealed class ProgressLine : IDisposable
{
    private readonly TextWriter _writer;
    private readonly Timer _timer;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public ProgressLine(TextWriter writer, RunState state)
    {
        _writer = writer;
        _timer = new Timer(_ =>
        {
            double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
            var chars = state.CharactersDone;
            lock (_writer) _writer.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"\r{state.Documents} documents, {chars / 1e6:0.0} M characters, {chars / 1e6 / seconds:0.0} M/s   "));
        }, null, 500, 500);
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_writer) _writer.Write("\r" + new string(' ', 70) + "\r");
    }
}
