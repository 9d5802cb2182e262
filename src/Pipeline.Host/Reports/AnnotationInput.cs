using System.Text.Json;
using Pipeline.Text.Records;

namespace Pipeline.Host.Reports;

/// <summary>A line of annotations.jsonl that could not be read, and why.</summary>
public sealed record BadLine(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

/// <summary>A record read from annotations.jsonl with the line it came from.</summary>
public readonly record struct NumberedRecord(int Line, AnnotationRecord Record);

/// <summary>
/// Streams the records of an annotations.jsonl file one at a time for reports and exports.
/// A bad line (truncated, invalid JSON, malformed fields) is reported and skipped.
/// </summary>
public static class AnnotationInput
{
    public static IEnumerable<NumberedRecord> Read(string path, Action<BadLine> onBadLine)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: annotations file not found", path);
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            AnnotationRecord? record = null;
            try { record = AnnotationRecordReader.Parse(line, $"{path}#{lineNumber}"); }
            // The codec throws FormatException for what it checks; a field of the wrong JSON kind surfaces as
            // InvalidOperationException from JsonElement. Either way the line is unusable, not the run.
            catch (Exception ex) when (ex is FormatException or InvalidOperationException or JsonException or ArgumentException)
            {
                onBadLine(new BadLine(path, lineNumber, ex.Message));
            }
            if (record is not null) yield return new NumberedRecord(lineNumber, record);
        }
    }
}
