using System.Collections.Immutable;
using System.Diagnostics;
using Pipeline.Host.Loading;
using Pipeline.Host.Scheduling;
using Pipeline.Sdk;

namespace Pipeline.Host.Execution;

/// <summary>One analyzer during a run: what it registered, whether it may run, and its time.</summary>
internal sealed class AnalyzerRuntime
{
    private long _documentTicks;
    private long _calls;

    public AnalyzerRuntime(PlannedAnalyzer planned)
    {
        Planned = planned;
        Requires = planned.Installed.Requires.ToImmutableHashSet();
        OptionalRequires = planned.Installed.OptionalRequires.ToImmutableHashSet();
        Reads = Requires.Union(OptionalRequires);
        Produces = planned.Installed.Produces.ToImmutableHashSet();
        RuleIds = planned.Installed.Rules.Select(r => r.Id).ToImmutableHashSet(StringComparer.Ordinal);
        // LayerKey<T>.IdPrefix, read once; a plain LayerKey numbers its ids after its initial.
        IdPrefixes = Produces.ToImmutableDictionary(l => l,
            l => l.GetType().GetProperty(nameof(LayerKey<Annotation>.IdPrefix))?.GetValue(l) as string ?? l.Name[..1]);
    }

    public PlannedAnalyzer Planned { get; }
    public InstalledAnalyzer Installed => Planned.Installed;
    public string Id => Installed.Id;
    public ImmutableHashSet<LayerKey> Requires { get; }
    public ImmutableHashSet<LayerKey> OptionalRequires { get; }
    /// <summary>Every layer its document view may carry: Requires and OptionalRequires.</summary>
    public ImmutableHashSet<LayerKey> Reads { get; }
    public ImmutableHashSet<LayerKey> Produces { get; }
    public ImmutableHashSet<string> RuleIds { get; }
    public ImmutableDictionary<LayerKey, string> IdPrefixes { get; }

    public bool Concurrent { get; set; }
    public List<Action<RunStartContext>> RunStartActions { get; } = [];
    public List<Action<DocumentContext>> DocumentActions { get; } = [];
    public List<Action<RunEndContext>> RunEndActions { get; } = [];

    /// <summary>Serialises the calls of an analyzer that did not enable concurrent execution.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Why the analyzer does not run at all in this run (it or a producer it needs could not start).</summary>
    public RunDisabled? Disabled { get; set; }

    /// <summary>The document whose timed-out call is still running (analyzers without concurrent execution only).</summary>
    public volatile string? HungOn;

    public long RunStartTicks { get; set; }
    public TimeSpan DocumentTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _documentTicks));
    public long Calls => Interlocked.Read(ref _calls);

    public void AddCall(long ticks)
    {
        Interlocked.Add(ref _documentTicks, ticks);
        Interlocked.Increment(ref _calls);
    }

    private int _abandonedRunning;

    /// <summary>Whether a call abandoned after its timeout is still running (and may still use the run's services).</summary>
    public bool HasAbandonedCalls => Volatile.Read(ref _abandonedRunning) > 0;

    /// <summary>Counts <paramref name="call"/>, abandoned after its timeout, until it really returns.</summary>
    public void Abandoned(Task call)
    {
        Interlocked.Increment(ref _abandonedRunning);
        _ = call.ContinueWith(_ => Interlocked.Decrement(ref _abandonedRunning), TaskScheduler.Default);
    }
}

/// <summary>An analyzer left out of a run: PL0004 when it could not start, PL0003 when a producer it needs could not.</summary>
internal sealed record RunDisabled(string RuleId, string Reason);
