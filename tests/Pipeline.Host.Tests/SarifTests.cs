using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Pipeline.Host.Output;
using Pipeline.Sdk;
using Pipeline.Tests;

namespace Pipeline.Host.Tests;

public sealed class SarifTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task findings_sarif_is_valid_SARIF_2_1_0_with_rules_levels_and_regions()
    {
        var reporter = new Alpha { Reports = [TestRules.Capitalised, TestRules.Quiet], OnDocument = Scripts.ReportWord("Putin") };
        var thrower = new Beta { OnDocument = _ => throw new InvalidOperationException("no") };
        var path = _temp.Write("in/a b.txt", "Vladimir Putin met him.\n\nPutin left.");
        var jsonl = _temp.Write("in/c.jsonl", "not a record");
        var run = await HostRun.RunAsync([reporter, thrower], [path, jsonl, _temp.Combine("in/missing.txt")], _temp.Combine("out"),
            configJson: """{ "rules": { "TST001": "suggestion" } }""");

        var sarifPath = Path.Combine(run.Output, "findings.sarif");
        var text = File.ReadAllText(sarifPath);
        AssertValid(text);
        Assert.False(File.Exists(sarifPath + ".tmp"));

        var sarif = JsonNode.Parse(text)!;
        var runNode = sarif["runs"]![0]!;
        var rules = runNode["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Contains(rules, r => r!["id"]!.GetValue<string>() == "TST001" && r["defaultConfiguration"]!["level"]!.GetValue<string>() == "warning");
        Assert.Contains(rules, r => r!["id"]!.GetValue<string>() == "TST003" && r["defaultConfiguration"]!["enabled"]!.GetValue<bool>() == false);
        Assert.Contains(rules, r => r!["id"]!.GetValue<string>() == "PL1001");

        var results = runNode["results"]!.AsArray();
        var finding = results.First(r => r!["ruleId"]!.GetValue<string>() == "TST001")!;
        Assert.Equal("note", finding["level"]!.GetValue<string>());
        var location = finding["locations"]![0]!["physicalLocation"]!;
        Assert.EndsWith("/in/a%20b.txt", location["artifactLocation"]!["uri"]!.GetValue<string>());
        Assert.StartsWith("file:///", location["artifactLocation"]!["uri"]!.GetValue<string>());
        var region = location["region"]!;
        Assert.Equal(1, region["startLine"]!.GetValue<int>());
        Assert.Equal(10, region["startColumn"]!.GetValue<int>());
        Assert.Equal(1, region["endLine"]!.GetValue<int>());
        Assert.Equal(15, region["endColumn"]!.GetValue<int>());
        Assert.Equal(9, region["charOffset"]!.GetValue<int>());
        Assert.Equal(5, region["charLength"]!.GetValue<int>());
        // Host findings: the analyzer failure and the rejected input.
        Assert.Contains(results, r => r!["ruleId"]!.GetValue<string>() == "PL0001" && r["level"]!.GetValue<string>() == "error");
        Assert.Contains(results, r => r!["ruleId"]!.GetValue<string>() == "PL2001");
        Assert.True(runNode["invocations"]![0]!["executionSuccessful"]!.GetValue<bool>());

        // The validator does reject a log that breaks the schema.
        Assert.False(Validate(text.Replace("\"level\": \"note\"", "\"level\": \"loud\"")).IsValid);
    }

    [Fact]
    public void Paths_become_uri_references()
    {
        Assert.Equal("in/a%20b.txt", SarifWriter.ToUri("in/a b.txt"));
        Assert.Equal("feed/x.jsonl#3", SarifWriter.ToUri("feed/x.jsonl#3"));
        Assert.Equal("file:///tmp/x%23y.txt", SarifWriter.ToUri("/tmp/x#y.txt"));
    }

    private static void AssertValid(string sarif)
    {
        var result = Validate(sarif);
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    private static EvaluationResults Validate(string sarif)
    {
        var schemaText = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "Fixtures", "Sarif", "sarif-2.1.0-rtm.5.json"));
        var schemaNode = JsonNode.Parse(schemaText)!.AsObject();
        // Read as draft-07: the only draft-04 keyword it uses is the root "id" (dropped: every $ref is local).
        schemaNode["$schema"] = "http://json-schema.org/draft-07/schema#";
        schemaNode.Remove("id");
        var schema = JsonSchema.FromText(schemaNode.ToJsonString());
        using var instance = JsonDocument.Parse(sarif);
        return schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }
}
