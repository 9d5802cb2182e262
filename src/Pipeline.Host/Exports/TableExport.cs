using Pipeline.Host.Reports;

namespace Pipeline.Host.Exports;

/// <summary>What an export wrote.</summary>
/// <param name="Documents">Records exported.</param>
/// <param name="Rows">Rows written per table (every table file written, empty ones included).</param>
/// <param name="Files">The table files, one per table.</param>
public sealed record ExportResult(int Documents, int BadLineCount, IReadOnlyList<BadLine> BadLines,
    IReadOnlyDictionary<string, long> Rows, IReadOnlyList<string> Files);

/// <summary>
/// Writes an annotations.jsonl file as tables for SQL, pandas and R: documents, one table per
/// annotation layer (plugin layers included), findings and failures, as CSV or Parquet files
/// named after the table (entities.csv, quotes.parquet...). Records stream one at a time.
/// </summary>
public static class TableExport
{
    /// <summary>Most unreadable lines kept in the result (all are reported to the log).</summary>
    private const int BadLineLimit = 1000;

    /// <summary>"csv" or "parquet", as given on the command line.</summary>
    public static bool TryParseFormat(string? name, out ExportFormat format) =>
        Enum.TryParse(name, ignoreCase: true, out format) && Enum.IsDefined(format);

    /// <param name="annotationsPath">The annotations.jsonl to export.</param>
    /// <param name="outDir">The folder for the table files (created; existing files are overwritten).</param>
    /// <param name="log">Where unreadable lines are reported as "file:line: reason" (standard error by default).</param>
    /// <param name="rowGroupSize">Rows per Parquet row group (the most rows held per table).</param>
    public static ExportResult Write(string annotationsPath, string outDir, ExportFormat format, TextWriter? log = null, int rowGroupSize = 20_000)
    {
        if (format is not (ExportFormat.Csv or ExportFormat.Parquet)) throw new ArgumentOutOfRangeException(nameof(format), format, "not a table format");
        log ??= Console.Error;
        Directory.CreateDirectory(outDir);
        var badLines = new List<BadLine>();
        int badLineCount = 0, documents = 0;
        using var tables = new TableFiles(outDir, format, rowGroupSize);
        tables.Open(ExportTables.Documents, ExportTables.DocumentColumns);
        foreach (var t in ExportTables.WellKnown) tables.Open(t.Name, t.Columns);
        tables.Open(ExportTables.Findings, ExportTables.FindingColumns);
        tables.Open(ExportTables.Failures, ExportTables.FailureColumns);
        var layerTables = ExportTables.WellKnown.ToDictionary(t => t.Name);

        foreach (var input in AnnotationInput.Read(annotationsPath, bad =>
                 {
                     log.WriteLine(bad);
                     if (badLineCount++ < BadLineLimit) badLines.Add(bad);
                 }))
        {
            documents++;
            var r = input.Record;
            tables.Write(ExportTables.Documents, ExportTables.DocumentRow(input, DocumentStats.Of(r)));
            if (r.Document is { } doc)
                foreach (var key in doc.LayerKeys.OrderBy(k => k.Name, StringComparer.Ordinal))
                {
                    if (!layerTables.TryGetValue(key.Name, out var table))
                    {
                        table = ExportTables.Generic(key.Name, tables.UniqueName(ExportTables.GenericTableName(key.Name)));
                        layerTables[key.Name] = table;
                        tables.Open(table.Name, table.Columns);
                    }
                    foreach (var a in doc.GetAnnotations(key)) tables.Write(table.Name, ExportTables.AnnotationRow(table, r, doc, a));
                }
            foreach (var row in ExportTables.FindingRows(r)) tables.Write(ExportTables.Findings, row);
            foreach (var row in ExportTables.FailureRows(r)) tables.Write(ExportTables.Failures, row);
        }
        return new ExportResult(documents, badLineCount, badLines, tables.Rows, tables.Files);
    }

    /// <summary>The open table files of one export, by table name.</summary>
    private sealed class TableFiles(string outDir, ExportFormat format, int rowGroupSize) : IDisposable
    {
        private readonly Dictionary<string, ITableWriter> _writers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _rows = new(StringComparer.Ordinal);
        private readonly List<string> _files = [];

        public IReadOnlyDictionary<string, long> Rows => _rows;
        public IReadOnlyList<string> Files => _files;

        public void Open(string table, IReadOnlyList<Column> columns)
        {
            string file = Path.Combine(outDir, table + (format == ExportFormat.Csv ? ".csv" : ".parquet"));
            _writers[table] = format == ExportFormat.Csv ? new CsvTableWriter(file, columns) : new ParquetTableWriter(file, columns, rowGroupSize);
            _rows[table] = 0;
            _files.Add(file);
        }

        /// <summary><paramref name="name"/>, or with a number added when another table has it ("a b" and "a_b" both give "a_b").</summary>
        public string UniqueName(string name)
        {
            string unique = name;
            for (int n = 2; _writers.ContainsKey(unique); n++) unique = $"{name}_{n}";
            return unique;
        }

        public void Write(string table, object?[] row)
        {
            _writers[table].Write(row);
            _rows[table]++;
        }

        public void Dispose()
        {
            foreach (var w in _writers.Values) w.Dispose();
        }
    }
}
