using Pipeline.Host.Exports;
using Pipeline.Host.Reports;

namespace Pipeline.Reports.Tests;

public class RunReportsTests
{
    [Fact]
    public void A_run_folder_gets_its_report_and_tables_and_bad_lines_are_reported_once()
    {
        var dir = Fixtures.NewFolder("run");
        Fixtures.WriteWithBadLines(dir);
        var output = new StringWriter();
        var error = new StringWriter();
        var result = RunReports.Write(RunReports.AnnotationsPath(dir), dir, html: true, [ExportFormat.Csv, ExportFormat.Parquet], output, error);

        Assert.Equal(3, result.BadLineCount);
        Assert.Equal(2, result.Exports.Count);
        Assert.True(File.Exists(Path.Combine(dir, "report", "index.html")));
        Assert.True(File.Exists(Path.Combine(dir, "tables", "entities.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "tables", "entities.parquet")));
        Assert.Equal(3, error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("report: ", lines[0]);
        Assert.Contains("(2 documents, 3 unreadable lines skipped)", lines[0]);
        Assert.Contains("csv files", lines[1]);
        Assert.Contains("parquet files", lines[2]);
    }

    [Fact]
    public void A_missing_annotations_file_is_named()
    {
        var dir = Fixtures.NewFolder("run");
        var ex = Assert.Throws<FileNotFoundException>(() =>
            RunReports.Write(RunReports.AnnotationsPath(dir), dir, html: true, [], TextWriter.Null, TextWriter.Null));
        Assert.Equal($"{Path.Combine(dir, "annotations.jsonl")}: annotations file not found", ex.Message);
    }
}
