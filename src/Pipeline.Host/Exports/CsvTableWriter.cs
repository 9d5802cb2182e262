using System.Buffers;
using System.Globalization;
using System.Text;

namespace Pipeline.Host.Exports;

/// <summary>
/// RFC 4180 CSV: UTF-8 without a byte order mark, a header row, CRLF line ends, fields quoted
/// when they hold a comma, a quote or a line break (quotes doubled). Null is an empty field; an
/// empty string is written as "" so the two stay apart.
/// </summary>
internal sealed class CsvTableWriter : ITableWriter
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");
    private readonly StreamWriter _out;

    public CsvTableWriter(string path, IReadOnlyList<Column> columns)
    {
        _out = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\r\n" };
        Write(columns.Select(c => (object?)c.Name).ToArray());
    }

    public void Write(object?[] row)
    {
        for (int i = 0; i < row.Length; i++)
        {
            if (i > 0) _out.Write(',');
            switch (row[i])
            {
                case null: break;
                case string s: Field(s); break;
                case bool b: _out.Write(b ? "true" : "false"); break;
                case double d: _out.Write(d.ToString("R", CultureInfo.InvariantCulture)); break;
                case IFormattable f: _out.Write(f.ToString(null, CultureInfo.InvariantCulture)); break;
                case var other: Field(other.ToString() ?? ""); break;
            }
        }
        _out.WriteLine();
    }

    private void Field(string s)
    {
        if (s.Length > 0 && s.AsSpan().IndexOfAny(NeedsQuotes) < 0) { _out.Write(s); return; }
        _out.Write('"');
        _out.Write(s.Replace("\"", "\"\""));
        _out.Write('"');
    }

    public void Dispose() => _out.Dispose();
}
