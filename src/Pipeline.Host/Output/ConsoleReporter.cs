using System.Globalization;
using Pipeline.Host.Configuration;
using Pipeline.Sdk;

namespace Pipeline.Host.Output;

/// <summary>
/// Compiler-style lines on standard output: <c>path(line,col): warning HDG001: message</c>,
/// <c>path: error PL2001: reason</c> when there is no position, <c>pipeline: ...</c> when there is no file.
/// </summary>
public sealed class ConsoleReporter(TextWriter output, bool quiet)
{
    public void Report(ReportedFinding finding)
    {
        if (finding.Severity == Severity.None || (quiet && finding.Severity != Severity.Error)) return;
        output.WriteLine(Format(finding));
    }

    public static string Format(ReportedFinding f)
    {
        var where = f.Location switch
        {
            null => "pipeline",
            { Span: not null } l => string.Create(CultureInfo.InvariantCulture, $"{l.Path}({l.StartLine},{l.StartColumn})"),
            var l => l.Path,
        };
        return $"{where}: {SeverityNames.Name(f.Severity)} {f.RuleId}: {f.Message}";
    }
}
