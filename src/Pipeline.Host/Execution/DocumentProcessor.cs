using System.Collections.Immutable;
using System.Diagnostics;
using Pipeline.Host.Configuration;
using Pipeline.Host.Output;
using Pipeline.Sdk;
using Pipeline.Text.Records;

namespace Pipeline.Host.Execution;

/// <summary>A document after every analyzer had its turn: what goes into its record and to the reporters.</summary>
/// <param name="Document">The document with the layers of the analyzers that ran.</param>
/// <param name="Reported">Its findings and failures as the console and SARIF report them (effective severities, positions).</param>
public sealed record DocumentAnalysis(
    Document Document,
    DocumentStatus Status,
    string? Reason,
    ImmutableArray<RecordFinding> Findings,
    ImmutableArray<FailureRecord> Failures,
    ImmutableArray<ReportedFinding> Reported);

/// <summary>
/// Runs the planned analyzers over one document, in order. An analyzer that throws or times out
/// loses its writes for the document; analyzers needing its layers are skipped.
/// </summary>
internal sealed class DocumentProcessor(IReadOnlyList<AnalyzerRuntime> runtimes, EffectiveConfig config, TimeSpan? timeout)
{
    private enum State { Ran, Threw, TimedOut, Skipped, DisabledHere, NotStarted }

    public async Task<DocumentAnalysis> ProcessAsync(Document document, string path, CancellationToken runToken)
    {
        var settings = config.For(path);
        var states = new State[runtimes.Count];
        var findings = ImmutableArray.CreateBuilder<RecordFinding>();
        var failures = ImmutableArray.CreateBuilder<FailureRecord>();
        var reported = ImmutableArray.CreateBuilder<ReportedFinding>();
        LineMap? lines = null;

        void Fail(AnalyzerRuntime rt, RuleDescriptor rule, string message, Exception? ex = null)
        {
            failures.Add(new FailureRecord(rule.Id, rt.Id, message)
            {
                PluginVersion = rt.Installed.Plugin.Version,
                Exception = ex is null ? null : $"{ex.GetType().FullName}: {ex.Message}",
                StackTrace = ex?.StackTrace,
            });
            var severity = settings.SeverityOf(rule.Id);
            if (severity != Severity.None)
                reported.Add(new ReportedFinding(rule.Id, severity, message, rt.Id) { Location = new FindingLocation(path) });
        }

        for (int i = 0; i < runtimes.Count; i++)
        {
            var rt = runtimes[i];
            if (rt.Disabled is { } disabled)
            {
                states[i] = State.NotStarted;
                failures.Add(new FailureRecord(disabled.RuleId, rt.Id, disabled.Reason) { PluginVersion = rt.Installed.Plugin.Version });
                continue;
            }
            if (!settings.IsEnabled(rt.Id))
            {
                states[i] = State.DisabledHere;
                continue;
            }
            var missing = rt.Planned.Producers.FirstOrDefault(p => states[p.Producer] != State.Ran);
            if (missing.Layer is not null)
            {
                states[i] = State.Skipped;
                var producer = runtimes[missing.Producer];
                Fail(rt, HostRules.AnalyzerSkipped, Finding.Create(HostRules.AnalyzerSkipped, default, rt.Id,
                    $"needs layer '{missing.Layer}' from '{producer.Id}', which {Describe(states[missing.Producer], producer, settings)}").Message);
                continue;
            }

            using var cts = new CallCancellation(runToken);
            var context = new HostDocumentContext(rt, document.WithOnlyLayers(rt.Reads), settings.OptionsFor(rt.Id), cts.Token);
            var (state, error) = rt.DocumentActions.Count == 0 ? (State.Ran, null) : await InvokeAsync(rt, context, cts, path, runToken);
            states[i] = state;
            switch (state)
            {
                case State.Ran:
                    document = context.Commit(document);
                    foreach (var f in context.Findings)
                    {
                        var severity = settings.SeverityOf(f.RuleId);
                        if (severity == Severity.None) continue;
                        lines ??= new LineMap(document.Text);
                        var (line, column) = lines.Locate(f.Span.Start);
                        var (endLine, endColumn) = lines.Locate(f.Span.End);
                        findings.Add(new RecordFinding(f with { Severity = severity }, rt.Id) { Line = line, Column = column });
                        reported.Add(new ReportedFinding(f.RuleId, severity, f.Message, rt.Id)
                        {
                            Location = new FindingLocation(path) { Span = f.Span, StartLine = line, StartColumn = column, EndLine = endLine, EndColumn = endColumn },
                        });
                    }
                    break;
                case State.Threw:
                    Fail(rt, HostRules.AnalyzerThrew, Finding.Create(HostRules.AnalyzerThrew, default,
                        rt.Id, rt.Installed.Version, error!.GetType().Name, error.Message).Message, error);
                    break;
                default:
                    Fail(rt, HostRules.AnalyzerTimedOut, Finding.Create(HostRules.AnalyzerTimedOut, default,
                        rt.Id, rt.Installed.Version, error?.Message ?? $"did not finish within {timeout!.Value.TotalSeconds:0.###} s; the call was abandoned").Message);
                    break;
            }
        }

        var status = failures.Count == 0 ? DocumentStatus.Ok
            : states.Contains(State.Ran) ? DocumentStatus.Partial
            : DocumentStatus.Failed;
        var reason = failures.Count == 0 ? null
            : string.Join("; ", failures.Select(f => $"{f.Analyzer}: {Short(f.RuleId)}"));
        return new DocumentAnalysis(document, status, reason, findings.ToImmutable(), failures.ToImmutable(), reported.ToImmutable());
    }

    private async Task<(State, Exception?)> InvokeAsync(AnalyzerRuntime rt, HostDocumentContext context, CallCancellation cts, string path, CancellationToken runToken)
    {
        if (!rt.Concurrent)
        {
            if (rt.HungOn is { } other)
                return (State.TimedOut, new TimeoutException($"was not called: its call on {other} is still running past the timeout"));
            if (timeout is null) await rt.Gate.WaitAsync(runToken);
            else if (!await rt.Gate.WaitAsync(timeout.Value, runToken))
                return (State.TimedOut, new TimeoutException($"waited more than {timeout.Value.TotalSeconds:0.###} s for its previous call to finish"));
        }
        bool release = !rt.Concurrent;
        long start = Stopwatch.GetTimestamp();
        try
        {
            if (timeout is null) return Result(Invoke(rt, context));
            var call = Task.Run(() => Invoke(rt, context), CancellationToken.None);
            try
            {
                return Result(await call.WaitAsync(timeout.Value, runToken));
            }
            catch (TimeoutException)
            {
                // Abandon the call: cancel its token, refuse its late writes, and keep a
                // non-concurrent analyzer's gate closed until the call really returns.
                cts.Abandon(call);
                context.Close();
                rt.Abandoned(call);
                if (release)
                {
                    release = false;
                    rt.HungOn = path;
                    _ = call.ContinueWith(_ => { rt.HungOn = null; rt.Gate.Release(); }, TaskScheduler.Default);
                }
                return (State.TimedOut, null);
            }
        }
        finally
        {
            rt.AddCall(Stopwatch.GetTimestamp() - start);
            if (release) rt.Gate.Release();
        }
    }

    /// <summary>
    /// One call's cancellation source, disposed when the call is done: at the end of its step, or,
    /// for a call abandoned past its timeout, when it really returns (it may not even have started,
    /// and then reads its token, or waits on its handle, only after the run has moved on).
    /// </summary>
    private sealed class CallCancellation(CancellationToken runToken) : IDisposable
    {
        private readonly CancellationTokenSource _source = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        private bool _abandoned;

        public CancellationToken Token => _source.Token;

        /// <summary>Cancels the call's token and leaves the source to the call.</summary>
        public void Abandon(Task call)
        {
            _source.Cancel();
            _abandoned = true;
            _ = call.ContinueWith(_ => _source.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        public void Dispose()
        {
            if (!_abandoned) _source.Dispose();
        }
    }

    private static (State, Exception?) Result(Exception? error) => error is null ? (State.Ran, null) : (State.Threw, error);

    /// <summary>Runs the analyzer's callbacks; the exception is returned, not rethrown, so its stack holds only the analyzer's frames.</summary>
    private static Exception? Invoke(AnalyzerRuntime rt, HostDocumentContext context)
    {
        try
        {
            foreach (var action in rt.DocumentActions) action(context);
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static string Describe(State state, AnalyzerRuntime producer, FileSettings settings) => state switch
    {
        State.Threw => "threw on this document",
        State.TimedOut => "timed out on this document",
        State.Skipped => "was skipped",
        State.NotStarted => "could not start",
        State.DisabledHere => $"is disabled for this file by {settings.DisabledBy(producer.Id)?.JsonPath}",
        _ => "did not run",
    };

    private static string Short(string ruleId) => ruleId switch
    {
        "PL0001" => "threw",
        "PL0002" => "timed out",
        "PL0003" => "skipped",
        "PL0004" => "could not start",
        _ => ruleId,
    };
}
