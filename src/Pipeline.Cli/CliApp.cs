using System.CommandLine;
using Pipeline.Cli.Commands;
using Pipeline.Host.Running;

namespace Pipeline.Cli;

/// <summary>The `pipeline` command: one subcommand per file in Commands/, registered here.</summary>
public static class CliApp
{
    private static readonly ICliCommand[] Commands =
    [
        new RunCommand(),
        new PluginsCommand(),
        new RulesCommand(),
        new ConfigCommand(),
        new TrainCommand(),
        new EvalCommand(),
        new ReportCommand(),
        new ClustersCommand(),
    ];

    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs with the given output streams (tests run the CLI in-process this way).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Pipeline: a Roslyn-style text-analysis pipeline for news articles.");
        foreach (var command in Commands) root.Add(command.Create());

        // No response files: "@list.txt" is an input list for `run`, read by the input resolver.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine($"pipeline: error: {e.Message}");
            error.WriteLine("Run 'pipeline --help' for usage.");
            return ExitCodes.Usage;
        }
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
