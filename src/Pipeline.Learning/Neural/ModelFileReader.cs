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

/// <summary>
/// The header the tuned encoder models share: magic number, version, the encoder id of the frozen
/// states they read, their labels and the shape of their transformer layers.
/// </summary>
public static class TunedModelHeader
{
    /// <summary>Creates the file and writes the header; the caller writes the weights after it.</summary>
    public static BinaryWriter Create(string path, uint magic, int version, string inputEncoder, IReadOnlyList<string> labels, TransformerLayer shape)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var w = new BinaryWriter(File.Create(path), Encoding.UTF8); // little-endian on every platform
        w.Write(magic);
        w.Write(version);
        ModelFileReader.WriteString(w, inputEncoder);
        w.Write(labels.Count);
        foreach (var label in labels) ModelFileReader.WriteString(w, label);
        w.Write(shape.Dim);
        w.Write(shape.Heads);
        w.Write(shape.FeedForward);
        return w;
    }

    /// <summary>Opens the file and reads the header; the caller reads the weights after it.</summary>
    /// <exception cref="InvalidModelException">The file is missing, of another kind or version, or its header is corrupt.</exception>
    public static (ModelFileReader Reader, string InputEncoder, System.Collections.Immutable.ImmutableArray<string> Labels, int Dim, int Heads, int FeedForward)
        Open(string path, uint magic, int version, string kind)
    {
        var r = new ModelFileReader(path, magic, version, kind);
        string encoder = r.String();
        int classes = r.Int();
        if (classes is < 2 or > 100) throw r.Corrupt("corrupt header");
        var labels = System.Collections.Immutable.ImmutableArray.CreateBuilder<string>(classes);
        for (int i = 0; i < classes; i++) labels.Add(r.String());
        int dim = r.Int(), heads = r.Int(), ff = r.Int();
        if (dim < 1 || heads < 1 || dim % heads != 0 || ff < 1) throw r.Corrupt("corrupt layer shape");
        return (r, encoder, labels.MoveToImmutable(), dim, heads, ff);
    }
}
