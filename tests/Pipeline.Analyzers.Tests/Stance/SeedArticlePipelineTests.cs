using System.Text.Json;
using Pipeline.Cli;
using Pipeline.Tests;

namespace Pipeline.Analyzers.Tests.Stance;

/// <summary>
/// The seed article through `pipeline run` with the installed plugins: the entity analyzer finds
/// the people and organisations, the stance analyzer judges them. Skipped, with the reason, only
/// when no installed analyzer produced an entity layer (the entity model is not installed).
/// </summary>
public sealed class SeedArticlePipelineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stance-seed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public void The_run_gives_the_authors_stances_the_seed_article_calls_for()
    {
        string config = Path.Combine(_folder, "pipeline.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new { modelsDirectory = Path.Combine(TestPaths.RepoRoot, "models") }));
        var stderr = new StringWriter();
        int code = CliApp.Run(
            [
                "run", Path.Combine(TestPaths.Seeds, "dialog-of-dictators.txt"), "--out", Path.Combine(_folder, "out"),
                "--config", config, "--plugins", Path.Combine(TestPaths.RepoRoot, "plugins"), "--quiet",
            ], new StringWriter(), stderr);
        Assert.True(code is 0 or 1, $"pipeline run exited with {code}: {stderr}");

        using var record = JsonDocument.Parse(File.ReadLines(Path.Combine(_folder, "out", "annotations.jsonl")).First());
        var layers = record.RootElement.GetProperty("layers");
        Skip.IfNot(layers.TryGetProperty("entities", out var entities) && entities.GetArrayLength() > 0,
            $"no entity layer: no installed analyzer in {TestPaths.RepoRoot}/plugins produced entities (the entity analyzer or its model is not installed). {stderr.ToString().Trim()}");

        var authorStances = layers.GetProperty("stance").EnumerateArray()
            .Where(s => s.GetProperty("scope").GetString() == "article" && s.GetProperty("holder").GetString() == "author")
            .Select(s => (Name: s.GetProperty("canonicalName").GetString()!, Label: s.GetProperty("label").GetString()!))
            .ToList();
        string[] LabelsToward(string name)
        {
            var labels = authorStances.Where(s => s.Name.Contains(name, StringComparison.Ordinal)).Select(s => s.Label).ToArray();
            Assert.True(labels.Length > 0, $"no article stance toward {name}; stances: {string.Join(", ", authorStances)}");
            return labels;
        }
        Assert.All(LabelsToward("Lukashen"), l => Assert.Equal("negative", l));
        Assert.All(LabelsToward("Putin"), l => Assert.Equal("negative", l));
        Assert.All(LabelsToward("Kommersant"), l => Assert.Equal("neutral", l));
    }
}
