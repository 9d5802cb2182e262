using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.FileSystemGlobbing;
using Pipeline.Host.Loading;
using Pipeline.Sdk;

namespace Pipeline.Host.Configuration;

/// <summary>One step of a severity decision, for `pipeline config explain`.</summary>
/// <param name="Source">"default", "category Hedging" or "rule HDG001".</param>
/// <param name="Where">The JSON path that set it (and the override's files), or the rule descriptor.</param>
public sealed record SeverityStep(string Source, Severity Severity, string Where);

/// <summary>How a rule's effective severity for a file was decided; the last step wins.</summary>
public sealed record SeverityExplanation(RuleDescriptor Rule, string Analyzer, string? Path, ImmutableArray<SeverityStep> Steps)
{
    public Severity Effective => Steps[^1].Severity;
}

/// <summary>The configuration as it applies to one file: severities, enabled analyzers, options.</summary>
public sealed class FileSettings
{
    private readonly EffectiveConfig _owner;
    private readonly ImmutableArray<ConfigOverride> _overrides;
    private readonly ConcurrentDictionary<string, Severity> _severities = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AnalyzerOptions> _options = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AnalyzerSetting?> _disabledBy = new(StringComparer.Ordinal);

    internal FileSettings(EffectiveConfig owner, ImmutableArray<ConfigOverride> overrides)
    {
        _owner = owner;
        _overrides = overrides;
    }

    public Severity SeverityOf(string ruleId) => _severities.GetOrAdd(ruleId, id => _owner.Decide(id, _overrides, path: null).Effective);

    public bool IsEnabled(string analyzerId) => DisabledBy(analyzerId) is null;

    /// <summary>The setting that disables the analyzer for this file, or null when it is enabled.</summary>
    public AnalyzerSetting? DisabledBy(string analyzerId) =>
        _disabledBy.GetOrAdd(analyzerId, id => Levels(id).LastOrDefault(s => s.Enabled is not null) is { Enabled: false } s ? s : null);

    /// <summary>Top-level options with the matching overrides' options merged over them, key by key.</summary>
    public AnalyzerOptions OptionsFor(string analyzerId) => _options.GetOrAdd(analyzerId, id =>
    {
        var values = ImmutableDictionary<string, JsonElement>.Empty;
        foreach (var setting in Levels(id)) values = values.SetItems(setting.Options);
        return new AnalyzerOptions(values);
    });

    private IEnumerable<AnalyzerSetting> Levels(string analyzerId) =>
        _owner.Config.Analyzers.Concat(_overrides.SelectMany(o => o.Analyzers)).Where(a => a.Id == analyzerId);
}

/// <summary>
/// The configuration resolved against the installed analyzers. Severity is decided the
/// .editorconfig way: the last rule setting that applies (top level, then matching overrides in
/// order), else the last category setting, else the rule's default.
/// </summary>
public sealed class EffectiveConfig
{
    private readonly Dictionary<string, (RuleDescriptor Rule, string Analyzer)> _rules = new(StringComparer.Ordinal);
    private readonly Matcher[] _matchers;
    private readonly ConcurrentDictionary<string, FileSettings> _byOverrides = new(StringComparer.Ordinal);

    public EffectiveConfig(PipelineConfig config, AnalyzerCatalog catalog)
    {
        Config = config;
        foreach (var (rule, analyzer) in catalog.Rules) _rules.TryAdd(rule.Id, (rule, analyzer));
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        _matchers = config.Overrides.Select(o =>
        {
            var m = new Matcher(comparison);
            foreach (var glob in o.Files) m.AddInclude(glob);
            return m;
        }).ToArray();
        TopLevel = new FileSettings(this, []);
    }

    public PipelineConfig Config { get; }

    /// <summary>Settings that apply when no file is concerned (run-level findings, `pipeline rules`).</summary>
    public FileSettings TopLevel { get; }

    public bool IsKnownRule(string ruleId) => _rules.ContainsKey(ruleId);

    /// <summary>The settings for a document path ("x.jsonl#3" counts as x.jsonl).</summary>
    public FileSettings For(string path)
    {
        if (_matchers.Length == 0) return TopLevel;
        var matching = Matching(path);
        if (matching.IsEmpty) return TopLevel;
        var key = string.Join(",", matching.Select(o => o.Index));
        return _byOverrides.GetOrAdd(key, _ => new FileSettings(this, matching));
    }

    /// <summary>True when the analyzer is enabled at the top level or by some override.</summary>
    public bool IsEnabledAnywhere(string analyzerId) =>
        TopLevel.IsEnabled(analyzerId) || Config.Overrides.Any(o => o.Analyzers.Any(a => a.Id == analyzerId && a.Enabled == true));

    public SeverityExplanation Explain(string ruleId, string path) => Decide(ruleId, Matching(path), path);

    internal SeverityExplanation Decide(string ruleId, ImmutableArray<ConfigOverride> overrides, string? path)
    {
        if (!_rules.TryGetValue(ruleId, out var known))
            throw new KeyNotFoundException($"no installed analyzer declares rule '{ruleId}'");
        var rule = known.Rule;
        var steps = ImmutableArray.CreateBuilder<SeverityStep>();
        steps.Add(new SeverityStep("default", rule.IsEnabledByDefault ? rule.DefaultSeverity : Severity.None,
            rule.IsEnabledByDefault ? "the rule's default" : "the rule's default (disabled by default)"));
        SeverityStep? category = null, byRule = null;
        foreach (var (settings, where) in Levels(overrides))
        {
            foreach (var c in settings.Categories.Where(c => c.Key.Equals(rule.Category, StringComparison.OrdinalIgnoreCase)))
                category = new SeverityStep($"category {rule.Category}", c.Severity, c.JsonPath + where);
            foreach (var r in settings.Rules.Where(r => r.Key.Equals(rule.Id, StringComparison.OrdinalIgnoreCase)))
                byRule = new SeverityStep($"rule {rule.Id}", r.Severity, r.JsonPath + where);
        }
        if (category is not null) steps.Add(category);
        if (byRule is not null) steps.Add(byRule);
        return new SeverityExplanation(rule, known.Analyzer, path, steps.ToImmutable());
    }

    private IEnumerable<((ImmutableArray<SeveritySetting> Rules, ImmutableArray<SeveritySetting> Categories), string Where)> Levels(ImmutableArray<ConfigOverride> overrides)
    {
        yield return ((Config.Rules, Config.Categories), "");
        foreach (var o in overrides) yield return ((o.Rules, o.Categories), $" (files {string.Join(", ", o.Files.Select(f => '"' + f + '"'))})");
    }

    private ImmutableArray<ConfigOverride> Matching(string path)
    {
        int hash = path.LastIndexOf('#');
        var file = Path.GetFullPath(hash > 0 && path.AsSpan(hash + 1).ContainsAnyExceptInRange('0', '9') is false ? path[..hash] : path);
        var result = ImmutableArray.CreateBuilder<ConfigOverride>();
        for (int i = 0; i < _matchers.Length; i++)
            if (_matchers[i].Match(Config.BaseDirectory, file).HasMatches) result.Add(Config.Overrides[i]);
        return result.ToImmutable();
    }
}
