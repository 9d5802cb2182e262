using Pipeline.Host.Exports;

namespace Pipeline.Host.Reports;

/// <summary>What <see cref="RunReports.Write"/> made: the report (when asked) and one export per format.</summary>
public sealed record RunReportsResult(ReportResult? Report, IReadOnlyList<ExportResult> Exports)
{
    /// <summary>Unreadable lines of annotations.jsonl (each output reads the whole file and counts them).</summary>
    public int BadLineCount => Report?.BadLineCount ?? Exports.FirstOrDefault()?.BadLineCount ?? 0;
}

/// <summary>
/// The report and exports of a run folder, as `pipeline report DIR` and
/// `pipeline run ... --report html --export csv` make them: DIR/report/index.html,
/// DIR/tables/&lt;table&gt;.csv|.parquet and DIR/brat/, from DIR/annotations.jsonl.
/// </summary>
public static class RunReports
{
    public const string AnnotationsFile = "annotations.jsonl";
    public const string ReportFolder = "report";
    public const string TablesFolder = "tables";

    /// <summary>The annotations file of a run folder, or the file itself when given one.</summary>
    public static string AnnotationsPath(string runFolderOrFile) =>
        Directory.Exists(runFolderOrFile) ? Path.Combine(runFolderOrFile, AnnotationsFile) : runFolderOrFile;

    /// <summary>
    /// Writes the HTML report (when <paramref name="html"/>) and an export per format into
    /// <paramref name="outDir"/>; prints one line per output to <paramref name="output"/> and
    /// unreadable lines ("file:line: reason") to <paramref name="error"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The annotations file does not exist.</exception>
    public static RunReportsResult Write(string annotationsPath, string outDir, bool html, IReadOnlyCollection<ExportFormat> exports,
        TextWriter output, TextWriter error)
    {
        if (!File.Exists(annotationsPath)) throw new FileNotFoundException($"{annotationsPath}: annotations file not found", annotationsPath);
        ReportResult? report = null;
        if (html)
        {
            report = HtmlReport.Write(annotationsPath, Path.Combine(outDir, ReportFolder), log: error);
            output.WriteLine($"report: {report.IndexFile} ({Count(report.Documents, "document")}{Skipped(report.BadLineCount)})");
        }
        var results = new List<ExportResult>();
        foreach (var format in exports.Distinct())
        {
            // Bad lines are reported once, by the first output that reads the file.
            var log = html || results.Count > 0 ? TextWriter.Null : error;
            if (format == ExportFormat.Brat)
            {
                string folder = Path.Combine(outDir, BratExport.Folder);
                var brat = BratExport.Write(annotationsPath, folder, log);
                results.Add(brat);
                output.WriteLine($"brat: {folder} ({Count(brat.Documents, "document")}, {Count(brat.Rows["entities"], "entity mention")}, "
                                 + $"{Count(brat.Rows["quotes"], "quote")}{Skipped(brat.BadLineCount)})");
                continue;
            }
            var result = TableExport.Write(annotationsPath, Path.Combine(outDir, TablesFolder), format, log);
            results.Add(result);
            output.WriteLine($"tables: {Path.Combine(outDir, TablesFolder)} ({result.Files.Count} {format.ToString().ToLowerInvariant()} files, "
                             + $"{Count(result.Rows.Values.Sum(), "row")}{Skipped(result.BadLineCount)})");
        }
        return new RunReportsResult(report, results);
    }

    private static string Skipped(int badLines) => badLines == 0 ? "" : $", {Count(badLines, "unreadable line")} skipped";

    private static string Count(long n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
