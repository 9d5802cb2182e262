using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Sdk;

namespace Pipeline.Host.Configuration;

/// <summary>Reads and validates pipeline.json.</summary>
public static class ConfigReader
{
    public const string FileName = "pipeline.json";

    private static readonly string[] RootKeys = ["$schema", "analyzers", "rules", "categories", "overrides", "limits", "claims", "modelsDirectory"];
    private static readonly string[] OverrideKeys = ["files", "rules", "categories", "analyzers"];
    private static readonly string[] AnalyzerKeys = ["enabled", "options"];
    private static readonly string[] LimitKeys = ["maxCharacters", "analyzerTimeoutSeconds"];

    /// <summary>The given file, else pipeline.json in the working directory, else the defaults.</summary>
    /// <exception cref="ConfigException">The file is missing (when given) or invalid.</exception>
    public static PipelineConfig Load(string? path, string workingDirectory)
    {
        if (path is null)
        {
            var candidate = Path.Combine(workingDirectory, FileName);
            if (!File.Exists(candidate)) return PipelineConfig.Default(workingDirectory);
            path = candidate;
        }
        var full = Path.GetFullPath(path, workingDirectory);
        string text;
        try { text = File.ReadAllText(full); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException([$"{path}: {(ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : ex.Message)}"]);
        }
        return Parse(text, full, path);
    }

    /// <param name="displayName">How messages name the file (as the user gave it).</param>
    public static PipelineConfig Parse(string json, string fullPath, string? displayName = null)
    {
        var errors = new Errors(displayName ?? Path.GetFileName(fullPath));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new ConfigException([$"{errors.File}: invalid JSON at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: {FirstSentence(ex.Message)}"]);
        }
        using (document)
        {
            var root = document.RootElement;
            var baseDirectory = Path.GetDirectoryName(fullPath)!;
            var config = new PipelineConfig { SourcePath = fullPath, BaseDirectory = baseDirectory, CanonicalJson = Minify(root) };
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add("$", "expected an object");
                throw errors.ToException();
            }
            CheckKeys(root, "$", RootKeys, errors);
            if (root.TryGetProperty("analyzers", out var analyzers)) config = config with { Analyzers = ReadAnalyzers(analyzers, "$.analyzers", errors) };
            if (root.TryGetProperty("rules", out var rules)) config = config with { Rules = ReadSeverities(rules, "$.rules", errors) };
            if (root.TryGetProperty("categories", out var categories)) config = config with { Categories = ReadSeverities(categories, "$.categories", errors) };
            if (root.TryGetProperty("overrides", out var overrides)) config = config with { Overrides = ReadOverrides(overrides, errors) };
            if (root.TryGetProperty("limits", out var limits)) config = ReadLimits(limits, config, errors);
            if (root.TryGetProperty("claims", out var claims)) config = config with { Claims = ReadStrings(claims, "$.claims", errors, allowSingle: false) };
            if (root.TryGetProperty("modelsDirectory", out var models))
            {
                if (models.ValueKind == JsonValueKind.String && models.GetString() is { Length: > 0 } dir)
                    config = config with { ModelsDirectory = Path.GetFullPath(dir, baseDirectory) };
                else errors.Add("$.modelsDirectory", "expected a folder path (a non-empty string)");
            }
            if (errors.Count > 0) throw errors.ToException();
            return config;
        }
    }

    private static ImmutableArray<AnalyzerSetting> ReadAnalyzers(JsonElement e, string path, Errors errors)
    {
        if (!ExpectObject(e, path, errors)) return [];
        var result = ImmutableArray.CreateBuilder<AnalyzerSetting>();
        foreach (var p in e.EnumerateObject())
        {
            var at = $"{path}.{p.Name}";
            if (!ExpectObject(p.Value, at, errors)) continue;
            CheckKeys(p.Value, at, AnalyzerKeys, errors);
            bool? enabled = null;
            if (p.Value.TryGetProperty("enabled", out var en))
            {
                if (en.ValueKind is JsonValueKind.True or JsonValueKind.False) enabled = en.GetBoolean();
                else errors.Add($"{at}.enabled", "expected true or false");
            }
            var options = ImmutableDictionary<string, JsonElement>.Empty;
            if (p.Value.TryGetProperty("options", out var opts) && ExpectObject(opts, $"{at}.options", errors))
                options = opts.EnumerateObject().ToImmutableDictionary(o => o.Name, o => o.Value.Clone());
            result.Add(new AnalyzerSetting(p.Name, enabled, options, at));
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<SeveritySetting> ReadSeverities(JsonElement e, string path, Errors errors)
    {
        if (!ExpectObject(e, path, errors)) return [];
        var result = ImmutableArray.CreateBuilder<SeveritySetting>();
        foreach (var p in e.EnumerateObject())
        {
            var at = $"{path}.{p.Name}";
            if (p.Value.ValueKind == JsonValueKind.String && SeverityNames.TryParse(p.Value.GetString(), out var severity))
                result.Add(new SeveritySetting(p.Name, severity, at));
            else errors.Add(at, $"expected one of {string.Join(", ", SeverityNames.All)}");
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<ConfigOverride> ReadOverrides(JsonElement e, Errors errors)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            errors.Add("$.overrides", "expected an array of objects");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<ConfigOverride>();
        int index = 0;
        foreach (var item in e.EnumerateArray())
        {
            var at = $"$.overrides[{index}]";
            if (ExpectObject(item, at, errors))
            {
                CheckKeys(item, at, OverrideKeys, errors);
                ImmutableArray<string> files = [];
                if (item.TryGetProperty("files", out var f)) files = ReadStrings(f, $"{at}.files", errors, allowSingle: true);
                else errors.Add(at, "missing \"files\" (a glob or an array of globs)");
                result.Add(new ConfigOverride(index, files,
                    item.TryGetProperty("rules", out var r) ? ReadSeverities(r, $"{at}.rules", errors) : [],
                    item.TryGetProperty("categories", out var c) ? ReadSeverities(c, $"{at}.categories", errors) : [],
                    item.TryGetProperty("analyzers", out var a) ? ReadAnalyzers(a, $"{at}.analyzers", errors) : []));
            }
            index++;
        }
        return result.ToImmutable();
    }

    private static PipelineConfig ReadLimits(JsonElement e, PipelineConfig config, Errors errors)
    {
        if (!ExpectObject(e, "$.limits", errors)) return config;
        CheckKeys(e, "$.limits", LimitKeys, errors);
        if (e.TryGetProperty("maxCharacters", out var max))
        {
            if (max.ValueKind == JsonValueKind.Number && max.TryGetInt32(out int n) && n > 0) config = config with { MaxCharacters = n };
            else errors.Add("$.limits.maxCharacters", "expected a positive whole number");
        }
        if (e.TryGetProperty("analyzerTimeoutSeconds", out var timeout))
        {
            if (timeout.ValueKind == JsonValueKind.Number && timeout.GetDouble() is >= 0 and var s) config = config with { AnalyzerTimeoutSeconds = s };
            else errors.Add("$.limits.analyzerTimeoutSeconds", "expected a number of seconds, 0 or more (0: no timeout)");
        }
        return config;
    }

    private static ImmutableArray<string> ReadStrings(JsonElement e, string path, Errors errors, bool allowSingle)
    {
        if (allowSingle && e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } single) return [single];
        if (e.ValueKind == JsonValueKind.Array && e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String && x.GetString()!.Length > 0))
        {
            var items = e.EnumerateArray().Select(x => x.GetString()!).ToImmutableArray();
            if (!allowSingle || items.Length > 0) return items;
        }
        errors.Add(path, allowSingle ? "expected a glob or a non-empty array of globs" : "expected an array of non-empty strings");
        return [];
    }

    private static bool ExpectObject(JsonElement e, string path, Errors errors)
    {
        if (e.ValueKind == JsonValueKind.Object) return true;
        errors.Add(path, "expected an object");
        return false;
    }

    private static void CheckKeys(JsonElement e, string path, string[] known, Errors errors)
    {
        foreach (var p in e.EnumerateObject())
            if (!known.Contains(p.Name))
                errors.Add($"{path}.{p.Name}", $"unknown setting (expected one of: {string.Join(", ", known.Where(k => k != "$schema"))})");
    }

    private static string Minify(JsonElement root)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream)) root.WriteTo(w);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string FirstSentence(string message) => message.Split(" LineNumber:")[0].TrimEnd('.', ' ');

    private sealed class Errors(string file)
    {
        private readonly List<string> _messages = [];
        public string File => file;
        public int Count => _messages.Count;
        public void Add(string path, string problem) => _messages.Add($"{file}: {path}: {problem}");
        public ConfigException ToException() => new(_messages);
    }
}

/// <summary>The severity names of pipeline.json and the outputs.</summary>
public static class SeverityNames
{
    public static readonly string[] All = ["none", "suggestion", "warning", "error"];

    public static string Name(Severity severity) => All[(int)severity];

    public static bool TryParse(string? name, out Severity severity)
    {
        int i = Array.IndexOf(All, name);
        severity = i < 0 ? Severity.None : (Severity)i;
        return i >= 0;
    }
}
