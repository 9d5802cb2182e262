namespace Pipeline.Host.Reports;

/// <summary>
/// A highlighted range of an article's text: one annotation (or one segment of it) of one layer.
/// A mark with <see cref="Tag"/> set is a zero-width label drawn after its position (e.g. "→ speaker").
/// </summary>
internal sealed record Mark(int Start, int End, string Layer, string Id, string Label)
{
    /// <summary>Element id of the mark's first element, the target of links.</summary>
    public string? Anchor { get; init; }
    public string? Title { get; init; }
    /// <summary>Extra class, e.g. the colour of a layer without its own style.</summary>
    public string? CssClass { get; init; }
    public string? Tag { get; init; }
    /// <summary>Further data-* attributes (name without the prefix, value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Data { get; init; } = [];
}

/// <summary>
/// Writes a text with its marks as nested spans. Marks may overlap in any way: the text is cut at
/// every mark boundary, and a mark crossing another is split into several elements that carry the
/// same layer, id and label, so each element is properly nested and covers exactly its text.
/// </summary>
internal static class Highlighter
{
    public static void Write(HtmlWriter w, string text, List<Mark> marks)
    {
        // Outer marks first: by start, then the longer one, then in the order given.
        var sorted = marks
            .Where(m => m.Start >= 0 && m.End <= text.Length && m.End >= m.Start)
            .Select((m, i) => (Mark: m, Order: i))
            .OrderBy(x => x.Mark.Start).ThenByDescending(x => x.Mark.End).ThenBy(x => x.Order)
            .Select(x => x.Mark)
            .ToList();
        var open = new List<Mark>();
        var anchored = new HashSet<Mark>(ReferenceEqualityComparer.Instance);
        int next = 0, pos = 0;
        while (true)
        {
            CloseEnded(w, open, pos, anchored);
            for (; next < sorted.Count && sorted[next].Start == pos; next++)
            {
                var m = sorted[next];
                OpenElement(w, m, anchored);
                if (m.End == pos) w.Close("span");
                else open.Add(m);
            }
            if (pos == text.Length && open.Count == 0) break;
            int stop = text.Length;
            if (next < sorted.Count) stop = Math.Min(stop, sorted[next].Start);
            foreach (var m in open) stop = Math.Min(stop, m.End);
            w.Text(text.AsSpan(pos, stop - pos));
            pos = stop;
        }
    }

    /// <summary>Closes every open mark that ends at <paramref name="pos"/>, reopening the ones above it that go on.</summary>
    private static void CloseEnded(HtmlWriter w, List<Mark> open, int pos, HashSet<Mark> anchored)
    {
        int lowest = open.FindIndex(m => m.End <= pos);
        if (lowest < 0) return;
        for (int i = open.Count - 1; i >= lowest; i--) w.Close("span");
        var reopen = open.Skip(lowest).Where(m => m.End > pos).ToList();
        open.RemoveRange(lowest, open.Count - lowest);
        foreach (var m in reopen)
        {
            OpenElement(w, m, anchored);
            open.Add(m);
        }
    }

    private static void OpenElement(HtmlWriter w, Mark m, HashSet<Mark> anchored)
    {
        w.Start("span")
            .Attr("class", m.Tag is null ? (m.CssClass is null ? "hl" : "hl " + m.CssClass) : "tag")
            .Attr("data-layer", m.Layer)
            .Attr("data-id", m.Id)
            .Attr("data-label", m.Label);
        // The anchor goes on the first element only: ids are unique in a page.
        if (m.Anchor is not null && anchored.Add(m)) w.Attr("id", m.Anchor);
        w.Attr("title", m.Title).Attr("data-tag", m.Tag);
        foreach (var (name, value) in m.Data) w.Attr("data-" + name, value);
        w.End();
    }
}
