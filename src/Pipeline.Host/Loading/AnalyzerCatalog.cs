using System.Collections.Immutable;
using System.Reflection;
using Pipeline.Host.Output;
using Pipeline.Sdk;

namespace Pipeline.Host.Loading;

/// <summary>Who provides an analyzer: the plugin's name, folder (or loose DLL) and version.</summary>
public sealed record PluginInfo(string Name, string Location, string Version)
{
    /// <summary>The plugin's folder (the folder of a loose DLL), where its own models may be.</summary>
    public string Directory => File.Exists(Location) ? Path.GetDirectoryName(Location)! : Location;
}

/// <summary>An analyzer instance with its metadata read once.</summary>
public sealed class InstalledAnalyzer
{
    internal InstalledAnalyzer(TextAnalyzer analyzer, PluginInfo plugin)
    {
        Analyzer = analyzer;
        Plugin = plugin;
        Id = analyzer.Id;
        if (string.IsNullOrWhiteSpace(Id)) throw new InvalidOperationException("its [TextAnalyzer] id is empty");
        Version = analyzer.Version;
        Description = analyzer.GetType().GetCustomAttribute<TextAnalyzerAttribute>()?.Description;
        Rules = Normalize(analyzer.Rules);
        Requires = Normalize(analyzer.Requires);
        OptionalRequires = Normalize(analyzer.OptionalRequires);
        Produces = Normalize(analyzer.Produces);
    }

    public TextAnalyzer Analyzer { get; }
    public PluginInfo Plugin { get; }
    public string Id { get; }
    public string Version { get; }
    public string? Description { get; }
    public ImmutableArray<RuleDescriptor> Rules { get; }
    public ImmutableArray<LayerKey> Requires { get; }
    /// <summary>Layers read when an enabled analyzer produces them; they order the run but need no producer.</summary>
    public ImmutableArray<LayerKey> OptionalRequires { get; }
    public ImmutableArray<LayerKey> Produces { get; }

    public override string ToString() => $"'{Id}' {Version} ({Plugin.Name})";

    private static ImmutableArray<T> Normalize<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;
}

/// <summary>A plugin as loaded: its analyzers and its load problems.</summary>
public sealed record LoadedPlugin(PluginInfo Info, ImmutableArray<InstalledAnalyzer> Analyzers, ImmutableArray<ReportedFinding> Problems);

/// <summary>
/// Every analyzer installed for a run, loaded from plugin folders. Load problems become PL1xxx
/// findings and the other plugins still load.
/// </summary>
public sealed class AnalyzerCatalog
{
    private AnalyzerCatalog(ImmutableArray<LoadedPlugin> plugins)
    {
        Plugins = plugins;
        Analyzers = plugins.SelectMany(p => p.Analyzers).ToImmutableArray();
        Problems = plugins.SelectMany(p => p.Problems).ToImmutableArray();
    }

    public ImmutableArray<LoadedPlugin> Plugins { get; }
    /// <summary>Installed analyzers, ids unique, in plugin discovery order.</summary>
    public ImmutableArray<InstalledAnalyzer> Analyzers { get; }
    /// <summary>Load problems (PL1001..PL1006) with their default severities.</summary>
    public ImmutableArray<ReportedFinding> Problems { get; }

    /// <summary>Every rule a run may report: the analyzers' rules, then the host's.</summary>
    public IEnumerable<(RuleDescriptor Rule, string Analyzer)> Rules =>
        Analyzers.SelectMany(a => a.Rules.Select(r => (r, a.Id))).Concat(HostRules.All.Select(r => (r, HostRules.Analyzer)));

    /// <summary>A catalog of analyzer instances (tests, the markup verifier), as one plugin named after each assembly.</summary>
    public static AnalyzerCatalog FromInstances(IEnumerable<TextAnalyzer> analyzers)
    {
        var plugins = new List<LoadedPlugin>();
        foreach (var group in analyzers.GroupBy(a => a.GetType().Assembly))
        {
            var info = InfoOf(group.Key, group.Key.Location is { Length: > 0 } l ? l : group.Key.GetName().Name!);
            plugins.Add(new LoadedPlugin(info, group.Select(a => new InstalledAnalyzer(a, info)).ToImmutableArray(), []));
        }
        return Deduplicate(plugins);
    }

    /// <summary>Loads every plugin; one that fails does not stop the others.</summary>
    public static AnalyzerCatalog Load(IEnumerable<PluginSource> sources, IPluginLoader loader) =>
        Deduplicate(sources.Select(s => new PluginLoad(s, loader).Run()).ToList());

    private static AnalyzerCatalog Deduplicate(List<LoadedPlugin> plugins)
    {
        var owners = new Dictionary<string, InstalledAnalyzer>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<LoadedPlugin>();
        foreach (var plugin in plugins)
        {
            var kept = ImmutableArray.CreateBuilder<InstalledAnalyzer>();
            var problems = plugin.Problems.ToBuilder();
            foreach (var analyzer in plugin.Analyzers)
            {
                if (owners.TryGetValue(analyzer.Id, out var first))
                    problems.Add(Problem(HostRules.DuplicateAnalyzerId, plugin.Info.Location,
                        analyzer.Id, analyzer.Analyzer.GetType().FullName, $"{first.Analyzer.GetType().FullName} in {first.Plugin.Location}"));
                else
                {
                    owners.Add(analyzer.Id, analyzer);
                    kept.Add(analyzer);
                }
            }
            result.Add(plugin with { Analyzers = kept.ToImmutable(), Problems = problems.ToImmutable() });
        }
        return new AnalyzerCatalog(result.ToImmutable());
    }

    internal static ReportedFinding Problem(RuleDescriptor rule, string path, params object?[] args)
    {
        var finding = Finding.Create(rule, default, args);
        return new ReportedFinding(rule.Id, rule.DefaultSeverity, finding.Message, HostRules.Analyzer) { Location = new FindingLocation(path) };
    }

    private static PluginInfo InfoOf(Assembly assembly, string location) => new(
        Path.GetFileNameWithoutExtension(location), location,
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? assembly.GetName().Version?.ToString() ?? "0.0.0");

    /// <summary>Loading one plugin: checks, one load context, analyzer discovery and creation.</summary>
    private sealed class PluginLoad(PluginSource source, IPluginLoader loader)
    {
        private static readonly int HostSdkMajor = typeof(TextAnalyzer).Assembly.GetName().Version!.Major;

        private readonly List<ReportedFinding> _problems = [];
        private readonly List<InstalledAnalyzer> _analyzers = [];
        private PluginInfo _info = new(source.Name, source.Location, "?");

        public LoadedPlugin Run()
        {
            if (source.Assemblies.IsEmpty)
            {
                _problems.Add(Problem(HostRules.NoAnalyzers, source.Location,
                    $"no plugin assembly in the folder (expected {source.Name}.dll, or a DLL with a .deps.json or referencing Pipeline.Sdk)"));
                return Result();
            }
            var usable = source.Assemblies.Where(Check).ToImmutableArray();
            if (usable.IsEmpty) return Result();

            var context = loader.CreateContext(source with { Assemblies = usable });
            foreach (var path in usable) LoadAnalyzers(context, path);
            if (_analyzers.Count == 0 && _problems.Count == 0)
                _problems.Add(Problem(HostRules.NoAnalyzers, source.Location,
                    "no non-abstract TextAnalyzer subclass with a [TextAnalyzer] attribute"));
            return Result();
        }

        private LoadedPlugin Result() => new(_info, [.. _analyzers], [.. _problems]);

        private bool Check(string path)
        {
            var facts = AssemblyInspector.Inspect(path);
            if (!facts.IsAssembly)
            {
                _problems.Add(Problem(HostRules.NotAnAssembly, path, facts.Error));
                return false;
            }
            if (facts.SdkReference is { } sdk && sdk.Major != HostSdkMajor)
            {
                _problems.Add(Problem(HostRules.SdkVersionMismatch, path, sdk, typeof(TextAnalyzer).Assembly.GetName().Version, HostSdkMajor));
                return false;
            }
            return true;
        }

        private void LoadAnalyzers(IPluginLoadContext context, string path)
        {
            Type[] types;
            try
            {
                var assembly = context.LoadAssembly(path);
                if (path == source.Assemblies[0] || _info.Version == "?") _info = InfoOf(assembly, source.Location) with { Name = source.Name };
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                _problems.Add(Problem(HostRules.MissingDependency, path, MissingName(ex.LoaderExceptions) ?? ex.Message));
                return;
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException)
            {
                _problems.Add(Problem(HostRules.MissingDependency, path, MissingName([ex]) ?? ex.Message));
                return;
            }
            catch (BadImageFormatException ex)
            {
                _problems.Add(Problem(HostRules.NotAnAssembly, path, ex.Message));
                return;
            }

            foreach (var type in types.Where(IsAnalyzerType).OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                try
                {
                    var instance = (TextAnalyzer)Activator.CreateInstance(type)!;
                    _analyzers.Add(new InstalledAnalyzer(instance, _info));
                }
                catch (Exception ex) when (Unwrap(ex) is FileNotFoundException or FileLoadException)
                {
                    _problems.Add(Problem(HostRules.MissingDependency, path, MissingName([Unwrap(ex)]) ?? Unwrap(ex).Message));
                }
                catch (Exception ex)
                {
                    var inner = Unwrap(ex);
                    _problems.Add(Problem(HostRules.AnalyzerNotCreated, path, type.FullName, $"{inner.GetType().Name}: {inner.Message}"));
                }
            }
        }

        private static bool IsAnalyzerType(Type t) =>
            t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(TextAnalyzer)) && t.IsDefined(typeof(TextAnalyzerAttribute), false);

        private static Exception Unwrap(Exception ex) => ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;

        private static string? MissingName(IEnumerable<Exception?> exceptions) =>
            exceptions.Select(e => e switch
            {
                FileNotFoundException f => f.FileName,
                FileLoadException f => f.FileName,
                _ => null,
            }).FirstOrDefault(n => n is not null) is { } name ? $"'{name}'" : null;
    }
}
