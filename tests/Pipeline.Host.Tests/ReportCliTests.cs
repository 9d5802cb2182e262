using Pipeline.Tests;

namespace Pipeline.Host.Tests;

/// <summary>`pipeline run --report html --export ...`, `pipeline report` and `pipeline clusters`.</summary>
public sealed class ReportCliTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Run_writes_the_report_and_tables_after_the_records_and_report_makes_them_again()
    {
        var output = _temp.Combine("out");
        var (code, stdout, stderr) = ConfigTests.Cli("run", TestPaths.Seeds, "--out", output, "--report", "html", "--export", "csv");

        Assert.True(code == 0, stdout + stderr);
        Assert.True(File.Exists(Path.Combine(output, "report", "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "tables", "findings.csv")));
        Assert.Contains($"report: {Path.Combine(output, "report", "index.html")} (1 document)", stdout);
        Assert.Contains($"tables: {Path.Combine(output, "tables")} (", stdout);

        Directory.Delete(Path.Combine(output, "report"), recursive: true);
        var again = ConfigTests.Cli("report", Path.Combine(output, "annotations.jsonl"), "--export", "parquet");
        Assert.Equal(0, again.Code);
        Assert.True(File.Exists(Path.Combine(output, "report", "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "tables", "findings.parquet")));
    }

    [Fact]
    public void Report_names_a_missing_annotations_file_and_refuses_unknown_formats()
    {
        var (code, _, stderr) = ConfigTests.Cli("report", _temp.Path);
        Assert.Equal(2, code);
        Assert.Equal($"pipeline: error: {Path.Combine(_temp.Path, "annotations.jsonl")}: annotations file not found", stderr.Trim());

        Assert.Equal(2, ConfigTests.Cli("report", _temp.Path, "--export", "xlsx").Code);
        Assert.Equal(2, ConfigTests.Cli("run", TestPaths.Seeds, "--out", _temp.Combine("o"), "--report", "pdf").Code);
    }

    [Fact]
    public void Clusters_writes_clusters_tsv_from_a_corpus()
    {
        var words = new[] { "the cat sat on the mat", "the dog sat on the rug", "a cat ran to the dog", "a dog ran to the cat" };
        for (int i = 0; i < 8; i++) _temp.Write($"corpus/{i}.txt", string.Join(". ", words.Select(w => w + (i % 2 == 0 ? " today" : " again"))) + ".");
        var (code, stdout, stderr) = ConfigTests.Cli("clusters", "--out", _temp.Combine("clusters"), "--clusters", "4", "--min-count", "2", _temp.Combine("corpus"));

        Assert.True(code == 0, stderr);
        var tsv = File.ReadAllLines(_temp.Combine("clusters", "clusters.tsv"));
        Assert.Contains(tsv, l => l.Split('\t').Contains("cat"));
        Assert.Contains($"clusters: {_temp.Combine("clusters", "clusters.tsv")} (4 clusters", stdout);
    }
}
