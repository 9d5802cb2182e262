using System.CommandLine;
using Pipeline.Host.Running;
using Pipeline.Learning.Clustering;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline clusters --out DIR PATH...`: Brown word clusters (clusters.tsv) from a corpus, for analyzers' features.</summary>
internal sealed class ClustersCommand : ICliCommand
{
    public Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Text files, folders (recursively) or .bio token files", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "The folder to write clusters.tsv into", HelpName = "DIR", Required = true };
        var defaults = new WordClusterOptions();
        var clusters = new Option<int>("--clusters") { Description = "Clusters at the bottom of the hierarchy", HelpName = "N", DefaultValueFactory = _ => defaults.Clusters };
        var minCount = new Option<int>("--min-count") { Description = "Leave out words seen fewer times", HelpName = "N", DefaultValueFactory = _ => defaults.MinCount };
        clusters.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 2) r.AddError("--clusters must be at least 2"); });
        minCount.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--min-count must be at least 1"); });

        var command = new Command("clusters", "Build Brown word clusters (clusters.tsv) from a corpus")
        {
            paths, output, clusters, minCount,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var summary = WordClusterCommand.Run(parse.GetValue(paths)!, parse.GetValue(output)!, new WordClusterOptions
                {
                    Clusters = parse.GetValue(clusters),
                    MinCount = parse.GetValue(minCount),
                    Log = error,
                });
                parse.InvocationConfiguration.Output.WriteLine(
                    $"clusters: {summary.OutputPath} ({summary.Clusters} clusters of {summary.Words} words from {summary.Documents} documents, {summary.Tokens} tokens; {summary.Failures} unreadable)");
                return summary.Failures > 0 ? ExitCodes.Findings : ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"pipeline: error: {ex.Message}");
                return ExitCodes.Findings;
            }
        });
        return command;
    }
}
