using System.CommandLine;
using Pipeline.Host.Configuration;
using Pipeline.Host.Running;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline rules`: every rule id with its title, category, default and effective severity and analyzer.</summary>
internal sealed class RulesCommand : ICliCommand
{
    public Command Create()
    {
        var host = new HostSetup();
        var command = new Command("rules", "List every rule the installed analyzers and the host can report, with default and effective severity");
        host.AddTo(command);
        command.SetAction(parse =>
        {
            var environment = host.Load(parse);
            if (environment is null) return ExitCodes.Usage;
            var output = parse.InvocationConfiguration.Output;
            var rows = environment.Catalog.Rules
                .DistinctBy(r => r.Rule.Id)
                .Select(r => new[]
                {
                    r.Rule.Id, r.Analyzer, r.Rule.Category,
                    SeverityNames.Name(r.Rule.IsEnabledByDefault ? r.Rule.DefaultSeverity : Pipeline.Sdk.Severity.None),
                    SeverityNames.Name(environment.Config.TopLevel.SeverityOf(r.Rule.Id)),
                    r.Rule.Title,
                })
                .Prepend(["Rule", "Analyzer", "Category", "Default", "Effective", "Title"])
                .ToList();
            var widths = Enumerable.Range(0, 5).Select(i => rows.Max(r => r[i].Length)).ToArray();
            foreach (var row in rows)
                output.WriteLine(string.Join("  ", row.Take(5).Select((cell, i) => cell.PadRight(widths[i]))) + "  " + row[5]);
            return ExitCodes.Ok;
        });
        return command;
    }
}
