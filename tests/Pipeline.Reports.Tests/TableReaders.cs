using System.Globalization;
using CsvHelper;
using Parquet;
using Parquet.Schema;

namespace Pipeline.Reports.Tests;

/// <summary>Reads exported tables back with independent readers: CsvHelper and Parquet.Net's reader.</summary>
internal static class TableReaders
{
    /// <summary>Rows as column name → text ("" for an empty field).</summary>
    public static (string[] Header, List<Dictionary<string, string>> Rows) ReadCsv(string file)
    {
        using var reader = new StreamReader(file);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));
        return (header, rows);
    }

    /// <summary>Rows as column name → value (string, int, double, bool or null), and the number of row groups.</summary>
    public static async Task<(string[] Header, List<Dictionary<string, object?>> Rows, int RowGroups)> ReadParquetAsync(string file)
    {
        await using var stream = File.OpenRead(file);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        var rows = new List<Dictionary<string, object?>>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            var groupRows = Enumerable.Range(0, n).Select(_ => new Dictionary<string, object?>()).ToList();
            foreach (var field in fields)
            {
                object?[] values = field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>) ? await Strings(group, field, n)
                    : field.ClrType == typeof(int) ? await Values<int>(group, field, n)
                    : field.ClrType == typeof(double) ? await Values<double>(group, field, n)
                    : field.ClrType == typeof(bool) ? await Values<bool>(group, field, n)
                    : throw new InvalidOperationException($"unexpected column type {field.ClrType} of {field.Name}");
                for (int i = 0; i < n; i++) groupRows[i][field.Name] = values[i];
            }
            rows.AddRange(groupRows);
        }
        return (fields.Select(f => f.Name).ToArray(), rows, reader.RowGroupCount);
    }

    private static async Task<object?[]> Strings(ParquetRowGroupReader group, DataField field, int n)
    {
        var values = new string?[n];
        await group.ReadAsync(field, values.AsMemory());
        return values.Cast<object?>().ToArray();
    }

    private static async Task<object?[]> Values<T>(ParquetRowGroupReader group, DataField field, int n) where T : struct
    {
        var values = new T?[n];
        await group.ReadAsync<T>(field, values.AsMemory());
        return values.Select(v => v.HasValue ? (object?)v.Value : null).ToArray();
    }
}
