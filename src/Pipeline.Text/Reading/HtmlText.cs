using System.Text;
using AngleSharp.Dom;

namespace Pipeline.Text.Reading;

/// <summary>
/// Text of an HTML element with its structure kept: each block (paragraph, heading, list item,
/// quote, table row...) becomes a paragraph separated by a blank line, a line break a "\n", and runs
/// of whitespace inside a block one space.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "tr",
        "figcaption", "caption", "section", "article", "header", "footer", "main", "ul", "ol", "dl", "table", "figure", "hr",
    };

    private static readonly HashSet<string> s_skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "head", "button", "select", "textarea",
    };

    public static string Of(INode root)
    {
        var writer = new Writer();
        Walk(root, writer);
        return writer.ToString();
    }

    private static void Walk(INode node, Writer writer)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    writer.Append(text.Data);
                    break;
                case IElement element when s_skipped.Contains(element.LocalName):
                    break;
                case IElement { LocalName: "br" }:
                    writer.LineBreak();
                    break;
                case IElement element when s_blocks.Contains(element.LocalName):
                    writer.EndBlock();
                    Walk(element, writer);
                    writer.EndBlock();
                    break;
                case IElement element:
                    Walk(element, writer);
                    break;
            }
        }
    }

    /// <summary>Collects text, collapsing whitespace, with blank lines between blocks.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _line = new();
        private bool _pendingSpace;

        public void Append(string data)
        {
            foreach (char c in data)
            {
                if (char.IsWhiteSpace(c)) { _pendingSpace = _line.Length > 0 && _line[^1] != '\n'; continue; }
                if (_pendingSpace) _line.Append(' ');
                _pendingSpace = false;
                _line.Append(c);
            }
        }

        public void LineBreak()
        {
            if (_line.Length == 0) return;
            _line.Append('\n');
            _pendingSpace = false;
        }

        public void EndBlock()
        {
            var line = _line.ToString().Trim();
            _line.Clear();
            _pendingSpace = false;
            if (line.Length == 0) return;
            if (_text.Length > 0) _text.Append("\n\n");
            _text.Append(line);
        }

        public override string ToString()
        {
            EndBlock();
            return _text.ToString();
        }
    }
}
