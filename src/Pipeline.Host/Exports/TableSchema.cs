namespace Pipeline.Host.Exports;

/// <summary>Table formats (one file per table), and brat standoff (a text and an annotation file per document).</summary>
public enum ExportFormat { Csv, Parquet, Brat }

internal enum ColumnType { Text, Integer, Real, Boolean }

/// <summary>A column of an exported table. Every column may be null (empty in CSV).</summary>
internal sealed record Column(string Name, ColumnType Type);

/// <summary>Writes the rows of one table to one file.</summary>
internal interface ITableWriter : IDisposable
{
    /// <summary>One row: a value per column, in column order (string, int, double, bool or null).</summary>
    void Write(object?[] row);
}
