using Pipeline.Text.Records;

namespace Pipeline.Host.Reports;

/// <summary>Line and column of a finding: as written in the record, else computed from the text.</summary>
public static class FindingPosition
{
    public static (int Line, int Column) Of(RecordFinding finding, LineMap? lines, int textLength)
    {
        if (finding.Line > 0 || lines is null) return (finding.Line, finding.Column);
        return lines.Locate(Math.Clamp(finding.Finding.Span.Start, 0, textLength));
    }
}
