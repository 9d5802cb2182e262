using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.Host.Running;

/// <summary>
/// The records of a previous run of the same fingerprint, by path and content hash, for
/// `run --resume`. Opening it drops a trailing partial line. Rejected records are not kept
/// (their inputs are read again). Memory: about 40 bytes per record.
/// </summary>
internal sealed class ResumeIndex
{
    private readonly Dictionary<UInt128, LineRef> _lines = [];

    /// <summary>Complete lines that were not valid records (they are dropped from the output).</summary>
    public int Malformed { get; private set; }
    /// <summary>Bytes of a partial last line that were cut off.</summary>
    public long TruncatedBytes { get; private set; }
    /// <summary>Length of the file's complete lines.</summary>
    public long Length { get; private set; }
    public int Count => _lines.Count;

    public static ResumeIndex Open(string path)
    {
        var index = new ResumeIndex();
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1 << 16))
        {
            long lineStart = 0, position = 0;
            var line = new MemoryStream();
            var buffer = new byte[1 << 16];
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                int from = 0;
                for (int i = 0; i < n; i++)
                {
                    if (buffer[i] != (byte)'\n') continue;
                    line.Write(buffer, from, i - from + 1);
                    index.Add(line.GetBuffer().AsSpan(0, (int)line.Length), lineStart);
                    lineStart = position + i + 1;
                    line.SetLength(0);
                    from = i + 1;
                }
                line.Write(buffer, from, n - from);
                position += n;
            }
            index.Length = lineStart;
            if (line.Length > 0)
            {
                index.TruncatedBytes = line.Length;
                stream.SetLength(lineStart);
            }
        }
        return index;
    }

    public bool TryGet(string path, string id, out LineRef line) => _lines.TryGetValue(Key(path, id), out line);

    private void Add(ReadOnlySpan<byte> line, long offset)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            string? path = null, id = null, status = null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "path": path = reader.GetString(); break;
                    case "id": id = reader.GetString(); break;
                    case "status": status = reader.GetString(); break;
                    default: reader.Skip(); break;
                }
            }
            if (path is null || id is null || status is null) throw new JsonException();
            if (status != "rejected") _lines.TryAdd(Key(path, id), new LineRef(offset, line.Length));
        }
        catch (JsonException)
        {
            Malformed++;
        }
    }

    private static UInt128 Key(string path, string id)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(id + "\n" + path), hash);
        return new UInt128(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
    }
}
