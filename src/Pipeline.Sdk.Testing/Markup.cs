using System.Collections.Immutable;
using System.Text;
using Pipeline.Sdk;

namespace Pipeline.Sdk.Testing;

/// <summary>A marked span: <c>[|...|]</c> (no name) or <c>{|name:...|}</c>.</summary>
public sealed record MarkedSpan(string? Name, TextSpan Span);

/// <summary>
/// Text with roslyn-sdk style markers: <c>[|...|]</c> and <c>{|name:...|}</c>, nestable.
/// The markers are removed; the spans refer to the remaining text.
/// </summary>
public sealed record Markup(string Text, ImmutableArray<MarkedSpan> Spans)
{
    /// <exception cref="FormatException">An unclosed, unopened or mismatched marker.</exception>
    public static Markup Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var open = new Stack<(string? Name, int Start, int At)>();
        var spans = ImmutableArray.CreateBuilder<MarkedSpan>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (At(markup, i, "[|"))
            {
                open.Push((null, text.Length, i));
                i++;
            }
            else if (At(markup, i, "{|"))
            {
                int colon = markup.IndexOf(':', i + 2);
                if (colon < 0) throw new FormatException($"'{{|' at {i} has no ':' after its name");
                var name = markup[(i + 2)..colon];
                if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c == '|')) throw new FormatException($"'{{|' at {i} has no valid name before ':'");
                open.Push((name, text.Length, i));
                i = colon;
            }
            else if (At(markup, i, "|]") || At(markup, i, "|}"))
            {
                bool square = markup[i + 1] == ']';
                if (open.Count == 0 || (open.Peek().Name is null) != square)
                    throw new FormatException($"'{markup.Substring(i, 2)}' at {i} closes no matching marker");
                var (name, start, _) = open.Pop();
                spans.Add(new MarkedSpan(name, TextSpan.FromBounds(start, text.Length)));
                i++;
            }
            else text.Append(markup[i]);
        }
        if (open.Count > 0) throw new FormatException($"marker opened at {open.Peek().At} is never closed");
        return new Markup(text.ToString(), spans.OrderBy(s => s.Span).ToImmutableArray());
    }

    /// <summary>The text with markers inserted, for messages. Of marks sharing a position, the earlier one is the outer one.</summary>
    public static string Render(string text, IEnumerable<MarkedSpan> marks)
    {
        var events = new List<(int Position, int Kind, int Length, int Index, string Marker)>();
        int index = 0;
        foreach (var m in marks)
        {
            // Kind orders events at one position: closing markers, then opening ones, then the closing markers of empty spans.
            events.Add((m.Span.Start, 1, -m.Span.Length, index, m.Name is null ? "[|" : "{|" + m.Name + ":"));
            events.Add((m.Span.End, m.Span.IsEmpty ? 2 : 0, m.Span.Length, -index, m.Name is null ? "|]" : "|}"));
            index++;
        }
        var result = new StringBuilder(text.Length + events.Count * 4);
        int at = 0;
        foreach (var e in events.OrderBy(e => e.Position).ThenBy(e => e.Kind).ThenBy(e => e.Length).ThenBy(e => e.Index))
        {
            result.Append(text, at, e.Position - at).Append(e.Marker);
            at = e.Position;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    private static bool At(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, 2) == 0;
}
