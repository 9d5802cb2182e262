using System.Text.Json;
using Pipeline.Host.Reports;
using Pipeline.Sdk;
using PuppeteerSharp;

namespace Pipeline.Reports.Tests;

/// <summary>
/// The report as a reader sees it: article pages opened in headless Chromium (Debian's package;
/// no browser is downloaded). Screenshots are kept under the test output's artifacts/browser.
/// </summary>
public class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static async Task<IBrowser> LaunchAsync()
    {
        Skip.IfNot(File.Exists(Chromium), $"headless Chromium not found at {Chromium} (apt-get install chromium)");
        return await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private static string Url(string file) => new Uri(file).AbsoluteUri;

    /// <summary>Text covered by each highlighted annotation in the page, by "layer/id" (cues and speaker labels aside).</summary>
    private const string CoveredByAnnotation = """
        (() => {
          const covered = {};
          for (const el of document.querySelectorAll('#text [data-layer]')) {
            if (el.dataset.role) continue;
            const key = el.dataset.layer + '/' + el.dataset.id;
            covered[key] = (covered[key] || '') + el.textContent;
          }
          return JSON.stringify(covered);
        })()
        """;

    [SkippableFact]
    public async Task Seed_article_page_shows_the_annotations_toggles_layers_and_follows_finding_links()
    {
        await using var browser = await LaunchAsync();
        var record = Fixtures.Seed();
        var dir = Fixtures.NewFolder("browser");
        var report = HtmlReport.Write(Fixtures.WriteJsonl(dir, record), Path.Combine(dir, "report"), log: TextWriter.Null);
        var shots = Path.Combine(AppContext.BaseDirectory, "artifacts", "browser");
        Directory.CreateDirectory(shots);

        await using var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        await page.GoToAsync(Url(Path.Combine(dir, "report", "articles", "000001.html")));
        await page.ScreenshotAsync(Path.Combine(shots, "article.png"));

        // The highlighted spans in the rendered page are exactly the annotations.
        var covered = JsonSerializer.Deserialize<Dictionary<string, string>>(await page.EvaluateExpressionAsync<string>(CoveredByAnnotation))!;
        var doc = record.Document!;
        var expected = new Dictionary<string, string>();
        foreach (var key in doc.LayerKeys)
            foreach (var a in doc.GetAnnotations(key))
                if (!(a is EntityStance { Scope: StanceScope.Article } || a.Span.Length == doc.Text.Length || a is SentenceUncertainty { Uncertain: false }))
                    expected[$"{key.Name}/{a.Id}"] = a is Quote q ? string.Concat(q.Content.Select(doc.GetString)) : doc.GetString(a.Span);
        for (int i = 0; i < record.Findings.Length; i++) expected[$"findings/f{i + 1}"] = doc.GetString(record.Findings[i].Finding.Span);
        Assert.Equal(expected.OrderBy(p => p.Key), covered.OrderBy(p => p.Key));

        // Entities are coloured; unticking the layer takes their colour away and leaves the other layers alone.
        const string entityBackgrounds = "JSON.stringify([...document.querySelectorAll('#text [data-layer=\"entities\"]')].map(e => getComputedStyle(e).backgroundColor))";
        const string uncertainBackground = "getComputedStyle(document.querySelector('#text [data-layer=\"uncertainty\"]')).backgroundColor";
        const string transparent = "rgba(0, 0, 0, 0)";
        Assert.DoesNotContain(transparent, JsonSerializer.Deserialize<string[]>(await page.EvaluateExpressionAsync<string>(entityBackgrounds))!);
        await page.ClickAsync("input[data-toggle-layer='entities']");
        Assert.All(JsonSerializer.Deserialize<string[]>(await page.EvaluateExpressionAsync<string>(entityBackgrounds))!, c => Assert.Equal(transparent, c));
        Assert.NotEqual(transparent, await page.EvaluateExpressionAsync<string>(uncertainBackground));
        Assert.Equal(doc.Text, await page.EvaluateExpressionAsync<string>("document.getElementById('text').textContent"));
        await page.ScreenshotAsync(Path.Combine(shots, "entities-hidden.png"));
        await page.ClickAsync("input[data-toggle-layer='entities']");
        Assert.DoesNotContain(transparent, JsonSerializer.Deserialize<string[]>(await page.EvaluateExpressionAsync<string>(entityBackgrounds))!);

        // Unticking a rule hides its findings in the text and in the list.
        await page.ClickAsync("input[data-toggle-rule='QTE002']");
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.querySelector('#findings li[data-rule=\"QTE002\"]').offsetParent === null"));
        Assert.Equal("none", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('#text [data-rule=\"QTE002\"]')).outlineStyle"));

        // Following a finding's link targets its span and scrolls it into view, below the sticky legend.
        await page.ClickAsync("#findings li[data-rule='HDG001'] a");
        await page.WaitForFunctionAsync("() => location.hash === '#finding-1'");
        Assert.Equal("HDG001", await page.EvaluateExpressionAsync<string>("document.querySelector(':target').dataset.rule"));
        Assert.Equal(doc.GetString(record.Findings[0].Finding.Span), await page.EvaluateExpressionAsync<string>("document.querySelector(':target').textContent"));
        Assert.True(await page.EvaluateExpressionAsync<bool>("""
            (() => { const r = document.querySelector(':target').getBoundingClientRect();
                     const legend = document.querySelector('.controls').getBoundingClientRect();
                     return r.top >= legend.bottom && r.bottom <= window.innerHeight; })()
            """), "the finding's span is not in view");
        await page.ScreenshotAsync(Path.Combine(shots, "finding-targeted.png"));

        // Clicking a quote brings its speaker into view.
        await page.EvaluateExpressionAsync("window.scrollTo(0, 0)");
        await page.EvaluateExpressionAsync("document.querySelector('#text [data-id=\"q2\"]').click()");
        await page.WaitForFunctionAsync("() => document.getElementById('attributions-a2').classList.contains('flash')");
        await page.EvaluateExpressionAsync("document.querySelector('#text [data-id=\"q1\"]').scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync(Path.Combine(shots, "quotes.png"));

        await page.GoToAsync(Url(report.IndexFile));
        Assert.Equal("Alyaksandr Lukashenka", await page.EvaluateExpressionAsync<string>("document.querySelector('#stance tbody tr td').textContent"));
        await page.ScreenshotAsync(Path.Combine(shots, "index.png"), new ScreenshotOptions { FullPage = true });
    }

    [SkippableFact]
    public async Task Html_in_an_article_does_not_run()
    {
        await using var browser = await LaunchAsync();
        var record = Fixtures.WithMarkup();
        var dir = Fixtures.NewFolder("browser");
        HtmlReport.Write(Fixtures.WriteJsonl(dir, record), Path.Combine(dir, "report"), log: TextWriter.Null);

        await using var page = await browser.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, e) => { dialogs.Add(e.Dialog.Message); await e.Dialog.Dismiss(); };
        foreach (var file in new[] { "articles/000001.html", "index.html", "documents-1.html" })
        {
            await page.GoToAsync(Url(Path.Combine(dir, "report", file)));
            Assert.Equal("undefined", await page.EvaluateExpressionAsync<string>("typeof window.__pwned"));
        }
        await page.GoToAsync(Url(Path.Combine(dir, "report", "articles/000001.html")));
        Assert.Equal(record.Document!.Text, await page.EvaluateExpressionAsync<string>("document.getElementById('text').textContent"));
        Assert.Equal("<script>window.__pwned = 3</script>", await page.EvaluateExpressionAsync<string>("document.querySelector('h1').textContent"));
        Assert.Empty(dialogs);
    }
}
