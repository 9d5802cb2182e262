using System.Collections.Immutable;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Host.Execution;
using Pipeline.Host.Services;
using Pipeline.Text.Records;

namespace Pipeline.Host.Running;

/// <summary>
/// out/run.json: what the records of annotations.jsonl were made with (host and segmenter
/// versions, analyzers and their versions, model manifest hashes, effective configuration)
/// and its fingerprint. Every record in the file belongs to this fingerprint: a run that does
/// not resume, or resumes with another fingerprint, starts the file over.
/// </summary>
public sealed record RunManifest(string Fingerprint, ImmutableArray<string> Components)
{
    public const string FileName = "run.json";
    public const string SchemaVersion = "pipeline.run/1";

    internal static RunManifest Create(AnalysisSession session, ModelCatalog models, string configJson, RunLimits limits, ImmutableArray<string> claims)
    {
        var components = ImmutableArray.CreateBuilder<string>();
        components.Add($"records {AnnotationRecord.SchemaVersion}");
        components.Add($"host {VersionOf(typeof(RunManifest).Assembly)}");
        components.Add($"text {VersionOf(typeof(AnnotationRecord).Assembly)}");
        foreach (var rt in session.Runtimes)
            components.Add($"analyzer {rt.Id} {rt.Installed.Version} plugin {rt.Installed.Plugin.Name} {rt.Installed.Plugin.Version}{(rt.Disabled is null ? "" : " not-run")}");
        foreach (var model in models.Resolved.OrderBy(m => m.Sha256, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal))
            components.Add($"model {model.Name} sha256 {model.Sha256}");
        components.Add($"config sha256 {Sha256(configJson)}");
        components.Add($"limits maxCharacters {limits.MaxCharacters} timeoutSeconds {limits.TimeoutSeconds:R}");
        components.Add($"claims sha256 {Sha256(string.Join("\n", claims))}");
        var list = components.ToImmutable();
        return new RunManifest(Sha256(string.Join("\n", list)), list);
    }

    public void Write(string path)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", SchemaVersion);
            w.WriteString("fingerprint", Fingerprint);
            w.WriteStartArray("components");
            foreach (var c in Components) w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, stream.ToArray());
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The manifest in <paramref name="path"/>, or null when it is missing or unreadable.</summary>
    public static RunManifest? TryRead(string path)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = json.RootElement;
            return new RunManifest(root.GetProperty("fingerprint").GetString()!,
                root.GetProperty("components").EnumerateArray().Select(c => c.GetString()!).ToImmutableArray());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "?";

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>The limits a run applies (pipeline.json "limits", overridden by --max-chars and --timeout).</summary>
public sealed record RunLimits(int MaxCharacters, double TimeoutSeconds)
{
    public TimeSpan? Timeout => TimeoutSeconds > 0 ? TimeSpan.FromSeconds(TimeoutSeconds) : null;
}
