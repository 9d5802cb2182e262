using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Pipeline.Sdk;

namespace Pipeline.Text.Reading;

/// <summary>
/// HTML pages: the main article text (SmartReader, a port of Mozilla's Readability, after removing
/// navigation, ads and other page furniture), and the headline, byline, date and URL from meta tags.
/// A page too short for SmartReader to judge gives the text of its article, main or body element.
/// </summary>
internal static class HtmlFormat
{
    private static readonly HashSet<string> s_clutterWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ad", "ads", "advert", "adverts", "advertisement", "banner", "promo", "sponsor", "sponsored",
        "newsletter", "subscribe", "subscription", "cookie", "cookies", "consent", "social", "share", "sharing",
        "related", "recommended", "comment", "comments", "popup", "modal", "sidebar", "menu", "breadcrumb", "breadcrumbs",
    };

    private static readonly string[] s_clutterTags = ["nav", "aside", "footer", "form", "script", "style", "noscript", "iframe", "button", "dialog"];

    public static ReadResult Read(string path, string html, ReadLimits limits)
    {
        var document = Parse(html);
        var metadata = Metadata(document);
        var pageTitle = PageTitle(document.Title);
        RemoveClutter(document);
        string? headline = Meta(document, "og:title") ?? Meta(document, "twitter:title");
        string? body = null;
        try
        {
            var article = new SmartReader.Reader(metadata.Url ?? new Uri(Path.GetFullPath(path)).AbsoluteUri, document).GetArticle();
            if (article.IsReadable)
            {
                body = HtmlText.Of(Parse(article.Content).Body!);
                headline ??= ArticleBuilder.CollapseSpaces(article.Title);
                metadata = metadata with
                {
                    Byline = metadata.Byline ?? Byline(article.Byline ?? article.Author),
                    Date = metadata.Date ?? (article.PublicationDate is { } date && date != default
                        ? ArticleBuilder.NormalizeDate(date.ToString("o")) : null),
                };
            }
        }
        catch (Exception)
        {
            // SmartReader gives up on some malformed pages; the plain extraction below still reads them.
        }
        if (body is null)
        {
            var page = Parse(html);
            RemoveClutter(page);
            body = HtmlText.Of(MainElement(page));
        }
        headline ??= pageTitle;
        return ArticleBuilder.Create(path, headline, body, metadata, limits);
    }

    /// <summary>The page title less a trailing " | Site name".</summary>
    private static string? PageTitle(string? title)
    {
        title = ArticleBuilder.CollapseSpaces(title);
        int bar = title?.LastIndexOf(" | ", StringComparison.Ordinal) ?? -1;
        return bar > 0 ? title![..bar] : title;
    }

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static DocumentMetadata Metadata(IHtmlDocument document) => DocumentMetadata.Empty with
    {
        Byline = Byline(Meta(document, "author") ?? Meta(document, "article:author") ?? Meta(document, "byl")),
        Date = ArticleBuilder.NormalizeDate(
            Meta(document, "article:published_time") ?? Meta(document, "datePublished") ?? Meta(document, "date")
            ?? Meta(document, "pubdate") ?? Meta(document, "dc.date") ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime")),
        Url = ArticleBuilder.CollapseSpaces(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")) ?? Meta(document, "og:url"),
    };

    /// <summary>The content of the first meta tag with this name, property or itemprop (case ignored).</summary>
    private static string? Meta(IHtmlDocument document, string key)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && ArticleBuilder.CollapseSpaces(meta.GetAttribute("content")) is { } content)
                return content;
        }
        return null;
    }

    /// <summary>A byline without its "By"; a profile URL is not a byline.</summary>
    private static string? Byline(string? value)
    {
        value = ArticleBuilder.CollapseSpaces(value);
        if (value is null || value.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return null;
        return value.StartsWith("By ", StringComparison.OrdinalIgnoreCase) ? value[3..].Trim() : value;
    }

    private static void RemoveClutter(IHtmlDocument document)
    {
        foreach (var element in document.QuerySelectorAll(string.Join(',', s_clutterTags)).ToList()) element.Remove();
        foreach (var element in document.QuerySelectorAll("header").Where(h => h.Closest("article, main") is null).ToList()) element.Remove();
        foreach (var element in document.QuerySelectorAll("[role=navigation],[role=banner],[role=complementary],[role=contentinfo],[hidden],[aria-hidden=true]").ToList())
            element.Remove();
        foreach (var element in document.QuerySelectorAll("[class],[id]").Where(IsClutter).ToList()) element.Remove();
    }

    private static bool IsClutter(IElement element)
    {
        if (element.LocalName is "body" or "html" or "article" or "main") return false;
        foreach (var attribute in new[] { element.ClassName, element.Id })
        {
            if (attribute is null) continue;
            foreach (var word in attribute.Split([' ', '\t', '\n', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
                if (s_clutterWords.Contains(word)) return true;
        }
        return false;
    }

    private static IElement MainElement(IHtmlDocument document) =>
        document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.QuerySelector("[role=main]")
        ?? document.Body ?? document.DocumentElement;
}
