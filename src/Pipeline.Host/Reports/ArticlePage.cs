using System.Globalization;
using Pipeline.Sdk;
using Pipeline.Text.Records;

namespace Pipeline.Host.Reports;

/// <summary>
/// One article's page: metadata, a legend with toggles per layer and per rule, the text with every
/// layer highlighted, stance and quote summaries, document-level annotations, findings and failures.
/// </summary>
internal static class ArticlePage
{
    public const string Folder = "articles";
    private const string Root = "../";

    /// <summary>The page of the <paramref name="ordinal"/>-th record (1-based), relative to the report folder.</summary>
    public static string FileName(int ordinal) => $"{Folder}/{ordinal.ToString("D6", CultureInfo.InvariantCulture)}.html";

    public static string Title(AnnotationRecord r) => r.Document?.Metadata.Headline is { Length: > 0 } h ? h : r.Path;

    public static void Write(string file, NumberedRecord input, DocumentStats stats, string documentsPage)
    {
        var r = input.Record;
        using var w = new HtmlWriter(file);
        w.BeginPage(Title(r), Root);
        w.Raw("<header><nav>").Link(Root + "index.html", "Run").Raw(" · ").Link(Root + documentsPage, "Documents").Raw("</nav>");
        w.Element("h1", Title(r));
        WriteMetadata(w, input, stats);
        w.Raw("</header>\n");
        var doc = r.Document;
        if (doc is not null)
        {
            WriteControls(w, r, doc);
            w.Raw("<main><div id=\"text\" class=\"text\">");
            Highlighter.Write(w, doc.Text, ArticleMarks.For(r));
            w.Raw("</div></main>\n");
            WriteStance(w, doc);
            WriteQuotes(w, doc);
            WriteDocumentLevel(w, doc);
        }
        WriteFindings(w, r);
        WriteFailures(w, r);
        w.EndPage(Root);
    }

    private static void WriteMetadata(HtmlWriter w, NumberedRecord input, DocumentStats stats)
    {
        var r = input.Record;
        w.Raw("<dl class=\"meta\">");
        Field(w, "path", r.Path);
        Field(w, "id", r.Id);
        w.Raw("<dt>status</dt><dd>").Element("span", AnnotationJson.Name(r.Status), "status " + AnnotationJson.Name(r.Status)).Raw("</dd>");
        Field(w, "reason", r.Reason);
        Field(w, "record", $"line {input.Line}");
        if (r.Document?.Metadata is { } m)
        {
            Field(w, "byline", m.Byline);
            if (m.Url is { } url)
            {
                w.Raw("<dt>url</dt><dd>");
                // Only web links are clickable; anything else (javascript:, data:) stays text.
                if (Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
                    w.Start("a").Attr("href", url).Attr("rel", "noreferrer").End().Text(url).Close("a");
                else w.Text(url);
                w.Raw("</dd>");
            }
            Field(w, "date", m.Date);
            Field(w, "external id", m.ExternalId);
            foreach (var claim in m.Claims) Field(w, "claim", claim);
            foreach (var (k, v) in m.Extra.OrderBy(p => p.Key, StringComparer.Ordinal)) Field(w, k, v);
        }
        if (r.Document is not null)
            Field(w, "size", $"{stats.Words} words, {stats.Sentences} sentences, {stats.Characters} characters");
        w.Raw("</dl>");
    }

    private static void Field(HtmlWriter w, string name, string? value)
    {
        if (value is null) return;
        w.Element("dt", name).Element("dd", value);
    }

    /// <summary>The legend: one toggle per layer (with a swatch per label) and per rule.</summary>
    private static void WriteControls(HtmlWriter w, AnnotationRecord r, Document doc)
    {
        w.Raw("<section class=\"controls\"><h2>Layers</h2><ul class=\"legend\">");
        foreach (var key in ArticleMarks.OrderedLayers(doc))
        {
            var items = doc.GetAnnotations(key);
            var labels = items.Where(a => ArticleMarks.IsHighlighted(a, doc.Text)).Select(ArticleMarks.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(12);
            LayerToggle(w, key.Name, items.Count, labels, ArticleMarks.GenericClass(key.Name));
        }
        if (r.Findings.Length > 0)
            LayerToggle(w, ArticleMarks.FindingsLayer, r.Findings.Length, r.Findings.Select(f => f.Finding.RuleId).Distinct().Order(StringComparer.Ordinal), null);
        w.Raw("</ul>");
        if (r.Findings.Length > 0)
        {
            w.Raw("<h2>Rules</h2><ul class=\"legend\">");
            foreach (var rule in r.Findings.GroupBy(f => f.Finding.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                w.Raw("<li><label>").Start("input").Attr("type", "checkbox").Attr("checked", "").Attr("data-toggle-rule", rule.Key).End();
                w.Raw(" ").Element("code", rule.Key).Raw(" ").Element("span", $"({rule.Count()})", "count").Raw("</label></li>");
            }
            w.Raw("</ul>");
        }
        w.Raw("</section>\n");
    }

    private static void LayerToggle(HtmlWriter w, string layer, int count, IEnumerable<string> labels, string? cssClass)
    {
        w.Raw("<li><label>").Start("input").Attr("type", "checkbox").Attr("checked", "").Attr("data-toggle-layer", layer).End();
        w.Raw(" ").Element("strong", layer).Raw(" ").Element("span", $"({count})", "count").Raw("</label> ");
        foreach (var label in labels)
            w.Start("span").Attr("class", cssClass is null ? "swatch" : "swatch " + cssClass)
                .Attr("data-layer", layer).Attr("data-label", label).End().Text(label).Close("span").Raw(" ");
        w.Raw("</li>");
    }

    /// <summary>Stance toward each entity: the article-level label and the labels of its mentions.</summary>
    private static void WriteStance(HtmlWriter w, Document doc)
    {
        var stances = doc.GetLayerOrEmpty(Layers.Stance);
        if (stances.IsEmpty) return;
        w.Raw("<section><h2>Stance toward entities</h2><table><thead><tr><th>entity</th><th>held by</th><th>article</th>");
        w.Raw("<th>negative</th><th>neutral</th><th>positive</th><th>mentions</th></tr></thead><tbody>");
        var groups = stances
            .GroupBy(s => (s.ClusterId, Holder: s.HolderName ?? AnnotationJson.Name(s.Holder)))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.First().CanonicalName, StringComparer.Ordinal);
        foreach (var g in groups)
        {
            var article = g.FirstOrDefault(s => s.Scope == StanceScope.Article);
            var counts = new int[3];
            foreach (var s in g.Where(s => s.Scope == StanceScope.Mention)) counts[(int)s.Label]++;
            w.Raw("<tr>").Cell(g.First().CanonicalName).Cell(g.Key.Holder);
            w.Raw("<td>");
            if (article is not null)
                w.Start("span").Attr("class", "stance").Attr("data-label", AnnotationJson.Name(article.Label))
                    .Attr("title", ArticleMarks.Describe(Layers.Stance.Name, article)).End().Text(AnnotationJson.Name(article.Label)).Close("span");
            w.Raw("</td>").Cell(counts[0]).Cell(counts[1]).Cell(counts[2]);
            w.Raw("<td>");
            Charts.StanceBar(w, counts);
            w.Raw("</td></tr>");
        }
        w.Raw("</tbody></table></section>\n");
    }

    /// <summary>Who said what: each quote with its speaker and how many hedge cues it holds.</summary>
    private static void WriteQuotes(HtmlWriter w, Document doc)
    {
        var quotes = doc.GetLayerOrEmpty(Layers.Quotes);
        if (quotes.IsEmpty) return;
        var speakers = ArticleMarks.SpeakersByQuote(doc);
        var hedges = doc.GetLayerOrEmpty(Layers.HedgeCues);
        w.Raw("<section><h2>Quotes</h2><table><thead><tr><th>quote</th><th>speaker</th><th>kind</th><th>hedge cues</th><th>confidence</th></tr></thead><tbody>");
        foreach (var q in quotes)
        {
            var speaker = speakers.GetValueOrDefault(q.Id);
            string content = string.Join(" … ", (q.Content.IsDefaultOrEmpty ? [q.Span] : q.Content).Select(s => doc.GetString(s)));
            w.Raw("<tr><td>").Link(ArticleMarks.Href(ArticleMarks.Anchor(Layers.Quotes.Name, q.Id)), Shorten(content, 200)).Raw("</td><td>");
            if (speaker is null) w.Text(ArticleMarks.SpeakerName(null));
            else w.Link(ArticleMarks.Href(ArticleMarks.Anchor(Layers.Attributions.Name, speaker.Id)), ArticleMarks.SpeakerName(speaker));
            w.Raw("</td>").Cell(AnnotationJson.Name(q.Kind)).Cell(QuoteHedges.Count(q, hedges)).Cell(q.Confidence, "0.00").Raw("</tr>");
        }
        w.Raw("</tbody></table></section>\n");
    }

    /// <summary>Annotations about the whole text (article-level stance, claims, plugin labels): a table, not highlights.</summary>
    private static void WriteDocumentLevel(HtmlWriter w, Document doc)
    {
        var rows = ArticleMarks.OrderedLayers(doc)
            .SelectMany(k => doc.GetAnnotations(k).Where(a => ArticleMarks.IsDocumentLevel(a, doc.Text)).Select(a => (Layer: k.Name, Annotation: a)))
            .ToList();
        if (rows.Count == 0) return;
        w.Raw("<section><h2>Document-level annotations</h2><table><thead><tr><th>layer</th><th>id</th><th>label</th><th>details</th></tr></thead><tbody>");
        foreach (var (layer, a) in rows)
            w.Raw("<tr>").Cell(layer).Cell(a.Id).Cell(ArticleMarks.Label(a)).Cell(ArticleMarks.Describe(layer, a)).Raw("</tr>");
        w.Raw("</tbody></table></section>\n");
    }

    private static void WriteFindings(HtmlWriter w, AnnotationRecord r)
    {
        if (r.Findings.IsEmpty) return;
        var lines = r.Document is null ? null : new LineMap(r.Document.Text);
        w.Raw("<section><h2>Findings</h2><ol id=\"findings\" class=\"findings\">");
        for (int i = 0; i < r.Findings.Length; i++)
        {
            var f = r.Findings[i];
            var (line, column) = FindingPosition.Of(f, lines, r.Document?.Text.Length ?? 0);
            string severity = AnnotationJson.Name(f.Finding.Severity);
            w.Start("li").Attr("data-rule", f.Finding.RuleId).Attr("data-severity", severity).End();
            w.Link(ArticleMarks.Href(ArticleMarks.FindingAnchor(i)), $"{line}:{column}", "pos").Raw(" ");
            w.Element("code", f.Finding.RuleId).Raw(" ").Element("span", severity, "severity " + severity).Raw(" ");
            w.Element("span", f.Finding.Message, "message");
            if (f.Analyzer.Length > 0) w.Raw(" ").Element("span", $"({f.Analyzer})", "count");
            w.Raw("</li>");
        }
        w.Raw("</ol></section>\n");
    }

    private static void WriteFailures(HtmlWriter w, AnnotationRecord r)
    {
        if (r.Failures.IsEmpty) return;
        w.Raw("<section><h2>Analyzer failures</h2><table><thead><tr><th>rule</th><th>analyzer</th><th>version</th><th>message</th><th>exception</th></tr></thead><tbody>");
        foreach (var f in r.Failures)
            w.Raw("<tr>").Cell(f.RuleId).Cell(f.Analyzer).Cell(f.PluginVersion).Cell(f.Message).Cell(f.Exception).Raw("</tr>");
        w.Raw("</tbody></table></section>\n");
    }

    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
