using System.Globalization;

namespace Pipeline.Host.Reports;

/// <summary>Small CSS bar charts (no script, no images).</summary>
internal static class Charts
{
    /// <summary>A bar split into negative, neutral and positive parts by their counts.</summary>
    public static void StanceBar(HtmlWriter w, IReadOnlyList<int> counts)
    {
        int total = counts.Sum();
        w.Raw("<span class=\"bar stacked\">");
        if (total > 0)
            for (int i = 0; i < 3; i++)
                if (counts[i] > 0)
                    w.Start("span").Attr("class", "part").Attr("data-label", StanceNames[i])
                        .Attr("style", "width:" + Percent(counts[i], total))
                        .Attr("title", $"{StanceNames[i]}: {counts[i]}").End().Close("span");
        w.Raw("</span>");
    }

    /// <summary>A bar whose length is <paramref name="value"/> relative to <paramref name="max"/>.</summary>
    public static void Bar(HtmlWriter w, double value, double max)
    {
        w.Raw("<span class=\"bar\">");
        if (max > 0 && value > 0) w.Start("span").Attr("class", "fill").Attr("style", "width:" + Percent(value, max)).End().Close("span");
        w.Raw("</span>");
    }

    private static readonly string[] StanceNames = ["negative", "neutral", "positive"];

    private static string Percent(double part, double whole) =>
        (100.0 * part / whole).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
