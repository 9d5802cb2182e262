using System.CommandLine;
using Pipeline.Host.Exports;
using Pipeline.Host.Reports;
using Pipeline.Host.Running;

namespace Pipeline.Cli;

/// <summary>The --export option, and writing a run folder's report and tables (`pipeline report`, `pipeline run --report`).</summary>
internal sealed class ReportSetup
{
    public Option<string[]> Export { get; } = new("--export")
    {
        Description = "Also write one table per layer into tables/ (csv, parquet), or the entities and quotes as brat standoff files into brat/ (brat); repeatable",
        HelpName = "FORMAT",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public ReportSetup() => Export.AcceptOnlyFromAmong("csv", "parquet", "brat");

    public IReadOnlyCollection<ExportFormat> Formats(ParseResult parse) =>
        (parse.GetValue(Export) ?? []).Select(f => f switch { "csv" => ExportFormat.Csv, "brat" => ExportFormat.Brat, _ => ExportFormat.Parquet }).Distinct().ToList();

    /// <summary>Writes the report (when <paramref name="html"/>) and the exports of <paramref name="annotationsPath"/> into <paramref name="outDir"/>.</summary>
    public static int Write(string annotationsPath, string outDir, bool html, IReadOnlyCollection<ExportFormat> formats, TextWriter output, TextWriter error)
    {
        try
        {
            RunReports.Write(annotationsPath, outDir, html, formats, output, error);
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"pipeline: error: {(ex is FileNotFoundException ? ex.Message : $"{outDir}: {ex.Message}")}");
            return ExitCodes.Usage;
        }
    }
}
