using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Host.Configuration;
using Pipeline.Host.Output;
using Pipeline.Sdk;
using Pipeline.Text.Records;

namespace Pipeline.Host.Running;

/// <summary>Reads back what a kept record reports (its findings and per-document failures) for the SARIF log and the counts.</summary>
internal static class ReusedRecord
{
    public static (DocumentStatus Status, ImmutableArray<ReportedFinding> Reported) Read(
        ReadOnlySpan<byte> line, FileSettings settings, IReadOnlySet<string> notRunAnalyzers)
    {
        using var json = JsonDocument.Parse(line.ToArray());
        var root = json.RootElement;
        var path = root.GetProperty("path").GetString()!;
        AnnotationJson.TryParseName(root.GetProperty("status").GetString(), out DocumentStatus status);
        var reported = ImmutableArray.CreateBuilder<ReportedFinding>();
        LineMap? lines = null;
        if (root.TryGetProperty("findings", out var findings))
            foreach (var f in findings.EnumerateArray())
            {
                int start = f.GetProperty("start").GetInt32(), end = f.GetProperty("end").GetInt32();
                lines ??= new LineMap(root.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "");
                var (startLine, column) = lines.Locate(start);
                var (endLine, endColumn) = lines.Locate(end);
                SeverityNames.TryParse(f.GetProperty("severity").GetString(), out var severity);
                reported.Add(new ReportedFinding(f.GetProperty("ruleId").GetString()!, severity, f.GetProperty("message").GetString()!, f.GetProperty("analyzer").GetString()!)
                {
                    Location = new FindingLocation(path)
                    {
                        Span = TextSpan.FromBounds(start, end), StartLine = startLine, StartColumn = column, EndLine = endLine, EndColumn = endColumn,
                    },
                });
            }
        if (root.TryGetProperty("failures", out var failures))
            foreach (var f in failures.EnumerateArray())
            {
                var analyzer = f.GetProperty("analyzer").GetString()!;
                var ruleId = f.GetProperty("ruleId").GetString()!;
                var severity = settings.SeverityOf(ruleId);
                // Analyzers left out of the whole run are reported once, at start.
                if (notRunAnalyzers.Contains(analyzer) || severity == Severity.None) continue;
                reported.Add(new ReportedFinding(ruleId, severity, f.GetProperty("message").GetString()!, analyzer) { Location = new FindingLocation(path) });
            }
        return (status, reported.ToImmutable());
    }
}
