using System.Text.Json;
using Pipeline.Host.Configuration;
using Pipeline.Host.Loading;
using Pipeline.Host.Running;
using Pipeline.Host.Services;
using Pipeline.Sdk;

namespace Pipeline.Host.Tests;

/// <summary>Runs the host in-process over given analyzers and inputs and exposes what it wrote.</summary>
public sealed class HostRun
{
    public required RunResult Result { get; init; }
    public required string Output { get; init; }
    public required string Stdout { get; init; }
    public required string Stderr { get; init; }

    public string AnnotationsPath => Path.Combine(Output, "annotations.jsonl");
    public byte[] AnnotationBytes => File.ReadAllBytes(AnnotationsPath);
    public List<JsonElement> Records => File.ReadLines(AnnotationsPath).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static Task<HostRun> RunAsync(IEnumerable<TextAnalyzer> analyzers, IReadOnlyList<string> inputs, string output,
        string? configJson = null, string? configDirectory = null, int jobs = 2, bool resume = false, double? timeoutSeconds = null,
        ServiceRegistry? services = null, ModelCatalog? models = null, int? maxCharacters = null)
    {
        var catalog = AnalyzerCatalog.FromInstances(analyzers);
        var config = Config(configJson, configDirectory ?? Path.GetDirectoryName(output)!);
        return RunAsync(catalog, config, inputs, output, jobs, resume, timeoutSeconds, services, models, maxCharacters);
    }

    public static PipelineConfig Config(string? json, string directory) =>
        json is null ? PipelineConfig.Default(directory) : ConfigReader.Parse(json, Path.Combine(directory, "pipeline.json"));

    public static async Task<HostRun> RunAsync(AnalyzerCatalog catalog, PipelineConfig config, IReadOnlyList<string> inputs, string output,
        int jobs = 2, bool resume = false, double? timeoutSeconds = null, ServiceRegistry? services = null, ModelCatalog? models = null, int? maxCharacters = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var runner = new PipelineRunner(catalog, new EffectiveConfig(config, catalog), models ?? new ModelCatalog([]), services ?? new ServiceRegistry());
        var result = await runner.RunAsync(new RunOptions
        {
            Inputs = inputs,
            OutputDirectory = output,
            Jobs = jobs,
            Resume = resume,
            TimeoutSeconds = timeoutSeconds,
            MaxCharacters = maxCharacters,
            Out = stdout,
            Error = stderr,
        });
        return new HostRun { Result = result, Output = output, Stdout = stdout.ToString(), Stderr = stderr.ToString() };
    }
}

public static class RecordExtensions
{
    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static JsonElement[] Layer(this JsonElement record, string name) =>
        record.GetProperty("layers").TryGetProperty(name, out var layer) ? [.. layer.EnumerateArray()] : [];

    public static bool HasLayer(this JsonElement record, string name) => record.GetProperty("layers").TryGetProperty(name, out _);

    public static JsonElement[] Failures(this JsonElement record) => [.. record.GetProperty("failures").EnumerateArray()];

    public static JsonElement[] Findings(this JsonElement record) => [.. record.GetProperty("findings").EnumerateArray()];
}
