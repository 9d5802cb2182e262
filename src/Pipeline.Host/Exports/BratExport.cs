using System.Text;
using Pipeline.Host.Reports;
using Pipeline.Learning.Gold;

namespace Pipeline.Host.Exports;

/// <summary>
/// Writes an annotations.jsonl file as a brat standoff folder (<see cref="BratWriter"/>): per
/// document its text (NAME.txt) and its entity mentions and attributions (NAME.ann), named after
/// the input file (NAME-2, NAME-3... when names repeat), and the folder's annotation.conf. The
/// folder can be opened in brat, corrected, and given back to `pipeline train` or `pipeline eval`
/// as gold. Each file is written whole (written aside, then moved into place).
/// </summary>
public static class BratExport
{
    public const string Folder = "brat";

    /// <param name="log">Where unreadable lines are reported as "file:line: reason".</param>
    public static ExportResult Write(string annotationsPath, string outDir, TextWriter log)
    {
        Directory.CreateDirectory(outDir);
        var files = new List<string>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var badLines = new List<BadLine>();
        long entities = 0, quotes = 0;
        int documents = 0;
        WriteWhole(Path.Combine(outDir, "annotation.conf"), BratWriter.AnnotationConf);
        foreach (var input in AnnotationInput.Read(annotationsPath, bad => { log.WriteLine(bad); badLines.Add(bad); }))
        {
            if (input.Record.Document is not { } doc) continue;
            documents++;
            string name = UniqueName(input.Record.Path, used);
            WriteWhole(Path.Combine(outDir, name + ".txt"), doc.Text);
            WriteWhole(Path.Combine(outDir, name + ".ann"), BratWriter.Annotations(doc));
            files.Add(Path.Combine(outDir, name + ".ann"));
            entities += doc.GetLayerOrEmpty(Sdk.Layers.Entities).Length;
            quotes += doc.GetLayerOrEmpty(Sdk.Layers.Quotes).Length;
        }
        return new ExportResult(documents, badLines.Count, badLines, new Dictionary<string, long> { ["entities"] = entities, ["quotes"] = quotes }, files);
    }

    /// <summary>The input's file name without extension ("#n" of a JSON Lines record kept as "-n"), made safe and unique.</summary>
    private static string UniqueName(string inputPath, HashSet<string> used)
    {
        string stem = Path.GetFileNameWithoutExtension(inputPath.Replace('#', '-'));
        var safe = new StringBuilder();
        foreach (var c in stem) safe.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        string name = safe.Length == 0 ? "document" : safe.ToString();
        string unique = name;
        for (int n = 2; !used.Add(unique); n++) unique = $"{name}-{n}";
        return unique;
    }

    private static void WriteWhole(string path, string content)
    {
        string temp = path + ".tmp";
        File.WriteAllText(temp, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temp, path, overwrite: true);
    }
}
