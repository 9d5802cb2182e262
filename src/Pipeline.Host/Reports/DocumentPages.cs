using System.Globalization;
using Pipeline.Text.Records;

namespace Pipeline.Host.Reports;

/// <summary>
/// The documents table of a run, written as it streams: a fixed number of rows per page, each
/// page linking to the previous and the next one, so that 10,000 documents load as 20 small pages.
/// </summary>
internal sealed class DocumentPages(string outDir, int rowsPerPage) : IDisposable
{
    private HtmlWriter? _page;
    private int _rows;

    public int PageCount { get; private set; }

    public static string FileName(int page) => $"documents-{page.ToString(CultureInfo.InvariantCulture)}.html";

    /// <summary>The page that lists the <paramref name="ordinal"/>-th record (1-based).</summary>
    public string PageOf(int ordinal) => FileName((ordinal - 1) / rowsPerPage + 1);

    public void Add(int ordinal, string articlePage, NumberedRecord input, DocumentStats stats)
    {
        if (_page is null || _rows == rowsPerPage) StartPage(ordinal);
        _rows++;
        var r = input.Record;
        var w = _page!;
        w.Raw("<tr>").Cell(input.Line).Raw("<td>").Link(articlePage, ArticlePage.Shorten(ArticlePage.Title(r), 120)).Raw("</td>");
        w.Raw("<td>").Element("span", AnnotationJson.Name(r.Status), "status " + AnnotationJson.Name(r.Status)).Raw("</td>");
        w.Cell(r.Reason).Cell(stats.Words).Cell(stats.Entities).Cell(stats.Quotes).Cell(stats.HedgeCues);
        w.Cell(stats.HedgesPer100Words, "0.00").Cell(stats.UncertainShare * 100, "0").Cell(stats.Findings).Cell(stats.Failures).Raw("</tr>\n");
    }

    private void StartPage(int firstOrdinal)
    {
        if (_page is not null) EndPage(hasNext: true);
        PageCount++;
        _rows = 0;
        _page = new HtmlWriter(Path.Combine(outDir, FileName(PageCount)));
        _page.BeginPage($"Documents, page {PageCount}", "");
        _page.Raw("<header><nav>").Link("index.html", "Run");
        if (PageCount > 1) _page.Raw(" · ").Link(FileName(PageCount - 1), "← previous");
        _page.Raw("</nav>").Element("h1", $"Documents from #{firstOrdinal}").Raw("</header>\n<main>");
        _page.Raw("<table class=\"documents\"><thead><tr><th>line</th><th>document</th><th>status</th><th>reason</th><th>words</th>");
        _page.Raw("<th>entities</th><th>quotes</th><th>hedge cues</th><th>cues per 100 words</th><th>uncertain sentences %</th>");
        _page.Raw("<th>findings</th><th>failures</th></tr></thead><tbody>\n");
    }

    private void EndPage(bool hasNext)
    {
        var w = _page!;
        w.Raw("</tbody></table>");
        if (hasNext) w.Raw("<nav class=\"pager\">").Link(FileName(PageCount + 1), "next →").Raw("</nav>");
        w.Raw("</main>").EndPage("");
        w.Dispose();
        _page = null;
    }

    public void Dispose()
    {
        if (_page is not null) EndPage(hasNext: false);
    }
}
