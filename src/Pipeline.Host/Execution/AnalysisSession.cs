using System.Collections.Immutable;
using System.Diagnostics;
using Pipeline.Host.Configuration;
using Pipeline.Host.Loading;
using Pipeline.Host.Output;
using Pipeline.Host.Scheduling;
using Pipeline.Host.Services;
using Pipeline.Sdk;

namespace Pipeline.Host.Execution;

/// <summary>What a session needs besides the analyzers and the configuration.</summary>
public sealed record SessionOptions
{
    public ModelCatalog Models { get; init; } = new([]);
    public ServiceRegistry Services { get; init; } = new();
    public ImmutableArray<string> Claims { get; init; } = [];
    /// <summary>Where analyzers' log messages go.</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;
    /// <summary>Drop analyzers' info messages.</summary>
    public bool Quiet { get; init; }
    /// <summary>Per analyzer call on a document; null: none.</summary>
    public TimeSpan? Timeout { get; init; }
    /// <summary>Layers the documents carry before any analyzer runs (gold layers in training and evaluation); they need no producer.</summary>
    public ImmutableArray<LayerKey> InputLayers { get; init; } = [];
}

/// <summary>
/// The host's execution of a set of analyzers: planned, initialised and started in plan order,
/// then documents analysed one call at a time (from any number of threads), then ended. An
/// analyzer that cannot start is left out with its dependants; the others go on. The batch
/// runner and the markup verifier both run analyzers through it.
/// </summary>
public sealed class AnalysisSession
{
    private readonly EffectiveConfig _config;
    private readonly TextWriter _log;
    private readonly bool _quiet;
    private readonly DocumentProcessor _processor;

    private AnalysisSession(IReadOnlyList<AnalyzerRuntime> runtimes, EffectiveConfig config, SessionOptions options)
    {
        Runtimes = runtimes;
        _config = config;
        _log = options.Log;
        _quiet = options.Quiet;
        _processor = new DocumentProcessor(runtimes, config, options.Timeout);
    }

    internal IReadOnlyList<AnalyzerRuntime> Runtimes { get; }

    /// <summary>The analyzers in run order.</summary>
    public IEnumerable<InstalledAnalyzer> Analyzers => Runtimes.Select(r => r.Installed);

    /// <summary>Whether the analyzer asked for concurrent execution in Initialize.</summary>
    public bool IsConcurrent(string analyzerId) => Runtimes.Any(r => r.Id == analyzerId && r.Concurrent);

    /// <summary>Analyzers left out of the whole run (they or a producer they need could not start).</summary>
    public IEnumerable<string> NotRunning => Runtimes.Where(r => r.Disabled is not null).Select(r => r.Id);

    /// <summary>Runs every analyzer of the session over one segmented document.</summary>
    public Task<DocumentAnalysis> AnalyseAsync(Document document, string path, CancellationToken cancellationToken = default) =>
        _processor.ProcessAsync(document, path, cancellationToken);

    /// <summary>Analyzers left out of the run (PL0004 could not start, PL0003 a producer could not).</summary>
    public ImmutableArray<ReportedFinding> StartProblems { get; private set; } = [];

    /// <summary>Plans and starts the enabled analyzers of <paramref name="catalog"/>.</summary>
    /// <exception cref="StartupException">They cannot be scheduled.</exception>
    public static AnalysisSession Start(AnalyzerCatalog catalog, EffectiveConfig config, SessionOptions options, CancellationToken cancellationToken = default)
    {
        var plan = Scheduler.Plan(catalog, config, options.InputLayers);
        var (models, services, claims) = (options.Models, options.Services, options.Claims);
        var runtimes = plan.Analyzers.Select(p => new AnalyzerRuntime(p)).ToList();
        var session = new AnalysisSession(runtimes, config, options);
        var problems = ImmutableArray.CreateBuilder<ReportedFinding>();
        foreach (var rt in runtimes)
        {
            var location = new FindingLocation(rt.Installed.Plugin.Location);
            var missing = rt.Planned.Producers.FirstOrDefault(p => runtimes[p.Producer].Disabled is not null);
            if (missing.Layer is not null)
            {
                var reason = $"needs layer '{missing.Layer}' from '{runtimes[missing.Producer].Id}', which could not start";
                rt.Disabled = new RunDisabled(HostRules.AnalyzerSkipped.Id, Finding.Create(HostRules.AnalyzerSkipped, default, rt.Id, reason).Message);
                problems.Add(session.Problem(HostRules.AnalyzerSkipped, rt.Disabled.Reason, location));
                continue;
            }
            long start = Stopwatch.GetTimestamp();
            var error = Initialize(rt) ?? StartRun(rt, config, models, services, claims, session.LogFor(rt.Id), cancellationToken);
            rt.RunStartTicks = Stopwatch.GetTimestamp() - start;
            if (error is not null)
            {
                var message = Finding.Create(HostRules.AnalyzerNotStarted, default, rt.Id, rt.Installed.Version, rt.Installed.Plugin.Location, error).Message;
                rt.Disabled = new RunDisabled(HostRules.AnalyzerNotStarted.Id, message);
                problems.Add(session.Problem(HostRules.AnalyzerNotStarted, message, location));
            }
        }
        session.StartProblems = problems.ToImmutable();
        return session;
    }

    /// <summary>Calls the run-end callbacks; returns what they reported (and PL0001 for those that threw).</summary>
    public ImmutableArray<ReportedFinding> End()
    {
        var reported = ImmutableArray.CreateBuilder<ReportedFinding>();
        foreach (var rt in Runtimes.Where(r => r.Disabled is null && r.RunEndActions.Count > 0))
        {
            var context = new HostRunEndContext(rt, LogFor(rt.Id));
            try
            {
                foreach (var action in rt.RunEndActions) action(context);
            }
            catch (Exception ex)
            {
                reported.Add(Problem(HostRules.AnalyzerThrew, Finding.Create(HostRules.AnalyzerThrew, default,
                    rt.Id, rt.Installed.Version, ex.GetType().Name, $"{ex.Message} (at run end)").Message, new FindingLocation(rt.Installed.Plugin.Location)));
            }
            foreach (var f in context.Findings)
            {
                var severity = _config.TopLevel.SeverityOf(f.RuleId);
                if (severity != Severity.None) reported.Add(new ReportedFinding(f.RuleId, severity, f.Message, rt.Id));
            }
        }
        return reported.ToImmutable();
    }

    private ReportedFinding Problem(RuleDescriptor rule, string message, FindingLocation location) =>
        new(rule.Id, _config.TopLevel.SeverityOf(rule.Id), message, HostRules.Analyzer) { Location = location };

    private IRunLog LogFor(string analyzerId) => new RunLog(_log, analyzerId, _quiet);

    private static string? Initialize(AnalyzerRuntime rt)
    {
        var registration = new HostAnalysisRegistration(rt);
        try
        {
            rt.Installed.Analyzer.Initialize(registration);
            return null;
        }
        catch (Exception ex)
        {
            return $"Initialize threw {Describe(ex)}";
        }
        finally
        {
            registration.Close();
        }
    }

    private static string? StartRun(AnalyzerRuntime rt, EffectiveConfig config, ModelCatalog models, ServiceRegistry services,
        ImmutableArray<string> claims, IRunLog log, CancellationToken cancellationToken)
    {
        var context = new HostRunStartContext(rt, config.TopLevel.OptionsFor(rt.Id),
            models.ForPlugin(rt.Installed.Plugin.Directory),
            log, claims, services, cancellationToken);
        try
        {
            foreach (var action in rt.RunStartActions) action(context);
            return null;
        }
        catch (Exception ex)
        {
            return Describe(ex);
        }
        finally
        {
            context.Close();
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        ModelNotFoundException m => m.Message,
        FileNotFoundException { FileName: { } file } f when !f.Message.Contains(file) => $"{f.Message} ({file})",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };
}
