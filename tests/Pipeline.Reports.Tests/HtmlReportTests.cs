using System.Runtime.CompilerServices;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Pipeline.Host.Reports;
using Pipeline.Sdk;
using Pipeline.Text.Records;

namespace Pipeline.Reports.Tests;

public class HtmlReportTests
{
    private static readonly HtmlParser Parser = new();

    private static IDocument Load(string file) => Parser.ParseDocument(File.ReadAllText(file));

    private static (ReportResult Result, string Dir, string Log) Report(HtmlReportOptions? options, AnnotationRecord[] records, [CallerMemberName] string test = "")
    {
        var dir = Fixtures.NewFolder("report", test);
        var jsonl = Fixtures.WriteJsonl(dir, records);
        var log = new StringWriter();
        var result = HtmlReport.Write(jsonl, Path.Combine(dir, "report"), options, log);
        return (result, Path.Combine(dir, "report"), log.ToString());
    }

    /// <summary>The text an annotation's elements cover, in page order (quote cues and speaker labels aside).</summary>
    private static string Covered(IElement text, string layer, string id) => string.Concat(
        text.QuerySelectorAll("[data-layer]")
            .Where(e => e.GetAttribute("data-layer") == layer && e.GetAttribute("data-id") == id && e.GetAttribute("data-role") is null)
            .Select(e => e.TextContent));

    [Fact]
    public void Article_page_highlights_every_annotation_of_every_layer_with_its_exact_text()
    {
        var record = Fixtures.Seed();
        var (result, dir, _) = Report(null, [record]);
        Assert.Equal(1, result.Documents);
        var page = Load(Path.Combine(dir, "articles", "000001.html"));
        var text = page.QuerySelector("#text")!;
        var doc = record.Document!;

        // Nothing of the text is lost or repeated by the nesting and splitting of spans.
        Assert.Equal(doc.Text, text.TextContent);
        int highlighted = 0;
        foreach (var key in doc.LayerKeys)
            foreach (var a in doc.GetAnnotations(key))
            {
                bool shown = !(a is EntityStance { Scope: StanceScope.Article } || a.Span.Length == doc.Text.Length || a is SentenceUncertainty { Uncertain: false });
                string expected = a is Quote q ? string.Concat(q.Content.Select(doc.GetString)) : doc.GetString(a.Span);
                Assert.Equal(shown ? expected : "", Covered(text, key.Name, a.Id));
                if (!shown) continue;
                highlighted++;
                var first = page.GetElementById($"{key.Name}-{a.Id}");
                Assert.NotNull(first);
                Assert.Equal(key.Name, first!.GetAttribute("data-layer"));
                Assert.False(string.IsNullOrEmpty(first.GetAttribute("data-label")));
            }
        Assert.Equal(18, highlighted);
        Assert.Equal("PER", page.GetElementById("entities-e1")!.GetAttribute("data-label"));
        Assert.Equal("weasel", page.GetElementById("hedges-h3")!.GetAttribute("data-label"));
    }

    [Fact]
    public void Crossing_spans_are_split_into_nested_elements_that_keep_their_identity()
    {
        var (_, dir, _) = Report(null, [Fixtures.Seed()]);
        var text = Load(Path.Combine(dir, "articles", "000001.html")).QuerySelector("#text")!;
        // v1 starts inside e1 ("Alyaksandr [Lukashenka") and ends with e3 ("Russia"): one of them must be split.
        var e1 = text.QuerySelectorAll("[data-id='e1']").ToList();
        var v1 = text.QuerySelectorAll("[data-id='v1']").ToList();
        Assert.True(e1.Count + v1.Count >= 3, "a crossing pair needs a split");
        Assert.All(v1, e => Assert.Equal("travel", e.GetAttribute("data-label")));
        Assert.Contains(v1, e => e.GetAttribute("class")!.Split(' ').Any(c => c.StartsWith('g')));
        // e3 ends where v1 ends: it is nested inside v1's last element.
        var e3 = text.QuerySelector("[data-id='e3']")!;
        Assert.Equal("v1", e3.ParentElement!.GetAttribute("data-id"));
        // The empty finding is an element of its own at the end of "Russia".
        var empty = text.QuerySelector("[data-layer='findings'][data-label='ENT001']")!;
        Assert.Equal("", empty.TextContent);
    }

    [Fact]
    public void Quotes_name_their_speaker_and_two_segments_share_one_annotation()
    {
        var (_, dir, _) = Report(null, [Fixtures.Seed()]);
        var page = Load(Path.Combine(dir, "articles", "000001.html"));
        var segments = page.QuerySelectorAll("#text [data-layer='quotes'][data-id='q1']:not([data-role])").ToList();
        Assert.True(segments.Count >= 2);
        Assert.All(segments, s => Assert.Equal("attributions-a1", s.GetAttribute("data-speaker-ref")));
        Assert.Equal("→ Sivitsky", page.QuerySelector("#text [data-id='q1'][data-role='speaker-tag']")!.GetAttribute("data-tag"));
        Assert.Equal("wrote", page.QuerySelector("#text [data-id='q1'][data-role='cue']")!.TextContent);
        Assert.NotNull(page.GetElementById("attributions-a1"));
        // The quotes table counts the hedge cue inside q1 and links to the speaker.
        var row = page.QuerySelectorAll("section table tr").First(r => r.QuerySelector("a[href='#quotes-q1']") is not null);
        Assert.Equal("1", row.Children[3].TextContent);
        Assert.Equal("#attributions-a1", row.Children[1].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Findings_are_listed_with_line_and_column_and_link_to_their_place()
    {
        var record = Fixtures.Seed();
        var (_, dir, _) = Report(null, [record]);
        var page = Load(Path.Combine(dir, "articles", "000001.html"));
        var items = page.QuerySelectorAll("#findings li").ToList();
        Assert.Equal(record.Findings.Length, items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            var f = record.Findings[i];
            var link = items[i].QuerySelector("a.pos")!;
            Assert.Equal($"{f.Line}:{f.Column}", link.TextContent);
            var target = page.GetElementById(link.GetAttribute("href")![1..])!;
            Assert.Equal("findings", target.GetAttribute("data-layer"));
            Assert.Equal(f.Finding.RuleId, target.GetAttribute("data-rule"));
            Assert.Equal(f.Finding.RuleId, items[i].GetAttribute("data-rule"));
            Assert.Contains(f.Finding.Message, items[i].TextContent);
        }
        // One toggle per layer present (and findings), one per rule.
        var layers = page.QuerySelectorAll("input[data-toggle-layer]").Select(e => e.GetAttribute("data-toggle-layer")!).ToHashSet();
        Assert.Equal(record.Document!.LayerKeys.Select(k => k.Name).Append("findings").ToHashSet(), layers);
        Assert.Equal(["ENT001", "HDG001", "QTE002"], page.QuerySelectorAll("input[data-toggle-rule]").Select(e => e.GetAttribute("data-toggle-rule")).Order());
    }

    [Fact]
    public void Findings_without_a_written_position_get_it_from_the_text()
    {
        var seed = Fixtures.Seed();
        var record = seed with { Findings = [.. seed.Findings.Select(f => f with { Line = 0, Column = 0 })] };
        var (_, dir, _) = Report(null, [record]);
        var positions = Load(Path.Combine(dir, "articles", "000001.html")).QuerySelectorAll("#findings a.pos").Select(a => a.TextContent);
        Assert.Equal(seed.Findings.Select(f => $"{f.Line}:{f.Column}"), positions);
    }

    [Fact]
    public void Stance_summary_gives_article_label_and_mention_counts_per_entity()
    {
        var (_, dir, _) = Report(null, [Fixtures.Seed()]);
        var page = Load(Path.Combine(dir, "articles", "000001.html"));
        var row = page.QuerySelectorAll("tr").First(r => r.Children.FirstOrDefault()?.TextContent == "Alyaksandr Lukashenka");
        Assert.Equal(["Alyaksandr Lukashenka", "author", "negative", "1", "0", "0"], row.Children.Take(6).Select(c => c.TextContent));
        Assert.NotNull(row.QuerySelector(".bar .part[data-label='negative']"));
        // Article-level annotations are listed, not highlighted.
        Assert.Contains(page.QuerySelectorAll("tr"), r => r.TextContent.Contains("Belarus will merge with Russia") && r.TextContent.Contains("discuss"));
    }

    [Fact]
    public void Index_summarises_the_run_and_pages_the_documents_table()
    {
        var records = new[] { Fixtures.Seed("a.txt"), Fixtures.Seed("b.txt"), Fixtures.WithMarkup(), Fixtures.Rejected("d.bin"), Fixtures.Seed("e.txt") };
        var (result, dir, _) = Report(new HtmlReportOptions { RowsPerPage = 2 }, records);
        Assert.Equal(5, result.Documents);
        Assert.Equal(3, result.DocumentPages);
        var index = Load(Path.Combine(dir, "index.html"));

        // Every article page is reachable from the index through the documents pages.
        var articles = new List<string>();
        foreach (var pageLink in index.QuerySelectorAll(".pages a"))
        {
            var page = Load(Path.Combine(dir, pageLink.GetAttribute("href")!));
            articles.AddRange(page.QuerySelectorAll("table.documents td a").Select(a => a.GetAttribute("href")!));
        }
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"articles/{i:D6}.html"), articles);
        Assert.All(articles, a => Assert.True(File.Exists(Path.Combine(dir, a))));
        var second = Load(Path.Combine(dir, "documents-2.html"));
        Assert.Equal(["Run", "← previous", "next →"], second.QuerySelectorAll("nav a").Select(a => a.TextContent));

        var entities = index.QuerySelectorAll("#entities tbody tr").Select(r => r.Children.Select(c => c.TextContent).Take(4).ToArray()).ToList();
        Assert.Equal(["Russia", "LOC", "6", "3"], entities[0]);
        Assert.Contains(["Alyaksandr Lukashenka", "PER", "3", "3"], entities);
        var speaker = index.QuerySelector("#speakers tbody tr")!.Children.Select(c => c.TextContent).Take(4);
        Assert.Equal(["Sivitsky", "6", "3", "3"], speaker);
        var stance = index.QuerySelectorAll("#stance tbody tr").Select(r => r.Children.Select(c => c.TextContent).Take(4).ToArray()).ToList();
        Assert.Contains(["Alyaksandr Lukashenka", "3", "0", "0"], stance);
        Assert.Contains(["Vladimir Putin", "0", "3", "0"], stance);
        Assert.Contains("rejected", index.QuerySelector("#not-ok")!.TextContent);
        Assert.Contains("binary file", index.QuerySelector("#not-ok")!.TextContent);
        Assert.Contains("PL0001", index.QuerySelector("#failures")!.TextContent);
        Assert.NotNull(index.QuerySelector("#hedging"));
    }

    [Fact]
    public void Html_in_articles_metadata_labels_and_messages_is_shown_as_text()
    {
        var record = Fixtures.WithMarkup();
        var (_, dir, _) = Report(null, [record]);
        foreach (var file in Directory.EnumerateFiles(dir, "*.html", SearchOption.AllDirectories))
        {
            var page = Load(file);
            // The only script is the report's own, loaded from its file; no element carries an event handler.
            Assert.All(page.QuerySelectorAll("script"), s => Assert.EndsWith("report.js", s.GetAttribute("src")));
            Assert.Empty(page.QuerySelectorAll("img, svg, b, i, iframe"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        }
        var article = Load(Path.Combine(dir, "articles", "000001.html"));
        Assert.Equal(record.Document!.Text, article.QuerySelector("#text")!.TextContent);
        Assert.Equal("<script>window.__pwned = 3</script>", article.QuerySelector("h1")!.TextContent);
        Assert.Contains("<script>window.__pwned = 10</script>", article.QuerySelector("#findings")!.TextContent);
        Assert.Contains("javascript:window.__pwned = 5", article.QuerySelector(".meta")!.TextContent);
        var plugin = article.QuerySelector("#text [data-layer='markup <b>']")!;
        Assert.Equal("<img src=x onerror=\"window.__pwned = 8\">", plugin.GetAttribute("data-label"));
        Assert.Equal("m1\"><script>", plugin.GetAttribute("data-id"));
    }

    [Fact]
    public void A_truncated_or_invalid_line_is_named_skipped_and_the_rest_rendered()
    {
        var dir = Fixtures.NewFolder("bad-lines");
        var jsonl = Fixtures.WriteWithBadLines(dir);
        var log = new StringWriter();
        var result = HtmlReport.Write(jsonl, Path.Combine(dir, "report"), log: log);

        Assert.Equal(2, result.Documents);
        Assert.Equal([2, 4, 5], result.BadLines.Select(b => b.Line));
        var logged = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, logged.Length);
        Assert.StartsWith($"{jsonl}:2: invalid JSON", logged[0]);
        Assert.StartsWith($"{jsonl}:4: record without \"text\"", logged[1]);
        Assert.StartsWith($"{jsonl}:5: ", logged[2]);
        var listed = Load(result.IndexFile).QuerySelectorAll("#bad-lines li").Select(li => li.TextContent).ToList();
        Assert.Equal(logged.Select(l => l.TrimEnd('\r')), listed);
        Assert.True(File.Exists(Path.Combine(dir, "report", "articles", "000002.html")));
        Assert.False(File.Exists(Path.Combine(dir, "report", "articles", "000003.html")));
    }
}
