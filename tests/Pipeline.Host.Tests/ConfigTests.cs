using Pipeline.Cli;
using Pipeline.Host.Configuration;
using Pipeline.Host.Loading;
using Pipeline.Sdk;

namespace Pipeline.Host.Tests;

public sealed class ConfigTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static IReadOnlyList<string> Errors(string json) =>
        Assert.Throws<ConfigException>(() => ConfigReader.Parse(json, "/work/pipeline.json")).Errors;

    [Theory]
    [InlineData("""{ "analyzers": { "hedging": { "enabled": "yes" } } }""", "pipeline.json: $.analyzers.hedging.enabled: expected true or false")]
    [InlineData("""{ "rules": { "HDG001": "fatal" } }""", "pipeline.json: $.rules.HDG001: expected one of none, suggestion, warning, error")]
    [InlineData("""{ "categories": { "Hedging": 3 } }""", "pipeline.json: $.categories.Hedging: expected one of none, suggestion, warning, error")]
    [InlineData("""{ "overrides": [ { "rules": {} } ] }""", "pipeline.json: $.overrides[0]: missing \"files\" (a glob or an array of globs)")]
    [InlineData("""{ "overrides": [ { "files": [], "rules": {} } ] }""", "pipeline.json: $.overrides[0].files: expected a glob or a non-empty array of globs")]
    [InlineData("""{ "limits": { "maxCharacters": -5 } }""", "pipeline.json: $.limits.maxCharacters: expected a positive whole number")]
    [InlineData("""{ "limits": { "analyzerTimeoutSeconds": "soon" } }""", "pipeline.json: $.limits.analyzerTimeoutSeconds: expected a number of seconds, 0 or more (0: no timeout)")]
    [InlineData("""{ "claims": "one claim" }""", "pipeline.json: $.claims: expected an array of non-empty strings")]
    [InlineData("""{ "analyzer": {} }""", "pipeline.json: $.analyzer: unknown setting (expected one of: analyzers, rules, categories, overrides, limits, claims, modelsDirectory)")]
    [InlineData("""{ "analyzers": { "hedging": { "enabled": true, "option": {} } } }""", "pipeline.json: $.analyzers.hedging.option: unknown setting (expected one of: enabled, options)")]
    [InlineData("""[1, 2]""", "pipeline.json: $: expected an object")]
    public void Each_error_names_the_file_the_json_path_and_the_problem(string json, string expected)
    {
        Assert.Contains(expected, Errors(json));
    }

    [Fact]
    public void Invalid_json_names_the_line()
    {
        var error = Assert.Single(Errors("{\n  \"rules\": { \"A\": \"error\" \n}"));
        Assert.StartsWith("pipeline.json: invalid JSON at line 3", error);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        Assert.Equal(2, Errors("""{ "rules": { "A": "loud" }, "limits": { "maxCharacters": 0 } }""").Count);
    }

    [Fact]
    public void A_valid_file_is_read_with_comments_relative_paths_and_limits()
    {
        var config = ConfigReader.Parse("""
            // Newsroom settings
            {
              "$schema": "./pipeline.schema.json",
              "analyzers": { "stance": { "enabled": false }, "hedging": { "options": { "lexicon": "strict" } } },
              "limits": { "maxCharacters": 1000, "analyzerTimeoutSeconds": 2.5 },
              "claims": ["Belarus will join Russia"],
              "modelsDirectory": "../models",
            }
            """, "/work/config/pipeline.json");

        Assert.Equal(["stance", "hedging"], config.Analyzers.Select(a => a.Id));
        Assert.False(config.Analyzers[0].Enabled);
        Assert.Equal(1000, config.MaxCharacters);
        Assert.Equal(2.5, config.AnalyzerTimeoutSeconds);
        Assert.Equal("/work/models", config.ModelsDirectory);
        Assert.Equal("strict", config.OptionsFor("hedging").GetString("lexicon"));
    }

    [Fact]
    public void Severity_comes_from_the_last_rule_setting_else_the_last_category_setting_else_the_default()
    {
        var catalog = AnalyzerCatalog.FromInstances([new Alpha { Reports = [TestRules.Capitalised, TestRules.Quiet] }]);
        var config = new EffectiveConfig(ConfigReader.Parse("""
            {
              "categories": { "Testing": "suggestion" },
              "overrides": [
                { "files": "wires/**/*.txt", "rules": { "TST001": "error" } },
                { "files": "wires/ap/*.txt", "categories": { "Testing": "none" } },
                { "files": "*.md", "categories": { "Quiet": "warning" } }
              ]
            }
            """, "/work/pipeline.json"), catalog);

        Assert.Equal(Severity.Suggestion, config.For("/work/home/a.txt").SeverityOf("TST001"));
        Assert.Equal(Severity.Error, config.For("/work/wires/x/a.txt").SeverityOf("TST001"));
        // A rule setting beats a later category setting.
        Assert.Equal(Severity.Error, config.For("/work/wires/ap/a.txt").SeverityOf("TST001"));
        Assert.Equal(Severity.None, config.For("/work/a.txt").SeverityOf("TST003"));
        Assert.Equal(Severity.Warning, config.For("/work/a.md").SeverityOf("TST003"));
        Assert.Equal(Severity.Error, config.For("/work/wires/x/a.txt#3").SeverityOf("TST001"));

        var explanation = config.Explain("TST001", "/work/wires/ap/a.txt");
        Assert.Equal(["default", "category Testing", "rule TST001"], explanation.Steps.Select(s => s.Source));
        Assert.Equal("$.overrides[1].categories.Testing (files \"wires/ap/*.txt\")", explanation.Steps[1].Where);
        Assert.Equal("$.overrides[0].rules.TST001 (files \"wires/**/*.txt\")", explanation.Steps[2].Where);
    }

    [Fact]
    public void Config_explain_prints_the_effective_severity_and_where_it_came_from()
    {
        var config = _temp.Write("pipeline.json", """
            {
              "categories": { "Pipeline": "suggestion" },
              "overrides": [ { "files": "wires/**/*.txt", "rules": { "PL0003": "error" } } ]
            }
            """);
        var (code, stdout, _) = Cli("config", "explain", _temp.Combine("wires/ap/a.txt"), "PL0003", "--config", config);

        Assert.Equal(0, code);
        Assert.Contains("PL0003 (Analyzer skipped; analyzer pipeline, category Pipeline) is error", stdout);
        Assert.Contains("  default: warning (the rule's default)", stdout);
        Assert.Contains("  category Pipeline: suggestion ($.categories.Pipeline)", stdout);
        Assert.Contains("  rule PL0003: error ($.overrides[0].rules.PL0003 (files \"wires/**/*.txt\"))   <- effective", stdout);

        var (homeCode, home, _) = Cli("config", "explain", _temp.Combine("home.txt"), "PL0003", "--config", config);
        Assert.Equal(0, homeCode);
        Assert.Contains("is suggestion", home);
    }

    [Fact]
    public void An_invalid_config_stops_every_command_with_exit_code_2()
    {
        var config = _temp.Write("bad.json", """{ "analyzers": { "hedging": { "enabled": "yes" } } }""");
        var (code, _, stderr) = Cli("run", _temp.Path, "--out", _temp.Combine("out"), "--config", config);

        Assert.Equal(2, code);
        Assert.Contains("$.analyzers.hedging.enabled: expected true or false", stderr);
        Assert.False(Directory.Exists(_temp.Combine("out")));
        Assert.Contains("file not found", Cli("rules", "--config", _temp.Combine("nope.json")).Stderr);
    }

    [Fact]
    public void Config_explain_refuses_an_unknown_rule()
    {
        var (code, _, stderr) = Cli("config", "explain", "a.txt", "XYZ999");
        Assert.Equal(2, code);
        Assert.Contains("no installed analyzer declares rule 'XYZ999'", stderr);
    }

    internal static (int Code, string Stdout, string Stderr) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
