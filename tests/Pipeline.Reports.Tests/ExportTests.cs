using System.Globalization;
using System.Runtime.CompilerServices;
using Pipeline.Host.Exports;
using Pipeline.Sdk;
using Pipeline.Text.Records;

namespace Pipeline.Reports.Tests;

public class ExportTests
{
    private static readonly AnnotationRecord[] Records = [Fixtures.Seed("a.txt"), Fixtures.WithMarkup(), Fixtures.Rejected("d.bin")];

    private static string Str(object? v) => v switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString()!,
    };

    private static string Spans(IEnumerable<TextSpan> spans) => "[" + string.Join(",", spans.Select(s => $"[{s.Start},{s.End}]")) + "]";

    /// <summary>What each table must hold, built from the records themselves (a subset of columns, as text).</summary>
    private static Dictionary<string, List<Dictionary<string, string>>> Expected()
    {
        var tables = new Dictionary<string, List<Dictionary<string, string>>>();
        void Add(string table, Dictionary<string, string> row)
        {
            if (!tables.TryGetValue(table, out var rows)) tables[table] = rows = [];
            rows.Add(row);
        }
        foreach (var r in Records)
        {
            Add("documents", new() { ["document_id"] = r.Id, ["path"] = r.Path, ["status"] = AnnotationJson.Name(r.Status), ["reason"] = r.Reason ?? "",
                                     ["headline"] = r.Document?.Metadata.Headline ?? "", ["findings"] = Str(r.Findings.Length) });
            foreach (var f in r.Failures)
                Add("failures", new() { ["path"] = r.Path, ["rule_id"] = f.RuleId, ["analyzer"] = f.Analyzer, ["message"] = f.Message });
            for (int i = 0; i < r.Findings.Length; i++)
            {
                var f = r.Findings[i];
                Add("findings", new()
                {
                    ["document_id"] = r.Id, ["finding_id"] = $"f{i + 1}", ["rule_id"] = f.Finding.RuleId, ["severity"] = AnnotationJson.Name(f.Finding.Severity),
                    ["span_start"] = Str(f.Finding.Span.Start), ["span_end"] = Str(f.Finding.Span.End), ["line_number"] = Str(f.Line), ["column_number"] = Str(f.Column),
                    ["message"] = f.Finding.Message, ["annotation_ids"] = "[" + string.Join(",", f.Finding.AnnotationIds.Select(id => $"\"{id}\"")) + "]",
                });
            }
            if (r.Document is not { } doc) continue;
            foreach (var key in doc.LayerKeys)
                foreach (var a in doc.GetAnnotations(key))
                {
                    var row = new Dictionary<string, string>
                    {
                        ["document_id"] = r.Id, ["path"] = r.Path, ["annotation_id"] = a.Id, ["span_start"] = Str(a.Span.Start), ["span_end"] = Str(a.Span.End),
                        ["text"] = WholeDocument(doc, a.Span) ? "" : doc.GetString(a.Span), ["confidence"] = Str(a.Confidence), ["analyzer"] = a.Provenance?.Analyzer ?? "",
                    };
                    string table = key.Name;
                    switch (a)
                    {
                        case EntityMention e: row["type"] = e.Type; row["cluster_id"] = e.ClusterId; row["canonical_name"] = e.CanonicalName; break;
                        case Quote q:
                            row["segments"] = Spans(q.Content); row["segment_count"] = Str(q.Content.Length);
                            row["content_text"] = string.Join(" … ", q.Content.Select(doc.GetString));
                            row["cue_text"] = q.Cue is { } cue ? doc.GetString(cue) : "";
                            break;
                        case Attribution at: row["quote_id"] = at.QuoteId; row["speaker_kind"] = AnnotationJson.Name(at.SpeakerKind); row["canonical_name"] = at.CanonicalName ?? ""; break;
                        case HedgeCue h: row["type"] = AnnotationJson.Name(h.Type); row["holder"] = AnnotationJson.Name(h.Holder); row["quote_id"] = h.QuoteId ?? ""; break;
                        case SentenceUncertainty u: row["uncertain"] = Str(u.Uncertain); row["cue_ids"] = "[" + string.Join(",", u.CueIds.Select(id => $"\"{id}\"")) + "]"; break;
                        case EntityStance s:
                            row["cluster_id"] = s.ClusterId; row["scope"] = AnnotationJson.Name(s.Scope); row["label"] = AnnotationJson.Name(s.Label); row["mention_id"] = s.MentionId ?? "";
                            row["score_negative"] = Str(s.Scores[0]); row["score_positive"] = Str(s.Scores[2]); row["evidence"] = Spans(s.Evidence);
                            break;
                        case ClaimStance c: row["claim"] = c.Claim; row["label"] = AnnotationJson.Name(c.Label); row["score_discuss"] = Str(c.Scores[2]); break;
                        case LabeledSpan l:
                            table = key.Name == "markup <b>" ? "markup__b_" : key.Name;
                            row["layer"] = key.Name; row["label"] = l.Label;
                            row["properties"] = "{" + string.Join(",", l.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":\"{p.Value}\"")) + "}";
                            break;
                    }
                    Add(table, row);
                }
        }
        return tables;
    }

    /// <summary>Annotations about the whole document carry no copy of the text (docs/FORMATS.md).</summary>
    private static bool WholeDocument(Document doc, TextSpan span) => span.Start == 0 && span.End == doc.Text.Length;

    private static void AssertTablesMatch(string dir, string extension, Func<string, List<Dictionary<string, string>>> read, ExportResult result)
    {
        var expected = Expected();
        // Every table is written, the empty ones too; plugin layers get a table of their own.
        string[] all = ["documents", "entities", "quotes", "attributions", "hedges", "uncertainty", "stance", "claims", "findings", "failures", "events", "markup__b_"];
        Assert.Equal(all.Order(), result.Files.Select(f => Path.GetFileNameWithoutExtension(f)!).Order());
        foreach (var table in all)
        {
            var file = Path.Combine(dir, table + extension);
            Assert.True(File.Exists(file), file);
            var actual = read(file);
            var want = expected.GetValueOrDefault(table) ?? [];
            Assert.Equal(want.Count, actual.Count);
            Assert.Equal(want.Count, result.Rows[table]);
            for (int i = 0; i < want.Count; i++)
                foreach (var (column, value) in want[i])
                    Assert.True(value == actual[i][column], $"{table} row {i + 1} {column}: expected «{value}», got «{actual[i][column]}»");
        }
    }

    private static string Folder([CallerMemberName] string test = "") => Fixtures.NewFolder("export", test);

    [Fact]
    public void Csv_tables_read_back_equal_the_records()
    {
        var dir = Folder();
        var result = TableExport.Write(Fixtures.WriteJsonl(dir, Records), Path.Combine(dir, "tables"), ExportFormat.Csv, TextWriter.Null);
        Assert.Equal(3, result.Documents);
        AssertTablesMatch(Path.Combine(dir, "tables"), ".csv", f => TableReaders.ReadCsv(f).Rows, result);

        // RFC 4180: CRLF records; a field with quotes, commas or a line break is quoted, its quotes doubled.
        var raw = File.ReadAllText(Path.Combine(dir, "tables", "entities.csv"));
        Assert.StartsWith("document_id,path,annotation_id,span_start,span_end,text,confidence,", raw);
        Assert.Contains("\r\n", raw);
        var markup = File.ReadAllText(Path.Combine(dir, "tables", "markup__b_.csv"));
        Assert.Contains("\"<img src=x onerror=\"\"window.__pwned = 2\"\">\"", markup);
        var header = TableReaders.ReadCsv(Path.Combine(dir, "tables", "claims.csv")).Header;
        Assert.Equal(["document_id", "path", "annotation_id", "span_start", "span_end", "text", "confidence", "analyzer", "analyzer_version", "model", "method",
                      "claim", "label", "score_agree", "score_disagree", "score_discuss", "score_unrelated", "evidence"], header);
    }

    [Fact]
    public async Task Parquet_tables_read_back_equal_the_records_and_are_written_in_row_groups()
    {
        var dir = Folder();
        var records = Enumerable.Range(1, 5).Select(i => Fixtures.Seed($"seed-{i}.txt")).ToArray();
        var result = TableExport.Write(Fixtures.WriteJsonl(dir, Records), Path.Combine(dir, "tables"), ExportFormat.Parquet, TextWriter.Null);
        var read = new Dictionary<string, List<Dictionary<string, string>>>();
        foreach (var file in result.Files)
        {
            var (_, rows, _) = await TableReaders.ReadParquetAsync(file);
            read[file] = rows.Select(r => r.ToDictionary(p => p.Key, p => Str(p.Value))).ToList();
        }
        AssertTablesMatch(Path.Combine(dir, "tables"), ".parquet", f => read[f], result);

        // Typed columns: offsets are integers, confidences doubles, uncertain a boolean.
        var (_, uncertainty, _) = await TableReaders.ReadParquetAsync(Path.Combine(dir, "tables", "uncertainty.parquet"));
        Assert.IsType<int>(uncertainty[0]["span_start"]);
        Assert.IsType<double>(uncertainty[0]["confidence"]);
        Assert.IsType<bool>(uncertainty[0]["uncertain"]);

        // A small row group size splits a table into several groups; every row is still there, in order.
        var many = Path.Combine(dir, "many");
        Directory.CreateDirectory(many);
        var manyResult = TableExport.Write(Fixtures.WriteJsonl(many, records), Path.Combine(many, "tables"), ExportFormat.Parquet, TextWriter.Null, rowGroupSize: 4);
        var (_, entities, groups) = await TableReaders.ReadParquetAsync(Path.Combine(many, "tables", "entities.parquet"));
        Assert.Equal(35, entities.Count);
        Assert.Equal(9, groups);
        Assert.Equal(records.SelectMany(r => r.Document!.GetLayer(Layers.Entities).Select(e => $"{r.Path}/{e.Id}")),
                     entities.Select(e => $"{e["path"]}/{e["annotation_id"]}"));
        Assert.Equal(35, manyResult.Rows["entities"]);
    }

    [Fact]
    public void Bad_lines_are_named_and_skipped_by_exports()
    {
        var dir = Folder();
        var jsonl = Fixtures.WriteWithBadLines(dir);
        var log = new StringWriter();
        var result = TableExport.Write(jsonl, Path.Combine(dir, "tables"), ExportFormat.Csv, log);
        Assert.Equal(2, result.Documents);
        Assert.Equal(3, result.BadLineCount);
        Assert.Equal([2, 4, 5], result.BadLines.Select(b => b.Line));
        Assert.StartsWith($"{jsonl}:2: invalid JSON", log.ToString());
        Assert.Equal(["a.txt", "in/<script>window.__pwned = 9</script>.txt"],
                     TableReaders.ReadCsv(Path.Combine(dir, "tables", "documents.csv")).Rows.Select(r => r["path"]));
    }

    [Fact]
    public void Export_formats_parse_from_the_command_line_names()
    {
        Assert.True(TableExport.TryParseFormat("csv", out var csv));
        Assert.Equal(ExportFormat.Csv, csv);
        Assert.True(TableExport.TryParseFormat("Parquet", out var parquet));
        Assert.Equal(ExportFormat.Parquet, parquet);
        Assert.False(TableExport.TryParseFormat("xlsx", out _));
        Assert.False(TableExport.TryParseFormat("7", out _));
    }
}
