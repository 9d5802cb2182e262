using System.CommandLine;
using Pipeline.Host.Configuration;
using Pipeline.Host.Running;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline config explain FILE RULE`: the effective severity of a rule for a file, and where it came from.</summary>
internal sealed class ConfigCommand : ICliCommand
{
    public Command Create()
    {
        var host = new HostSetup();
        var file = new Argument<string>("file") { Description = "An article path, as it would be given to `pipeline run`" };
        var rule = new Argument<string>("ruleId") { Description = "A rule id, e.g. HDG001 (see `pipeline rules`)" };
        var explain = new Command("explain", "Print the effective severity of a rule for a file and where it came from (default, category, rule, override)")
        {
            file, rule,
        };
        host.AddTo(explain);
        explain.SetAction(parse =>
        {
            var environment = host.Load(parse);
            if (environment is null) return ExitCodes.Usage;
            var output = parse.InvocationConfiguration.Output;
            var ruleId = parse.GetValue(rule)!;
            if (!environment.Config.IsKnownRule(ruleId))
            {
                parse.InvocationConfiguration.Error.WriteLine($"pipeline: error: no installed analyzer declares rule '{ruleId}' (see `pipeline rules`)");
                return ExitCodes.Usage;
            }
            var explanation = environment.Config.Explain(ruleId, parse.GetValue(file)!);
            var r = explanation.Rule;
            output.WriteLine($"{explanation.Path}: {r.Id} ({r.Title}; analyzer {explanation.Analyzer}, category {r.Category}) is {SeverityNames.Name(explanation.Effective)}");
            output.WriteLine($"  configuration: {environment.Config.Config.SourcePath ?? "none (no pipeline.json)"}");
            for (int i = 0; i < explanation.Steps.Length; i++)
            {
                var step = explanation.Steps[i];
                var mark = i == explanation.Steps.Length - 1 ? "   <- effective" : "";
                output.WriteLine($"  {step.Source}: {SeverityNames.Name(step.Severity)} ({step.Where}){mark}");
            }
            return ExitCodes.Ok;
        });
        return new Command("config", "Inspect the configuration") { explain };
    }
}
