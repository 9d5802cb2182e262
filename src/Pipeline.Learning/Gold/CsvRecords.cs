using System.Text;

namespace Pipeline.Learning.Gold;

/// <summary>RFC 4180 CSV: comma-separated fields, quoted fields may hold commas, "" and line breaks.</summary>
internal static class CsvRecords
{
    /// <summary>The records of a CSV file with the 1-based line each starts on (the header included).</summary>
    public static IEnumerable<(int Line, List<string> Fields)> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        int line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            int start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            bool quoted = false;
            int i = 0;
            while (true)
            {
                if (i >= text.Length)
                {
                    if (!quoted) break;
                    // A quoted field continues on the next line.
                    if (reader.ReadLine() is not { } next) throw new FormatException($"{path}:{start}: unclosed quoted field");
                    line++;
                    field.Append('\n');
                    text = next;
                    i = 0;
                    continue;
                }
                char c = text[i++];
                if (quoted)
                {
                    if (c != '"') field.Append(c);
                    else if (i < text.Length && text[i] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else if (c == '"' && field.Length == 0) quoted = true;
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                else field.Append(c);
            }
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
