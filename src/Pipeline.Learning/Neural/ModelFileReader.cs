using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Pipeline.Learning.Neural;

/// <summary>
/// Reads a little-endian weights file written with <see cref="BinaryWriter"/> (strings as an int32
/// length and UTF-8 bytes), naming the file in every error.
/// </summary>
public sealed class ModelFileReader
{
    private readonly byte[] _bytes;
    private int _position;

    /// <exception cref="InvalidModelException">The file is missing, unreadable or not the expected format.</exception>
    public ModelFileReader(string path, uint magic, int version, string kind)
    {
        Path = path;
        try { _bytes = File.ReadAllBytes(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        { throw new InvalidModelException(path, ex is FileNotFoundException or DirectoryNotFoundException ? "model file not found" : ex.Message, ex); }
        if (!BitConverter.IsLittleEndian) throw new InvalidModelException(path, "this format is read on little-endian machines only");
        if (_bytes.Length < 4 || BinaryPrimitives.ReadUInt32LittleEndian(Take(4)) != magic)
            throw new InvalidModelException(path, $"not a {kind} (bad magic number)");
        int found = Int();
        if (found != version) throw new InvalidModelException(path, $"{kind} format version {found} is not supported (expected {version})");
    }

    public string Path { get; }

    public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public string String() => Encoding.UTF8.GetString(Take(Int()));

    public float[] Floats(long count) => MemoryMarshal.Cast<byte, float>(Take(count * 4)).ToArray();

    /// <exception cref="InvalidModelException">Bytes are left after the weights.</exception>
    public void End()
    {
        if (_position != _bytes.Length) throw new InvalidModelException(Path, "unexpected bytes after the weights");
    }

    public InvalidModelException Corrupt(string what) => new(Path, what);

    private ReadOnlySpan<byte> Take(long count)
    {
        if (count < 0 || count > _bytes.Length - _position) throw new InvalidModelException(Path, "file is truncated");
        var s = _bytes.AsSpan(_position, (int)count);
        _position += (int)count;
        return s;
    }

    /// <summary>Writes a string as <see cref="String"/> reads it.</summary>
    public static void WriteString(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write(bytes.Length);
        w.Write(bytes);
    }
}
