using System.Collections.Immutable;
using Pipeline.Host.Services;
using Pipeline.Sdk;

namespace Pipeline.Host.Execution;

/// <summary>What an analyzer registers in Initialize; closed once Initialize returns.</summary>
internal sealed class HostAnalysisRegistration(AnalyzerRuntime runtime) : AnalysisRegistration
{
    private bool _open = true;

    public void Close() => _open = false;

    public override void EnableConcurrentExecution() { EnsureOpen(); runtime.Concurrent = true; }
    public override void RegisterRunStart(Action<RunStartContext> action) { EnsureOpen(); runtime.RunStartActions.Add(action ?? throw new ArgumentNullException(nameof(action))); }
    public override void RegisterDocument(Action<DocumentContext> action) { EnsureOpen(); runtime.DocumentActions.Add(action ?? throw new ArgumentNullException(nameof(action))); }
    public override void RegisterRunEnd(Action<RunEndContext> action) { EnsureOpen(); runtime.RunEndActions.Add(action ?? throw new ArgumentNullException(nameof(action))); }

    private void EnsureOpen()
    {
        if (!_open) throw new InvalidOperationException($"analyzer '{runtime.Id}' registered outside Initialize");
    }
}

internal sealed class HostRunStartContext(
    AnalyzerRuntime runtime, AnalyzerOptions options, IModelStore models, IRunLog log,
    ImmutableArray<string> claims, ServiceRegistry services, CancellationToken cancellationToken) : RunStartContext
{
    private bool _open = true;

    public void Close() => _open = false;

    public override AnalyzerOptions Options => options;
    public override IModelStore Models => models;
    public override IRunLog Log => log;
    public override ImmutableArray<string> Claims => claims;
    public override CancellationToken CancellationToken => cancellationToken;
    public override T? GetService<T>() where T : class => services.Get<T>();

    public override void RegisterDocument(Action<DocumentContext> action) { EnsureOpen(); runtime.DocumentActions.Add(action ?? throw new ArgumentNullException(nameof(action))); }
    public override void RegisterRunEnd(Action<RunEndContext> action) { EnsureOpen(); runtime.RunEndActions.Add(action ?? throw new ArgumentNullException(nameof(action))); }

    private void EnsureOpen()
    {
        if (!_open) throw new InvalidOperationException($"analyzer '{runtime.Id}' registered outside its run start");
    }
}

/// <summary>
/// One analyzer on one document. Reads see only the layers it declared (Requires, and those of
/// OptionalRequires that were produced); writes are checked and buffered, and the host commits
/// them only when every callback returned.
/// </summary>
internal sealed class HostDocumentContext(AnalyzerRuntime runtime, Document view, AnalyzerOptions options, CancellationToken cancellationToken) : DocumentContext
{
    private readonly object _lock = new();
    private readonly Dictionary<LayerKey, List<Annotation>> _layers = [];
    private readonly Dictionary<LayerKey, int> _ids = [];
    private readonly List<Finding> _findings = [];
    private bool _closed;

    public override Document Document => view;
    public override AnalyzerOptions Options => options;
    public override CancellationToken CancellationToken => cancellationToken;

    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Refuses further writes (the call was abandoned after its timeout).</summary>
    public void Close()
    {
        lock (_lock) _closed = true;
    }

    public override ImmutableArray<T> GetLayer<T>(LayerKey<T> layer)
    {
        if (runtime.Requires.Contains(layer)) return view.GetLayer(layer);
        // An optional layer is absent when no enabled analyzer produced it for this document.
        if (runtime.OptionalRequires.Contains(layer)) return view.GetLayerOrEmpty(layer);
        throw new LayerNotAvailableException(layer.Name);
    }

    public override void Add<T>(LayerKey<T> layer, T annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        if (!runtime.Produces.Contains(layer))
            throw new InvalidOperationException($"analyzer '{runtime.Id}' wrote layer '{layer.Name}', which is not in its Produces");
        CheckSpan(annotation.Span, $"annotation {annotation.Id} of layer '{layer.Name}'");
        lock (_lock)
        {
            EnsureOpen();
            if (!_layers.TryGetValue(layer, out var list)) _layers[layer] = list = [];
            list.Add(annotation);
        }
    }

    public override string NewId(LayerKey layer)
    {
        if (!runtime.Produces.Contains(layer))
            throw new InvalidOperationException($"analyzer '{runtime.Id}' asked for an id in layer '{layer.Name}', which is not in its Produces");
        var prefix = runtime.IdPrefixes[layer];
        lock (_lock)
        {
            int n = _ids.GetValueOrDefault(layer) + 1;
            _ids[layer] = n;
            return prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public override Provenance Provenance(string? method = null, string? model = null) =>
        new(runtime.Id, runtime.Installed.Version) { Method = method, Model = model };

    public override void Report(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (!runtime.RuleIds.Contains(finding.RuleId))
            throw new InvalidOperationException($"analyzer '{runtime.Id}' reported rule '{finding.RuleId}', which is not in its Rules");
        CheckSpan(finding.Span, $"finding {finding.RuleId}");
        lock (_lock)
        {
            EnsureOpen();
            _findings.Add(finding);
        }
    }

    /// <summary>The document with this analyzer's layers set (a produced layer it left empty is set empty).</summary>
    public Document Commit(Document document)
    {
        foreach (var layer in runtime.Installed.Produces)
        {
            var items = _layers.TryGetValue(layer, out var list)
                ? list.Select(a => a.Provenance is null ? a with { Provenance = Provenance() } : a).ToList()
                : [];
            document = document.WithLayerUntyped(layer, items);
        }
        return document;
    }

    private void CheckSpan(TextSpan span, string what)
    {
        if (span.Start < 0 || span.Length < 0 || span.End > view.Text.Length)
            throw new InvalidOperationException($"analyzer '{runtime.Id}' wrote {what} at {span}, outside the text (0..{view.Text.Length})");
    }

    private void EnsureOpen()
    {
        if (_closed) throw new OperationCanceledException($"analyzer '{runtime.Id}' wrote after its call timed out");
    }
}

internal sealed class HostRunEndContext(AnalyzerRuntime runtime, IRunLog log) : RunEndContext
{
    public List<Finding> Findings { get; } = [];

    public override IRunLog Log => log;

    public override void Report(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (!runtime.RuleIds.Contains(finding.RuleId))
            throw new InvalidOperationException($"analyzer '{runtime.Id}' reported rule '{finding.RuleId}', which is not in its Rules");
        Findings.Add(finding);
    }
}

/// <summary>An analyzer's messages, on the error stream, named after it.</summary>
internal sealed class RunLog(TextWriter writer, string analyzerId, bool quiet) : IRunLog
{
    public void Info(string message)
    {
        if (quiet) return;
        lock (writer) writer.WriteLine($"pipeline: {analyzerId}: {message}");
    }

    public void Warning(string message)
    {
        lock (writer) writer.WriteLine($"pipeline: {analyzerId}: warning: {message}");
    }
}
