using Parquet;
using Parquet.Schema;

namespace Pipeline.Host.Exports;

/// <summary>
/// A Parquet file written in row groups: rows are buffered per column up to the row-group size,
/// then written and dropped, so memory stays bounded whatever the number of documents.
/// </summary>
internal sealed class ParquetTableWriter : ITableWriter
{
    private readonly FileStream _file;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private readonly Array[] _buffers;
    private readonly int _rowGroupSize;
    private int _rows;

    public ParquetTableWriter(string path, IReadOnlyList<Column> columns, int rowGroupSize)
    {
        _rowGroupSize = rowGroupSize;
        _fields = columns.Select(c => new DataField(c.Name, ClrType(c.Type), isNullable: true)).ToArray();
        _buffers = columns.Select(c => Array.CreateInstance(ClrType(c.Type), rowGroupSize)).ToArray();
        _file = File.Create(path);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), _file, options).GetAwaiter().GetResult();
    }

    private static Type ClrType(ColumnType type) => type switch
    {
        ColumnType.Text => typeof(string),
        ColumnType.Integer => typeof(int?),
        ColumnType.Real => typeof(double?),
        _ => typeof(bool?),
    };

    public void Write(object?[] row)
    {
        for (int i = 0; i < row.Length; i++) _buffers[i].SetValue(row[i], _rows);
        if (++_rows == _rowGroupSize) Flush();
    }

    private void Flush()
    {
        if (_rows == 0) return;
        using (var group = _writer.CreateRowGroup())
        {
            for (int i = 0; i < _fields.Length; i++)
            {
                var task = _buffers[i] switch
                {
                    string?[] s => group.WriteAsync(_fields[i], new ArraySegment<string>(s!, 0, _rows)),
                    int?[] n => group.WriteAsync<int>(_fields[i], new ReadOnlyMemory<int?>(n, 0, _rows)),
                    double?[] d => group.WriteAsync<double>(_fields[i], new ReadOnlyMemory<double?>(d, 0, _rows)),
                    bool?[] b => group.WriteAsync<bool>(_fields[i], new ReadOnlyMemory<bool?>(b, 0, _rows)),
                    _ => throw new InvalidOperationException("unexpected column buffer"),
                };
                task.GetAwaiter().GetResult();
                Array.Clear(_buffers[i], 0, _rows);
            }
            group.CompleteValidate();
        }
        _rows = 0;
    }

    public void Dispose()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _file.Dispose();
    }
}
