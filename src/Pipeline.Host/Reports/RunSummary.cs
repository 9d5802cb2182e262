using System.Globalization;
using Pipeline.Sdk;
using Pipeline.Text.Records;

namespace Pipeline.Host.Reports;

/// <summary>
/// What the index page says about a run, gathered one record at a time: only counters and short
/// capped lists are kept, never the records.
/// </summary>
internal sealed class RunSummary(HtmlReportOptions options)
{
    /// <summary>Upper bounds of the hedge-rate histogram (cues per 100 words); the last bucket is open.</summary>
    private static readonly double[] RateBuckets = [0, 0.5, 1, 2, 4];

    private readonly int[] _statuses = new int[Enum.GetValues<DocumentStatus>().Length];
    private readonly List<BadLine> _badLines = [];
    private readonly List<(string Page, string Title, DocumentStatus Status, string? Reason)> _notOk = [];
    private readonly Dictionary<(string Rule, string Analyzer), (int Count, string Example)> _failures = [];
    private readonly Dictionary<string, int> _findingsByRule = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string Type), (int Mentions, int Articles)> _entities = [];
    private readonly Dictionary<string, (int Quotes, int Hedged, int Articles)> _speakers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _stance = new(StringComparer.Ordinal);
    private readonly int[] _rateHistogram = new int[RateBuckets.Length + 1];
    private readonly PriorityQueue<(string Page, string Title, double Rate), double> _mostHedged = new();
    private double _rateSum, _uncertainShareSum;
    private int _rated, _withUncertainty, _documents, _findings;

    public int BadLineCount { get; private set; }
    public IReadOnlyList<BadLine> BadLines => _badLines;

    public void Add(BadLine bad)
    {
        BadLineCount++;
        if (_badLines.Count < options.ListLimit) _badLines.Add(bad);
    }

    public void Add(string page, AnnotationRecord r, DocumentStats stats)
    {
        _documents++;
        _statuses[(int)r.Status]++;
        string title = ArticlePage.Title(r);
        if (r.Status != DocumentStatus.Ok && _notOk.Count < options.ListLimit) _notOk.Add((page, title, r.Status, r.Reason));
        foreach (var f in r.Failures)
        {
            var key = (f.RuleId, f.Analyzer);
            _failures[key] = _failures.TryGetValue(key, out var c) ? (c.Count + 1, c.Example) : (1, f.Message);
        }
        foreach (var f in r.Findings) Increment(_findingsByRule, f.Finding.RuleId);
        _findings += r.Findings.Length;
        AddHedgeRate(page, title, stats);
        if (r.Document is { } doc)
        {
            AddEntities(doc);
            AddSpeakers(doc);
            AddStance(doc);
        }
    }

    private void AddHedgeRate(string page, string title, DocumentStats stats)
    {
        if (stats.UncertainShare is { } share) { _uncertainShareSum += share; _withUncertainty++; }
        if (stats.HedgesPer100Words is not { } rate) return;
        _rateSum += rate;
        _rated++;
        int bucket = 0;
        while (bucket < RateBuckets.Length && rate > RateBuckets[bucket]) bucket++;
        _rateHistogram[bucket]++;
        if (rate == 0) return;
        // Keep only the most hedged articles: a min-heap of bounded size.
        _mostHedged.Enqueue((page, title, rate), rate);
        if (_mostHedged.Count > options.TopCount / 2) _mostHedged.Dequeue();
    }

    private void AddEntities(Document doc)
    {
        foreach (var cluster in doc.GetLayerOrEmpty(Layers.Entities).GroupBy(e => e.ClusterId))
        {
            var first = cluster.First();
            var key = (first.CanonicalName, first.Type);
            var c = _entities.GetValueOrDefault(key);
            _entities[key] = (c.Mentions + cluster.Count(), c.Articles + 1);
        }
    }

    private void AddSpeakers(Document doc)
    {
        var hedges = doc.GetLayerOrEmpty(Layers.HedgeCues);
        var speakers = ArticleMarks.SpeakersByQuote(doc);
        foreach (var bySpeaker in doc.GetLayerOrEmpty(Layers.Quotes)
                     .Where(q => speakers.ContainsKey(q.Id))
                     .GroupBy(q => ArticleMarks.SpeakerName(speakers[q.Id]), StringComparer.Ordinal))
        {
            var c = _speakers.GetValueOrDefault(bySpeaker.Key);
            _speakers[bySpeaker.Key] = (c.Quotes + bySpeaker.Count(), c.Hedged + bySpeaker.Count(q => QuoteHedges.Count(q, hedges) > 0), c.Articles + 1);
        }
    }

    /// <summary>
    /// One vote per article and entity: the article-level stance of the author when the analyzer
    /// gave one, else the most frequent label of the author's stance toward its mentions.
    /// </summary>
    private void AddStance(Document doc)
    {
        foreach (var cluster in doc.GetLayerOrEmpty(Layers.Stance).Where(s => s.Holder == HolderKind.Author).GroupBy(s => s.ClusterId))
        {
            var label = cluster.FirstOrDefault(s => s.Scope == StanceScope.Article)?.Label
                ?? cluster.GroupBy(s => s.Label).OrderByDescending(g => g.Count()).ThenBy(g => g.Key == StanceLabel.Neutral ? 0 : 1).First().Key;
            string name = cluster.First().CanonicalName;
            if (!_stance.TryGetValue(name, out var counts)) _stance[name] = counts = new int[3];
            counts[(int)label]++;
        }
    }

    private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    public void WriteIndex(string file, string annotationsPath, int documentPages, int rowsPerPage)
    {
        using var w = new HtmlWriter(file);
        w.BeginPage(options.Title, "");
        w.Raw("<header>").Element("h1", options.Title).Raw("<dl class=\"meta\">");
        w.Element("dt", "annotations").Element("dd", annotationsPath);
        w.Element("dt", "documents").Start("dd").End().Number(_documents).Raw(" (");
        w.Text(string.Join(", ", Enum.GetValues<DocumentStatus>().Where(s => _statuses[(int)s] > 0)
            .Select(s => $"{_statuses[(int)s]} {AnnotationJson.Name(s)}")));
        w.Raw(")</dd>").Element("dt", "unreadable lines").Start("dd").End().Number(BadLineCount).Raw("</dd>");
        w.Element("dt", "findings").Start("dd").End().Number(_findings).Raw("</dd></dl></header>\n<main>");

        w.Raw("<section><h2>Documents</h2><p class=\"pages\">");
        for (int p = 1; p <= documentPages; p++)
            w.Link(DocumentPages.FileName(p), $"{(p - 1) * rowsPerPage + 1}–{Math.Min(p * rowsPerPage, _documents)}").Raw(" ");
        w.Raw("</p></section>\n");

        WriteBadLines(w);
        WriteNotOk(w);
        WriteFailures(w);
        WriteFindings(w);
        WriteEntities(w);
        WriteSpeakers(w);
        WriteHedgeRates(w);
        WriteStance(w);
        w.Raw("</main>").EndPage("");
    }

    private void WriteBadLines(HtmlWriter w)
    {
        if (BadLineCount == 0) return;
        w.Raw("<section id=\"bad-lines\"><h2>Unreadable lines (skipped)</h2><ul class=\"bad-lines\">");
        foreach (var bad in _badLines) w.Element("li", bad.ToString());
        w.Raw("</ul>");
        More(w, BadLineCount - _badLines.Count);
        w.Raw("</section>\n");
    }

    private void WriteNotOk(HtmlWriter w)
    {
        int total = _documents - _statuses[(int)DocumentStatus.Ok];
        if (total == 0) return;
        w.Raw("<section id=\"not-ok\"><h2>Documents not fully analysed</h2><table><thead><tr><th>document</th><th>status</th><th>reason</th></tr></thead><tbody>");
        foreach (var (page, title, status, reason) in _notOk)
        {
            w.Raw("<tr><td>").Link(page, ArticlePage.Shorten(title, 120)).Raw("</td><td>");
            w.Element("span", AnnotationJson.Name(status), "status " + AnnotationJson.Name(status)).Raw("</td>").Cell(reason).Raw("</tr>");
        }
        w.Raw("</tbody></table>");
        More(w, total - _notOk.Count);
        w.Raw("</section>\n");
    }

    private void WriteFailures(HtmlWriter w)
    {
        if (_failures.Count == 0) return;
        w.Raw("<section id=\"failures\"><h2>Analyzer failures</h2><table><thead><tr><th>rule</th><th>analyzer</th><th>documents</th><th>example message</th></tr></thead><tbody>");
        foreach (var ((rule, analyzer), (count, example)) in _failures.OrderByDescending(f => f.Value.Count))
            w.Raw("<tr>").Cell(rule).Cell(analyzer).Cell(count).Cell(example).Raw("</tr>");
        w.Raw("</tbody></table></section>\n");
    }

    private void WriteFindings(HtmlWriter w)
    {
        if (_findingsByRule.Count == 0) return;
        w.Raw("<section id=\"rules\"><h2>Findings by rule</h2><table><thead><tr><th>rule</th><th>findings</th></tr></thead><tbody>");
        foreach (var (rule, count) in _findingsByRule.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal))
            w.Raw("<tr>").Cell(rule).Cell(count).Raw("</tr>");
        w.Raw("</tbody></table></section>\n");
    }

    private void WriteEntities(HtmlWriter w)
    {
        if (_entities.Count == 0) return;
        var top = _entities.OrderByDescending(e => e.Value.Mentions).ThenBy(e => e.Key.Name, StringComparer.Ordinal).Take(options.TopCount).ToList();
        int max = top[0].Value.Mentions;
        w.Raw("<section id=\"entities\"><h2>Most-mentioned entities</h2><table><thead><tr><th>entity</th><th>type</th><th>mentions</th><th>articles</th><th></th></tr></thead><tbody>");
        foreach (var ((name, type), (mentions, articles)) in top)
        {
            w.Raw("<tr>").Cell(name).Raw("<td>").Start("span").Attr("class", "swatch").Attr("data-layer", Layers.Entities.Name).Attr("data-label", type).End().Text(type).Close("span");
            w.Raw("</td>").Cell(mentions).Cell(articles).Raw("<td>");
            Charts.Bar(w, mentions, max);
            w.Raw("</td></tr>");
        }
        w.Raw("</tbody></table></section>\n");
    }

    private void WriteSpeakers(HtmlWriter w)
    {
        if (_speakers.Count == 0) return;
        var top = _speakers.OrderByDescending(s => s.Value.Quotes).ThenBy(s => s.Key, StringComparer.Ordinal).Take(options.TopCount).ToList();
        w.Raw("<section id=\"speakers\"><h2>Most-quoted speakers</h2><table><thead><tr><th>speaker</th><th>quotes</th><th>quotes with hedge cues</th><th>articles</th><th>hedged</th></tr></thead><tbody>");
        foreach (var (name, (quotes, hedged, articles)) in top)
        {
            w.Raw("<tr>").Cell(name).Cell(quotes).Cell(hedged).Cell(articles).Raw("<td>");
            Charts.Bar(w, hedged, quotes);
            w.Raw("</td></tr>");
        }
        w.Raw("</tbody></table></section>\n");
    }

    private void WriteHedgeRates(HtmlWriter w)
    {
        if (_rated == 0) return;
        w.Raw("<section id=\"hedging\"><h2>Hedging</h2><p>");
        w.Text($"Mean {(_rateSum / _rated).ToString("0.00", CultureInfo.InvariantCulture)} hedge cues per 100 words over {_rated} articles");
        if (_withUncertainty > 0)
            w.Text($"; on average {(100 * _uncertainShareSum / _withUncertainty).ToString("0", CultureInfo.InvariantCulture)}% of sentences uncertain");
        w.Raw(". Per-article rates are in the documents table.</p>");
        w.Raw("<table><thead><tr><th>cues per 100 words</th><th>articles</th><th></th></tr></thead><tbody>");
        int max = _rateHistogram.Max();
        for (int b = 0; b < _rateHistogram.Length; b++)
        {
            string range = b == 0 ? "0" : b == RateBuckets.Length ? $"over {Fmt(RateBuckets[^1])}" : $"{Fmt(RateBuckets[b - 1])}–{Fmt(RateBuckets[b])}";
            w.Raw("<tr>").Cell(range).Cell(_rateHistogram[b]).Raw("<td>");
            Charts.Bar(w, _rateHistogram[b], max);
            w.Raw("</td></tr>");
        }
        w.Raw("</tbody></table><h3>Most hedged articles</h3><table><thead><tr><th>document</th><th>cues per 100 words</th></tr></thead><tbody>");
        foreach (var (page, title, rate) in _mostHedged.UnorderedItems.Select(x => x.Element).OrderByDescending(x => x.Rate))
            w.Raw("<tr><td>").Link(page, ArticlePage.Shorten(title, 120)).Raw("</td>").Cell(rate, "0.00").Raw("</tr>");
        w.Raw("</tbody></table></section>\n");
    }

    private void WriteStance(HtmlWriter w)
    {
        if (_stance.Count == 0) return;
        w.Raw("<section id=\"stance\"><h2>Stance toward entities across articles</h2>");
        w.Raw("<p>Articles by the author's stance toward each entity (article-level label, else the most frequent label of its mentions).</p>");
        w.Raw("<table><thead><tr><th>entity</th><th>negative</th><th>neutral</th><th>positive</th><th></th></tr></thead><tbody>");
        foreach (var (name, counts) in _stance.OrderByDescending(s => s.Value.Sum()).ThenBy(s => s.Key, StringComparer.Ordinal).Take(options.TopCount))
        {
            w.Raw("<tr>").Cell(name).Cell(counts[0]).Cell(counts[1]).Cell(counts[2]).Raw("<td>");
            Charts.StanceBar(w, counts);
            w.Raw("</td></tr>");
        }
        w.Raw("</tbody></table></section>\n");
    }

    private static void More(HtmlWriter w, int more)
    {
        if (more > 0) w.Element("p", $"… and {more} more.", "count");
    }

    private static string Fmt(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
