using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Sdk;

namespace Pipeline.Host.Configuration;

/// <summary>An analyzer's settings at one level (top level or an override).</summary>
/// <param name="Enabled">Null when the level does not say.</param>
/// <param name="Options">Options set at this level (merged key by key over earlier levels).</param>
/// <param name="JsonPath">Where the settings are, e.g. "$.analyzers.hedging".</param>
public sealed record AnalyzerSetting(string Id, bool? Enabled, ImmutableDictionary<string, JsonElement> Options, string JsonPath);

/// <summary>A severity set for a rule id or a category.</summary>
public sealed record SeveritySetting(string Key, Severity Severity, string JsonPath);

/// <summary>Settings applied to the files matching <see cref="Files"/> (globs relative to the config's folder).</summary>
public sealed record ConfigOverride(
    int Index,
    ImmutableArray<string> Files,
    ImmutableArray<SeveritySetting> Rules,
    ImmutableArray<SeveritySetting> Categories,
    ImmutableArray<AnalyzerSetting> Analyzers)
{
    public string JsonPath => $"$.overrides[{Index}]";
    public string Describe() => $"{JsonPath} (files {string.Join(", ", Files.Select(f => '"' + f + '"'))})";
}

/// <summary>
/// pipeline.json, validated (see docs/FORMATS.md). Later levels win: overrides in order over
/// the top level; a rule setting over a category setting over the rule's default.
/// </summary>
public sealed record PipelineConfig
{
    public const int DefaultMaxCharacters = 5_000_000;
    public const double DefaultTimeoutSeconds = 60;

    /// <summary>The file it was read from; null when no pipeline.json was found.</summary>
    public string? SourcePath { get; init; }
    /// <summary>The folder globs and relative paths are relative to.</summary>
    public required string BaseDirectory { get; init; }
    /// <summary>Top-level analyzer settings in file order (which breaks scheduling ties).</summary>
    public ImmutableArray<AnalyzerSetting> Analyzers { get; init; } = [];
    public ImmutableArray<SeveritySetting> Rules { get; init; } = [];
    public ImmutableArray<SeveritySetting> Categories { get; init; } = [];
    public ImmutableArray<ConfigOverride> Overrides { get; init; } = [];
    public int MaxCharacters { get; init; } = DefaultMaxCharacters;
    /// <summary>0 means no timeout.</summary>
    public double AnalyzerTimeoutSeconds { get; init; } = DefaultTimeoutSeconds;
    public ImmutableArray<string> Claims { get; init; } = [];
    /// <summary>Full path of the configured models folder, if any.</summary>
    public string? ModelsDirectory { get; init; }
    /// <summary>The file's JSON without whitespace (for run fingerprints).</summary>
    public string CanonicalJson { get; init; } = "{}";

    public static PipelineConfig Default(string baseDirectory) => new() { BaseDirectory = baseDirectory };

    public string DisplayName => SourcePath is null ? "defaults" : Path.GetFileName(SourcePath);

    /// <summary>The analyzer's top-level options.</summary>
    public AnalyzerOptions OptionsFor(string analyzerId) =>
        new(Analyzers.FirstOrDefault(a => a.Id == analyzerId)?.Options ?? ImmutableDictionary<string, JsonElement>.Empty);
}

/// <summary>pipeline.json is invalid; every message names the file, the JSON path and the problem.</summary>
public sealed class ConfigException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
