using System.Buffers;
using System.Globalization;
using System.Text;

namespace Pipeline.Host.Reports;

/// <summary>
/// Writes HTML to a file. Every piece of data goes through <see cref="Text"/> or <see cref="Attr"/>,
/// which escape it; only literal markup of this assembly goes through <see cref="Raw"/>.
/// </summary>
internal sealed class HtmlWriter : IDisposable
{
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");
    private readonly TextWriter _out;

    public HtmlWriter(string path)
    {
        _out = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
    }

    /// <summary>Literal markup (never data).</summary>
    public HtmlWriter Raw(string markup) { _out.Write(markup); return this; }

    /// <summary>Escaped text content.</summary>
    public HtmlWriter Text(ReadOnlySpan<char> text) { Escape(text); return this; }

    public HtmlWriter Text(string? text) => Text(text.AsSpan());

    public HtmlWriter Number(int value) { _out.Write(value.ToString(CultureInfo.InvariantCulture)); return this; }

    public HtmlWriter Number(double value, string format) { _out.Write(value.ToString(format, CultureInfo.InvariantCulture)); return this; }

    /// <summary>Starts an element; add attributes with <see cref="Attr"/>, then call <see cref="End"/>.</summary>
    public HtmlWriter Start(string tag) { _out.Write('<'); _out.Write(tag); return this; }

    /// <summary>An escaped attribute; nothing when <paramref name="value"/> is null.</summary>
    public HtmlWriter Attr(string name, string? value)
    {
        if (value is null) return this;
        _out.Write(' ');
        _out.Write(name);
        _out.Write("=\"");
        Escape(value);
        _out.Write('"');
        return this;
    }

    public HtmlWriter End() { _out.Write('>'); return this; }

    public HtmlWriter Close(string tag) { _out.Write("</"); _out.Write(tag); _out.Write('>'); return this; }

    /// <summary>An element with escaped text content and an optional class.</summary>
    public HtmlWriter Element(string tag, string? text, string? cssClass = null) =>
        Start(tag).Attr("class", cssClass).End().Text(text).Close(tag);

    /// <summary>A link to a page or anchor of this report.</summary>
    public HtmlWriter Link(string href, string? text, string? cssClass = null) =>
        Start("a").Attr("href", href).Attr("class", cssClass).End().Text(text).Close("a");

    public HtmlWriter Cell(string? text) => Element("td", text);

    public HtmlWriter Cell(int value) => Start("td").Attr("class", "num").End().Number(value).Close("td");

    /// <summary>A numeric cell, empty when there is no value.</summary>
    public HtmlWriter Cell(double? value, string format)
    {
        Start("td").Attr("class", "num").End();
        if (value is { } v) Number(v, format);
        return Close("td");
    }

    /// <summary>The page head: title, the report's stylesheet (at <paramref name="root"/>), and the body start.</summary>
    public HtmlWriter BeginPage(string title, string root)
    {
        Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Start("title").End().Text(title).Close("title");
        Start("link").Attr("rel", "stylesheet").Attr("href", root + HtmlReport.StyleFile).End();
        return Raw("</head>\n<body>\n");
    }

    /// <summary>The body end, with the report's script (at <paramref name="root"/>).</summary>
    public HtmlWriter EndPage(string root)
    {
        Start("script").Attr("src", root + HtmlReport.ScriptFile).End().Close("script");
        return Raw("\n</body></html>\n");
    }

    private void Escape(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            int i = text.IndexOfAny(Special);
            if (i < 0) { _out.Write(text); return; }
            _out.Write(text[..i]);
            _out.Write(text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(i + 1)..];
        }
    }

    public void Dispose() => _out.Dispose();
}
