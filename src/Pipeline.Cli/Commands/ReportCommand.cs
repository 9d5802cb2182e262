using System.CommandLine;
using Pipeline.Host.Reports;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline report RUN`: the HTML report (and table exports) of an existing annotations.jsonl, in its folder.</summary>
internal sealed class ReportCommand : ICliCommand
{
    public Command Create()
    {
        var setup = new ReportSetup();
        var input = new Argument<string>("run") { Description = "A run's output folder, or an annotations.jsonl file" };
        var command = new Command("report", "Write the HTML report (report/index.html) and table exports of a run, next to its annotations.jsonl")
        {
            input, setup.Export,
        };
        command.SetAction(parse =>
        {
            var annotations = RunReports.AnnotationsPath(parse.GetValue(input)!);
            var outDir = Path.GetDirectoryName(Path.GetFullPath(annotations))!;
            return ReportSetup.Write(annotations, outDir, html: true, setup.Formats(parse),
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }
}
