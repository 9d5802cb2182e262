using System.CommandLine;
using Pipeline.Host.Loading;
using Pipeline.Host.Output;
using Pipeline.Host.Running;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline plugins`: each plugin folder, its version, analyzers and load problems.</summary>
internal sealed class PluginsCommand : ICliCommand
{
    public Command Create()
    {
        var host = new HostSetup();
        var command = new Command("plugins", "List the plugins found, their analyzers (with what they require and produce) and load problems");
        host.AddTo(command);
        command.SetAction(parse =>
        {
            var environment = host.Load(parse);
            if (environment is null) return ExitCodes.Usage;
            var output = parse.InvocationConfiguration.Output;
            var top = environment.Config.TopLevel;

            output.WriteLine(environment.PluginFolders.Count == 0
                ? $"No plugins folder found (searched --plugins, ./plugins and {Path.Combine(InstallFolders.Current, PluginDiscovery.FolderName)})."
                : "Plugins folders: " + string.Join(", ", environment.PluginFolders.Select(HostSetup.Display)));
            foreach (var plugin in environment.Catalog.Plugins)
            {
                output.WriteLine();
                output.WriteLine($"{plugin.Info.Name} {plugin.Info.Version}  {HostSetup.Display(plugin.Info.Location)}");
                foreach (var a in plugin.Analyzers)
                {
                    var state = top.IsEnabled(a.Id) ? "" : $"  [disabled in {environment.Config.Config.DisplayName}]";
                    output.WriteLine($"  {a.Id} {a.Version}{state}{(a.Description is null ? "" : "  " + a.Description)}");
                    output.WriteLine($"    requires: {List(a.Requires.Select(l => l.Name))}");
                    if (!a.OptionalRequires.IsEmpty) output.WriteLine($"    optional: {List(a.OptionalRequires.Select(l => l.Name))}");
                    output.WriteLine($"    produces: {List(a.Produces.Select(l => l.Name))}");
                    output.WriteLine($"    rules:    {List(a.Rules.Select(r => r.Id))}");
                }
                foreach (var problem in plugin.Problems)
                    output.WriteLine("  " + ConsoleReporter.Format(problem with
                    {
                        Severity = top.SeverityOf(problem.RuleId),
                        Location = problem.Location! with { Path = HostSetup.Display(problem.Location!.Path) },
                    }));
            }
            return environment.Catalog.Problems.Any(p => top.SeverityOf(p.RuleId) == Pipeline.Sdk.Severity.Error) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static string List(IEnumerable<string> items) => items.ToList() is { Count: > 0 } list ? string.Join(", ", list) : "-";
}
