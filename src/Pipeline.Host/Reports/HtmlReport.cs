namespace Pipeline.Host.Reports;

public sealed record HtmlReportOptions
{
    public string Title { get; init; } = "Pipeline report";
    /// <summary>Rows per page of the documents table.</summary>
    public int RowsPerPage { get; init; } = 500;
    /// <summary>Rows of the "most mentioned", "most quoted" and stance tables.</summary>
    public int TopCount { get; init; } = 50;
    /// <summary>Most unreadable lines and not-ok documents listed on the index (the rest are counted).</summary>
    public int ListLimit { get; init; } = 1000;
}

/// <summary>What a report run wrote.</summary>
/// <param name="Documents">Records rendered (one article page each).</param>
/// <param name="BadLineCount">Unreadable lines skipped.</param>
/// <param name="BadLines">The first of them (up to the options' list limit).</param>
/// <param name="IndexFile">The report's entry page.</param>
public sealed record ReportResult(int Documents, int BadLineCount, IReadOnlyList<BadLine> BadLines, int DocumentPages, string IndexFile);

/// <summary>
/// A static HTML report of an annotations.jsonl file: index.html over the run, documents-N.html
/// (the documents table, paginated) and articles/NNNNNN.html (one page per record), with one
/// stylesheet and one script beside them. No server and no network: open index.html in a browser.
/// Records are read and pages written one at a time; only counters are kept across records.
/// </summary>
public static class HtmlReport
{
    public const string StyleFile = "report.css";
    public const string ScriptFile = "report.js";
    public const string IndexFile = "index.html";

    /// <param name="annotationsPath">The annotations.jsonl to show.</param>
    /// <param name="outDir">The report folder (created; the pages of an earlier report there are replaced).</param>
    /// <param name="log">Where unreadable lines are reported as "file:line: reason" (standard error by default).</param>
    public static ReportResult Write(string annotationsPath, string outDir, HtmlReportOptions? options = null, TextWriter? log = null)
    {
        options ??= new HtmlReportOptions();
        log ??= Console.Error;
        // Pages of an earlier, longer run would linger unlinked: the article folder is the report's own.
        string articles = Path.Combine(outDir, ArticlePage.Folder);
        if (Directory.Exists(articles)) Directory.Delete(articles, recursive: true);
        Directory.CreateDirectory(articles);
        CopyAsset(StyleFile, outDir);
        CopyAsset(ScriptFile, outDir);

        var summary = new RunSummary(options);
        int ordinal = 0, documentPages;
        using (var documents = new DocumentPages(outDir, options.RowsPerPage))
        {
            foreach (var input in AnnotationInput.Read(annotationsPath, bad => { log.WriteLine(bad); summary.Add(bad); }))
            {
                ordinal++;
                var stats = DocumentStats.Of(input.Record);
                string page = ArticlePage.FileName(ordinal);
                ArticlePage.Write(Path.Combine(outDir, page), input, stats, documents.PageOf(ordinal));
                documents.Add(ordinal, page, input, stats);
                summary.Add(page, input.Record, stats);
            }
            documentPages = documents.PageCount;
        }
        string index = Path.Combine(outDir, IndexFile);
        summary.WriteIndex(index, annotationsPath, documentPages, options.RowsPerPage);
        return new ReportResult(ordinal, summary.BadLineCount, summary.BadLines, documentPages, index);
    }

    private static void CopyAsset(string name, string outDir)
    {
        using var source = typeof(HtmlReport).Assembly.GetManifestResourceStream("Pipeline.Host.Reports.Assets." + name)
            ?? throw new InvalidOperationException($"report asset {name} is not embedded");
        using var target = File.Create(Path.Combine(outDir, name));
        source.CopyTo(target);
    }
}
