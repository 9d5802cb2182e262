using Pipeline.Sdk;

namespace Pipeline.Learning.Gold;

/// <summary>The gold readers, and the choice of one from --format or from the file itself.</summary>
public static class GoldFormats
{
    private static readonly List<IGoldReader> Readers =
    [
        new AnnotationsReader(), new ConllReader(), new ConlluReader(), new HedgeReader(),
        new NewsMtscReader(), new FncReader(), new EmergentReader(), new PolnearReader(),
        new BratReader(), new LabeledSentenceReader(), // last: its signature ("text" and "label") is the loosest
    ];

    public static IReadOnlyList<IGoldReader> All => Readers;

    /// <summary>Adds a reader (a plugin's own gold format); a later reader with the same name replaces the earlier one.</summary>
    public static void Register(IGoldReader reader)
    {
        lock (Readers)
        {
            Readers.RemoveAll(r => r.Format == reader.Format);
            Readers.Insert(0, reader);
        }
    }

    /// <summary>The reader named by <paramref name="format"/>, else the first that recognises the file.</summary>
    /// <exception cref="GoldFormatException">Unknown format name, missing file, or no reader recognises it.</exception>
    public static IGoldReader Resolve(string path, string? format = null)
    {
        if (!string.IsNullOrEmpty(format))
            return Readers.FirstOrDefault(r => r.Format.Equals(format, StringComparison.OrdinalIgnoreCase))
                ?? throw new GoldFormatException($"unknown gold format \"{format}\" (known: {string.Join(", ", Readers.Select(r => r.Format))})");
        if (Directory.Exists(path))
            return Readers.FirstOrDefault(r => r.Recognizes(path, ""))
                ?? throw new GoldFormatException($"{path}: a folder of no known gold format (a folder is read as brat standoff .ann files)");
        if (!File.Exists(path)) throw new GoldFormatException($"{path}: gold file not found");
        string firstLine = File.ReadLines(path).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) ?? "";
        if (firstLine.Contains("\"body\"", StringComparison.Ordinal) && !firstLine.Contains("\"target\"", StringComparison.Ordinal)
            || firstLine.StartsWith("Body ID,", StringComparison.Ordinal))
            throw new GoldFormatException($"{path}: this is an FNC-1 bodies file; give the stances file (the bodies file is found next to it)");
        return Readers.FirstOrDefault(r => r.Recognizes(path, firstLine))
            ?? throw new GoldFormatException($"{path}: cannot tell the gold format; give --format ({string.Join(", ", Readers.Select(r => r.Format))})");
    }

    /// <summary>Reads a gold file with the reader <see cref="Resolve"/> picks.</summary>
    public static IEnumerable<Document> Read(string path, string? format, GoldReadOptions? options, Action<string> onError)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) throw new GoldFormatException($"{path}: gold file not found");
        return Resolve(path, format).Read(path, options ?? GoldReadOptions.Default, onError);
    }
}
