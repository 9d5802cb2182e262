using Microsoft.Win32.SafeHandles;

namespace Pipeline.Host.Running;

/// <summary>
/// annotations.jsonl, appended one complete record at a time: each line is one unbuffered
/// write, so an interrupted run leaves only whole records (and at worst one partial last line,
/// which --resume drops).
/// </summary>
internal sealed class AnnotationsFile : IDisposable
{
    public const string FileName = "annotations.jsonl";

    private readonly FileStream _stream;

    private AnnotationsFile(FileStream stream) => _stream = stream;

    public static AnnotationsFile Create(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0));

    public static AnnotationsFile Append(string path) =>
        new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0));

    /// <summary>Where the next line starts.</summary>
    public long Position => _stream.Position;

    public void WriteLine(ReadOnlySpan<byte> line)
    {
        _stream.Write(line);
        _stream.Flush();
    }

    public void Dispose() => _stream.Dispose();
}

/// <summary>A record line kept from a previous run: where it is in the file.</summary>
internal readonly record struct LineRef(long Offset, int Length);

/// <summary>Reads record lines at their offsets (thread-safe).</summary>
internal sealed class LineSource(string path) : IDisposable
{
    private readonly SafeFileHandle _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);

    public byte[] Read(LineRef line)
    {
        var bytes = new byte[line.Length];
        int read = 0;
        while (read < bytes.Length)
        {
            int n = RandomAccess.Read(_handle, bytes.AsSpan(read), line.Offset + read);
            if (n == 0) throw new EndOfStreamException($"{path}: record at byte {line.Offset} is cut short");
            read += n;
        }
        return bytes;
    }

    public void Dispose() => _handle.Dispose();
}
