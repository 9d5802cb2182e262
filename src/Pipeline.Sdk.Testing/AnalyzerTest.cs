using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Pipeline.Host.Configuration;
using Pipeline.Host.Execution;
using Pipeline.Host.Loading;
using Pipeline.Host.Services;
using Pipeline.Text;
using Pipeline.Text.Records;

namespace Pipeline.Sdk.Testing;

/// <summary>
/// Verifies an analyzer on a marked-up text, in the style of roslyn-sdk, by running it through
/// the host's own execution code:
/// <list type="bullet">
/// <item><c>[|...|]</c>: an annotation expected in the analyzer's produced layer (<see cref="Layer"/>, by default its only one);</item>
/// <item><c>{|HDG001:...|}</c>: a finding expected of one of its rules;</item>
/// <item><c>{|hedges:...|}</c>, <c>{|hedges.weasel:...|}</c>: an annotation expected in a produced layer (with that label);</item>
/// <item><c>{|entities.PER:...|}</c>: an upstream annotation of a required or optional layer, seeded so no producer
/// is needed (or <see cref="Seed{T}"/> for payloads that link to others).</item>
/// </list>
/// Every produced layer the markup mentions, and every finding, must match exactly. It also checks
/// that the analyzer does not throw, writes only its declared layers and rules within the text
/// (the host refuses anything else), gives identical results on a second run, and, when it
/// enables concurrent execution, identical results from parallel runs.
/// </summary>
public sealed class AnalyzerTest<TAnalyzer> where TAnalyzer : TextAnalyzer
{
    private readonly Func<TAnalyzer> _create;
    private readonly List<Func<Document, (LayerKey Layer, Action<DocumentContext> Write)>> _seeds = [];

    /// <param name="create">Makes the analyzer (a new instance per test).</param>
    public AnalyzerTest(Func<TAnalyzer> create) => _create = create;

    /// <summary>For an analyzer with a parameterless constructor.</summary>
    public AnalyzerTest() : this(Activator.CreateInstance<TAnalyzer>) { }

    public required string Markup { get; init; }
    /// <summary>The layer <c>[|...|]</c> marks; by default the analyzer's only produced layer.</summary>
    public LayerKey? Layer { get; init; }
    /// <summary>The analyzer's options (as pipeline.json "options" would give them).</summary>
    public IDictionary<string, object?> Options { get; init; } = new Dictionary<string, object?>();
    /// <summary>A whole pipeline.json, for severities or overrides (its options for the analyzer win over <see cref="Options"/>).</summary>
    public string? ConfigJson { get; init; }
    /// <summary>Folders searched for models by name.</summary>
    public IReadOnlyList<string> ModelDirectories { get; init; } = [];
    /// <summary>The run's services; by default those of `pipeline run` (the shared text encoder, created only when asked for).</summary>
    public ServiceRegistry Services { get; init; } = HostServices.CreateRegistry();
    public ImmutableArray<string> Claims { get; init; } = [];
    /// <summary>How many copies of the document run at once when the analyzer enables concurrent execution.</summary>
    public int ParallelRuns { get; init; } = 8;
    /// <summary>The path the document is analysed as (for override globs).</summary>
    public string Path { get; init; } = "test.txt";

    /// <summary>
    /// Seeds a required or optional layer with annotations built from the document (which already
    /// carries the markup seeds). An optional layer that is not seeded is absent, as when no
    /// analyzer produces it; seed it with no annotations to test it present and empty.
    /// </summary>
    public AnalyzerTest<TAnalyzer> Seed<T>(LayerKey<T> layer, Func<Document, IEnumerable<T>> build) where T : Annotation
    {
        _seeds.Add(document => (layer, SeedAnalyzer.Writer(layer, build(document).ToList())));
        return this;
    }

    /// <summary>Runs the checks; returns the analysis for further assertions.</summary>
    /// <exception cref="VerificationException">A check failed; the message shows expected and actual markup.</exception>
    public async Task<DocumentAnalysis> RunAsync(CancellationToken cancellationToken = default)
    {
        var markup = Testing.Markup.Parse(Markup);
        var analyzer = _create();
        var installed = AnalyzerCatalog.FromInstances([analyzer]).Analyzers[0];
        var primary = Layer ?? (installed.Produces.Length == 1 ? installed.Produces[0] : null);
        var expectations = Classify(markup, installed, primary);

        var document = DocumentFactory.Create(markup.Text, DocumentMetadata.Empty with { SourcePath = Path });
        var seeder = BuildSeeder(document, installed, expectations.Seeds);
        var catalog = AnalyzerCatalog.FromInstances([seeder, analyzer]);
        var config = new EffectiveConfig(ConfigJson is null ? OptionsConfig(installed.Id)
            : ConfigReader.Parse(ConfigJson, System.IO.Path.Combine(Directory.GetCurrentDirectory(), "pipeline.json")), catalog);
        var session = AnalysisSession.Start(catalog, config, new SessionOptions
        {
            // No timeout: each call runs on the calling thread, so parallel runs are as parallel as their threads.
            Models = new ModelCatalog(ModelDirectories), Services = Services, Claims = Claims,
        }, cancellationToken);
        if (!session.StartProblems.IsEmpty)
            throw new VerificationException("the analyzer did not start:\n" + string.Join("\n", session.StartProblems.Select(p => $"  {p.RuleId}: {p.Message}")));

        var first = await session.AnalyseAsync(document, Path, cancellationToken);
        CheckNoFailure(first, "");
        CheckExpectations(first, installed, primary, expectations, markup.Text);

        var line = Serialize(first, Path);
        var second = await session.AnalyseAsync(document, Path, cancellationToken);
        CheckSame(line, second, "a second run on the same document gave another result");
        if (session.IsConcurrent(installed.Id))
        {
            // Threads of their own, released together: the calls really overlap.
            using var start = new ManualResetEventSlim();
            var runs = Enumerable.Range(0, ParallelRuns).Select(_ => Task.Factory.StartNew(() =>
            {
                start.Wait(cancellationToken);
                return session.AnalyseAsync(document, Path, cancellationToken).GetAwaiter().GetResult();
            }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
            start.Set();
            var parallel = await Task.WhenAll(runs);
            foreach (var result in parallel)
                CheckSame(line, result, $"{ParallelRuns} parallel runs (the analyzer enables concurrent execution) gave another result");
        }
        session.End();
        return first;
    }

    private sealed record Expectations(
        ImmutableArray<(LayerKey Layer, string? Label, TextSpan Span)> Annotations,
        ImmutableArray<(string RuleId, TextSpan Span)> Findings,
        ImmutableArray<(LayerKey Layer, string? Label, TextSpan Span)> Seeds,
        ImmutableHashSet<LayerKey> CheckedLayers);

    private static Expectations Classify(Markup markup, InstalledAnalyzer analyzer, LayerKey? primary)
    {
        var annotations = ImmutableArray.CreateBuilder<(LayerKey, string?, TextSpan)>();
        var findings = ImmutableArray.CreateBuilder<(string, TextSpan)>();
        var seeds = ImmutableArray.CreateBuilder<(LayerKey, string?, TextSpan)>();
        var checkedLayers = ImmutableHashSet.CreateBuilder<LayerKey>();
        if (primary is not null) checkedLayers.Add(primary);
        foreach (var mark in markup.Spans)
        {
            if (mark.Name is null)
            {
                annotations.Add((primary ?? throw new VerificationException(
                    $"[|...|] marks the produced layer, but '{analyzer.Id}' produces {analyzer.Produces.Length} layers; set Layer or use {{|layer:...|}}"), null, mark.Span));
                continue;
            }
            if (analyzer.Rules.Any(r => r.Id == mark.Name))
            {
                findings.Add((mark.Name, mark.Span));
                continue;
            }
            int dot = mark.Name.IndexOf('.');
            var (layerName, label) = dot < 0 ? (mark.Name, null) : (mark.Name[..dot], mark.Name[(dot + 1)..]);
            if (analyzer.Produces.FirstOrDefault(l => l.Name == layerName) is { } produced)
            {
                annotations.Add((produced, label, mark.Span));
                checkedLayers.Add(produced);
            }
            else if (Seedable(analyzer).FirstOrDefault(l => l.Name == layerName) is { } read)
                seeds.Add((read, label, mark.Span));
            else throw new VerificationException(
                $"{{|{mark.Name}:...|}}: '{mark.Name}' is not a rule of '{analyzer.Id}' ({Names(analyzer.Rules.Select(r => r.Id))}), " +
                $"a layer it produces ({Names(analyzer.Produces.Select(l => l.Name))}) or a layer it reads ({Names(Seedable(analyzer).Select(l => l.Name))})");
        }
        return new Expectations(annotations.ToImmutable(), findings.ToImmutable(), seeds.ToImmutable(), checkedLayers.ToImmutable());
    }

    private SeedAnalyzer BuildSeeder(Document document, InstalledAnalyzer analyzer, ImmutableArray<(LayerKey Layer, string? Label, TextSpan Span)> seeds)
    {
        var clusters = new Dictionary<string, string>(StringComparer.Ordinal);
        string ClusterOf(string text) => clusters.TryGetValue(text, out var id) ? id : clusters[text] = "c" + (clusters.Count + 1);

        var writes = new List<Action<DocumentContext>>();
        foreach (var group in seeds.GroupBy(s => s.Layer))
        {
            var prefix = group.Key.GetType().GetProperty("IdPrefix")?.GetValue(group.Key) as string ?? group.Key.Name[..1];
            var items = group.Select((s, i) => LayerSeeds.Create(group.Key, prefix + (i + 1), s.Label, s.Span, document.GetString(s.Span), ClusterOf)).ToList();
            document = document.WithLayerUntyped(group.Key, items);
            writes.Add(UntypedWriter(group.Key, items));
        }
        var seeded = seeds.Select(s => s.Layer).ToHashSet();
        foreach (var seed in _seeds)
        {
            var (layer, write) = seed(document);
            if (!Seedable(analyzer).Contains(layer))
                throw new VerificationException($"Seed({layer.Name}, ...): '{analyzer.Id}' does not read layer '{layer.Name}' (it reads {Names(Seedable(analyzer).Select(l => l.Name))})");
            seeded.Add(layer);
            writes.Add(write);
        }
        // Required layers are always produced (empty when not seeded); optional ones only when seeded, so that they are absent otherwise.
        var produces = analyzer.Requires.Where(l => !l.IsSegmentation).Concat(analyzer.OptionalRequires.Where(seeded.Contains)).Distinct().ToImmutableArray();
        return new SeedAnalyzer(produces, writes);
    }

    /// <summary>The upstream layers a test may seed: the analyzer's required and optional annotation layers.</summary>
    private static IEnumerable<LayerKey> Seedable(InstalledAnalyzer analyzer) =>
        analyzer.Requires.Concat(analyzer.OptionalRequires).Where(l => !l.IsSegmentation).Distinct();

    private static Action<DocumentContext> UntypedWriter(LayerKey layer, List<Annotation> items)
    {
        var method = typeof(AnalyzerTest<TAnalyzer>).GetMethod(nameof(TypedWriter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(layer.ItemType);
        return (Action<DocumentContext>)method.Invoke(null, [layer, items])!;
    }

    private static Action<DocumentContext> TypedWriter<T>(LayerKey layer, List<Annotation> items) where T : Annotation =>
        SeedAnalyzer.Writer((LayerKey<T>)layer, items.Cast<T>().ToList());

    private PipelineConfig OptionsConfig(string analyzerId)
    {
        var directory = Directory.GetCurrentDirectory();
        if (Options.Count == 0) return PipelineConfig.Default(directory);
        var json = JsonSerializer.Serialize(new Dictionary<string, object> { ["analyzers"] = new Dictionary<string, object> { [analyzerId] = new { options = Options } } });
        return ConfigReader.Parse(json, System.IO.Path.Combine(directory, "pipeline.json"));
    }

    private static void CheckNoFailure(DocumentAnalysis result, string context)
    {
        if (result.Failures.IsEmpty) return;
        var message = new StringBuilder($"the analyzer failed{context}:");
        foreach (var f in result.Failures)
        {
            message.Append($"\n  {f.RuleId}: {f.Message}");
            if (f.StackTrace is not null) message.Append('\n').Append(f.StackTrace);
        }
        throw new VerificationException(message.ToString());
    }

    private static void CheckExpectations(DocumentAnalysis result, InstalledAnalyzer analyzer, LayerKey? primary, Expectations expected, string text)
    {
        var problems = new List<string>();
        foreach (var layer in expected.CheckedLayers)
        {
            var actual = result.Document.GetAnnotations(layer);
            var duplicates = actual.GroupBy(a => a.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (duplicates.Count > 0) problems.Add($"layer '{layer.Name}' has duplicate ids: {string.Join(", ", duplicates)}");
            var wanted = expected.Annotations.Where(a => a.Layer == layer).ToList();
            var got = actual.Select(a => (Label: LayerSeeds.LabelOf(a), a.Span)).ToList();
            var missing = wanted.Where(w => !got.Any(g => g.Span == w.Span && (w.Label is null || w.Label == g.Label))).ToList();
            var extra = got.Where(g => !wanted.Any(w => g.Span == w.Span && (w.Label is null || w.Label == g.Label))).ToList();
            if (missing.Count > 0 || extra.Count > 0 || wanted.Count != got.Count)
                problems.Add($"layer '{layer.Name}': expected {wanted.Count} annotations, got {got.Count}" +
                    string.Concat(missing.Select(m => $"\n  missing {Describe(text, m.Span, m.Label)}")) +
                    string.Concat(extra.Select(e => $"\n  unexpected {Describe(text, e.Span, e.Label)}")));
        }
        var findings = result.Findings.Where(f => f.Analyzer == analyzer.Id).Select(f => (f.Finding.RuleId, f.Finding.Span)).ToList();
        var expectedFindings = expected.Findings.ToList();
        foreach (var f in expectedFindings.Where(e => !findings.Remove(e)).ToList())
            problems.Add($"missing finding {f.RuleId} at {Describe(text, f.Span, null)}");
        foreach (var f in findings)
            problems.Add($"unexpected finding {f.RuleId} at {Describe(text, f.Span, null)}");
        if (problems.Count == 0) return;

        var actualMarks = result.Findings.Where(f => f.Analyzer == analyzer.Id).Select(f => new MarkedSpan(f.Finding.RuleId, f.Finding.Span))
            .Concat(expected.CheckedLayers.SelectMany(layer => result.Document.GetAnnotations(layer).Select(a =>
                new MarkedSpan(layer == primary ? null : layer.Name + (LayerSeeds.LabelOf(a) is { } l ? "." + l : ""), a.Span))));
        throw new VerificationException(string.Join("\n", problems) + "\nactual markup:\n" + Testing.Markup.Render(text, actualMarks));
    }

    private void CheckSame(byte[] expected, DocumentAnalysis result, string what)
    {
        CheckNoFailure(result, $" ({what})");
        var line = Serialize(result, Path);
        if (!line.AsSpan().SequenceEqual(expected))
            throw new VerificationException($"{what}:\nfirst:  {Encoding.UTF8.GetString(expected)}\nthen:   {Encoding.UTF8.GetString(line)}");
    }

    private static byte[] Serialize(DocumentAnalysis result, string path) => AnnotationRecordWriter.ToLine(new AnnotationRecord
    {
        Id = result.Document.Id,
        Path = path,
        Status = result.Status,
        Document = result.Document,
        Findings = result.Findings,
        Failures = result.Failures,
    });

    private static string Describe(string text, TextSpan span, string? label) =>
        $"{span} '{text.Substring(span.Start, span.Length)}'" + (label is null ? "" : $" ({label})");

    private static string Names(IEnumerable<string> names) => names.ToList() is { Count: > 0 } list ? string.Join(", ", list) : "none";
}

/// <summary>Shorthands for analyzers with a parameterless constructor.</summary>
public static class AnalyzerTest
{
    /// <summary>Verifies <typeparamref name="TAnalyzer"/> on <paramref name="markup"/>.</summary>
    public static Task<DocumentAnalysis> VerifyAsync<TAnalyzer>(string markup) where TAnalyzer : TextAnalyzer, new() =>
        new AnalyzerTest<TAnalyzer> { Markup = markup }.RunAsync();
}
