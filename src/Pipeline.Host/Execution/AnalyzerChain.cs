using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Host.Configuration;
using Pipeline.Host.Loading;
using Pipeline.Host.Scheduling;
using Pipeline.Sdk;

namespace Pipeline.Host.Execution;

/// <summary>
/// One analyzer together with the enabled analyzers that produce what it reads, run through the
/// host's own execution. `pipeline train` and `pipeline eval` run it over gold documents with a
/// given model (<see cref="Analyze"/> is their AnalyzeWithModel delegate): the layers the gold
/// documents carry are kept as they are and not produced again. The analyzer benchmark runs the
/// chain over a corpus with <see cref="ConfigFor"/>.
/// </summary>
public sealed class AnalyzerChain
{
    /// <summary>The analyzer option naming its model folder (a name the model store resolves, or a path).</summary>
    public const string ModelOption = "model";

    private const string CommandLineSource = "(command line)";

    private readonly AnalyzerCatalog _catalog;
    private readonly PipelineConfig _config;
    private readonly AnalyzerOptions _options;
    private readonly SessionOptions _session;
    private readonly IRunLog _log;
    private readonly int _jobs;

    /// <param name="options">The target's options (pipeline.json's merged with the command line's).</param>
    /// <param name="jobs">Documents analysed at once.</param>
    /// <exception cref="ArgumentException">No installed analyzer has the id.</exception>
    public AnalyzerChain(AnalyzerCatalog catalog, PipelineConfig config, string analyzerId, AnalyzerOptions options,
        SessionOptions session, IRunLog log, int jobs = 0)
    {
        _catalog = catalog;
        _config = config;
        Target = catalog.Analyzers.FirstOrDefault(a => a.Id == analyzerId)
            ?? throw new ArgumentException($"no installed analyzer has the id '{analyzerId}' (installed: {Installed(catalog)})");
        _options = options;
        _session = session;
        _log = log;
        _jobs = jobs > 0 ? jobs : Environment.ProcessorCount;
    }

    public InstalledAnalyzer Target { get; }

    public static string Installed(AnalyzerCatalog catalog) =>
        catalog.Analyzers.IsEmpty ? "none" : string.Join(", ", catalog.Analyzers.Select(a => a.Id).Order(StringComparer.Ordinal));

    /// <summary>
    /// The target and, transitively, the producers of the layers it reads (required and optional)
    /// among the analyzers the configuration enables, leaving out layers the documents carry.
    /// </summary>
    public IReadOnlyList<InstalledAnalyzer> Members(IReadOnlySet<LayerKey> inputLayers)
    {
        var effective = new EffectiveConfig(_config, _catalog);
        var producers = new Dictionary<LayerKey, InstalledAnalyzer>();
        foreach (var a in _catalog.Analyzers.Where(a => a == Target || effective.IsEnabledAnywhere(a.Id)))
            foreach (var layer in a.Produces)
                producers.TryAdd(layer, a);
        var members = new HashSet<InstalledAnalyzer> { Target };
        var pending = new Queue<InstalledAnalyzer>(members);
        while (pending.TryDequeue(out var a))
            foreach (var layer in a.Requires.Concat(a.OptionalRequires).Where(l => !l.IsSegmentation && !inputLayers.Contains(l)))
                if (producers.TryGetValue(layer, out var producer) && members.Add(producer))
                    pending.Enqueue(producer);
        return _catalog.Analyzers.Where(members.Contains).ToList();
    }

    /// <summary>
    /// The configuration with exactly the chain enabled (the target with <paramref name="targetOptions"/>
    /// over its configured ones); severities, limits and the other analyzers' options as configured.
    /// </summary>
    public PipelineConfig ConfigFor(IReadOnlySet<LayerKey> inputLayers, AnalyzerOptions targetOptions)
    {
        var members = Members(inputLayers).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var chosen = _catalog.Analyzers.Select(a => new AnalyzerSetting(a.Id, members.Contains(a.Id),
            a == Target ? targetOptions.Keys.ToImmutableDictionary(k => k, k => Value(targetOptions, k)) : ImmutableDictionary<string, JsonElement>.Empty,
            CommandLineSource));
        return _config with
        {
            // Appended settings come last, so they decide; overrides keep only what concerns the chain.
            Analyzers = _config.Analyzers.AddRange(chosen),
            Overrides = _config.Overrides.Select(o => o with { Analyzers = o.Analyzers.Where(a => members.Contains(a.Id)).ToImmutableArray() }).ToImmutableArray(),
        };
    }

    /// <summary>
    /// Runs the chain over <paramref name="documents"/> with the target's model set to
    /// <paramref name="modelDirectory"/> (null: as configured) and returns them with the layers produced.
    /// </summary>
    /// <exception cref="StartupException">The chain cannot be scheduled, or the target cannot start (its model is missing or invalid...).</exception>
    public IReadOnlyList<Document> Analyze(string? modelDirectory, IReadOnlyList<Document> documents, CancellationToken cancellationToken)
    {
        var inputLayers = documents.SelectMany(d => d.LayerKeys).ToHashSet();
        var options = modelDirectory is null ? _options : _options.With(ModelOption, modelDirectory);
        var config = new EffectiveConfig(ConfigFor(inputLayers, options), _catalog);
        var session = AnalysisSession.Start(_catalog, config, _session with { InputLayers = [.. inputLayers] }, cancellationToken);
        if (session.NotRunning.Contains(Target.Id))
            throw new StartupException(session.StartProblems.FirstOrDefault(p => p.RuleId == HostRules.AnalyzerNotStarted.Id)?.Message
                ?? session.StartProblems[0].Message);
        foreach (var problem in session.StartProblems) _log.Warning(problem.Message);

        var results = new Document[documents.Count];
        var failures = new ConcurrentBag<(int Index, string Analyzer, string RuleId, string Message)>();
        Parallel.ForAsync(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = _jobs, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var document = WithInputLayers(documents[i], inputLayers);
            var analysis = await session.AnalyseAsync(document, document.Metadata.SourcePath ?? $"document {i + 1}", ct);
            results[i] = analysis.Document;
            foreach (var f in analysis.Failures) failures.Add((i, f.Analyzer, f.RuleId, f.Message));
        }).GetAwaiter().GetResult();
        foreach (var finding in session.End().Where(f => f.RuleId.StartsWith("PL", StringComparison.Ordinal))) _log.Warning(finding.Message);

        foreach (var group in failures.GroupBy(f => (f.Analyzer, f.RuleId)).OrderBy(g => g.Key.Analyzer, StringComparer.Ordinal).ThenBy(g => g.Key.RuleId, StringComparer.Ordinal))
        {
            var first = group.MinBy(f => f.Index);
            _log.Warning($"{group.Key.Analyzer}: {group.Key.RuleId} on {group.Select(f => f.Index).Distinct().Count()} of {documents.Count} documents " +
                         $"(first: {documents[first.Index].Metadata.SourcePath ?? $"document {first.Index + 1}"}: {first.Message})");
        }
        return results;
    }

    /// <summary>An input layer a document lacks is given empty, so that analyzers requiring it read no annotations rather than fail.</summary>
    private static Document WithInputLayers(Document document, HashSet<LayerKey> inputLayers)
    {
        foreach (var layer in inputLayers)
            if (!document.HasLayer(layer)) document = document.WithLayerUntyped(layer, []);
        return document;
    }

    private static JsonElement Value(AnalyzerOptions options, string key) => options.TryGet(key, out var value) ? value : default;
}
