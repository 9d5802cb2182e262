namespace Pipeline.Analyzers.Quotes.Lexicon;

/// <summary>Reads the tab-separated lexicon files: '#' starts a comment line, blank lines are skipped.</summary>
internal static class LexiconFile
{
    /// <summary>The fields of each data line, with the line number for error messages.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(string path, int fieldCount)
    {
        if (!File.Exists(path)) throw new LexiconException(path, 0, "file not found");
        int number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            if (fields.Length != fieldCount)
                throw new LexiconException(path, number, $"expected {fieldCount} tab-separated fields, found {fields.Length}");
            yield return (number, fields);
        }
    }

    /// <summary>Lower-case words of a phrase, split on spaces.</summary>
    public static string[] Words(string phrase) =>
        phrase.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A lexicon file that cannot be read; the message names the file and line.</summary>
public sealed class LexiconException(string path, int line, string reason)
    : IOException(line > 0 ? $"{path}({line}): {reason}" : $"{path}: {reason}");
