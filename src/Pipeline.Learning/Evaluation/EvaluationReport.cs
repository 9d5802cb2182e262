using System.Globalization;
using System.Text;

namespace Pipeline.Learning.Evaluation;

/// <summary>A titled table of one evaluation section.</summary>
public sealed record EvaluationTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// What an evaluation measured: readable tables and the metrics, which end the output as one
/// machine-readable line "RESULT name=value ..." (values as fractions with 4 decimals).
/// </summary>
public sealed class EvaluationReport
{
    public required string Task { get; init; }
    public required int Documents { get; init; }
    public required IReadOnlyList<EvaluationTable> Tables { get; init; }
    /// <summary>The metrics in RESULT order.</summary>
    public required IReadOnlyList<KeyValuePair<string, double>> Metrics { get; init; }

    public double this[string metric] => Metrics.First(m => m.Key == metric).Value;

    public string ResultLine => "RESULT " + string.Join(' ', Metrics.Select(m => $"{m.Key}={Format(m.Value)}"));

    internal static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    public void WriteTo(TextWriter output)
    {
        output.WriteLine($"{Task}: {Documents} documents");
        foreach (var table in Tables)
        {
            output.WriteLine();
            output.WriteLine(table.Title);
            var widths = table.Header.Select((h, i) => Math.Max(h.Length, table.Rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
            output.WriteLine(Line(table.Header, widths));
            output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            foreach (var row in table.Rows) output.WriteLine(Line(row, widths));
        }
        output.WriteLine();
        output.WriteLine(ResultLine);
    }

    public override string ToString()
    {
        var sw = new StringWriter();
        WriteTo(sw);
        return sw.ToString();
    }

    // First column left-aligned (names), the others right-aligned (numbers).
    private static string Line(IReadOnlyList<string> cells, int[] widths)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0) sb.Append("  ");
            sb.Append(i == 0 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]));
        }
        return sb.ToString().TrimEnd();
    }
}
