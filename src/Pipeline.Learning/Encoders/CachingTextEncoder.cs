using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Pipeline.Sdk;

namespace Pipeline.Learning.Encoders;

/// <summary>
/// An <see cref="ITextEncoder"/> that keeps the vectors it computes in a disk cache, so repeated
/// trainings over the same data (cross-validation, tuning) encode each text once. The key is the
/// SHA-256 of the model id, the call kind and its input; the cache is one append-only file per
/// model in the given folder. Thread-safe. If another process holds the file, the cache is off.
/// </summary>
public sealed class CachingTextEncoder : ITextEncoder, IDisposable
{
    private const int KeySize = 32, HeaderSize = KeySize + 8; // key, int32 vector count, int32 dimension

    private readonly ITextEncoder _inner;
    private readonly SafeFileHandle? _file;
    private readonly Dictionary<Key, (long Offset, int Count)> _index = new();
    private readonly Lock _lock = new();
    private long _end;
    private int _hits, _misses;

    public CachingTextEncoder(ITextEncoder inner, string directory, IRunLog? log = null)
    {
        _inner = inner;
        Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, $"encoder-{Sanitize(inner.ModelId)}-{inner.Dimension}.cache");
        try { _file = File.OpenHandle(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read); }
        catch (IOException ex)
        {
            log?.Warning($"{Path}: encoder cache not used ({ex.Message})");
            return;
        }
        LoadIndex(log);
    }

    public string Path { get; }
    public string ModelId => _inner.ModelId;
    public int Dimension => _inner.Dimension;
    /// <summary>Lookups answered from the cache, and lookups that had to encode.</summary>
    public int Hits => _hits;
    public int Misses => _misses;

    public float[] EncodeSentence(string text) =>
        GetOrAdd(KeyOf('s', text, []), () => [_inner.EncodeSentence(text)])[0];

    public float[][] EncodeSentences(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        var missing = new List<int>();
        var keys = new Key[texts.Count];
        for (int i = 0; i < texts.Count; i++)
        {
            keys[i] = KeyOf('s', texts[i], []);
            if (TryRead(keys[i]) is { } hit) result[i] = hit[0]; else missing.Add(i);
        }
        if (missing.Count > 0)
        {
            var computed = _inner.EncodeSentences(missing.Select(i => texts[i]).ToArray());
            for (int j = 0; j < missing.Count; j++)
            {
                result[missing[j]] = computed[j];
                Write(keys[missing[j]], [computed[j]]);
            }
        }
        return result;
    }

    public float[][] EncodeWords(string text, IReadOnlyList<TextSpan> words) =>
        GetOrAdd(KeyOf('w', text, words), () => _inner.EncodeWords(text, words));

    private float[][] GetOrAdd(Key key, Func<float[][]> compute)
    {
        if (TryRead(key) is { } hit) return hit;
        var vectors = compute();
        Write(key, vectors);
        return vectors;
    }

    private float[][]? TryRead(Key key)
    {
        (long Offset, int Count) entry;
        lock (_lock)
            if (_file is null || !_index.TryGetValue(key, out entry)) { Interlocked.Increment(ref _misses); return null; }
        Interlocked.Increment(ref _hits);
        var buffer = new byte[entry.Count * Dimension * 4];
        RandomAccess.Read(_file, buffer, entry.Offset + HeaderSize);
        var floats = MemoryMarshal.Cast<byte, float>(buffer);
        var result = new float[entry.Count][];
        for (int i = 0; i < entry.Count; i++) result[i] = floats.Slice(i * Dimension, Dimension).ToArray();
        return result;
    }

    private void Write(Key key, float[][] vectors)
    {
        if (_file is null || vectors.Any(v => v.Length != Dimension)) return;
        var record = new byte[HeaderSize + vectors.Length * Dimension * 4];
        key.CopyTo(record);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(KeySize), vectors.Length);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(KeySize + 4), Dimension);
        var floats = MemoryMarshal.Cast<byte, float>(record.AsSpan(HeaderSize));
        for (int i = 0; i < vectors.Length; i++) vectors[i].CopyTo(floats.Slice(i * Dimension));
        lock (_lock)
        {
            if (_index.ContainsKey(key)) return;
            RandomAccess.Write(_file, record, _end);
            _index[key] = (_end, vectors.Length);
            _end += record.Length;
        }
    }

    /// <summary>Reads the record headers; a record cut short (a killed process) is dropped from the file's end.</summary>
    private void LoadIndex(IRunLog? log)
    {
        long length = RandomAccess.GetLength(_file!);
        Span<byte> header = stackalloc byte[HeaderSize];
        long offset = 0;
        while (offset + HeaderSize <= length)
        {
            RandomAccess.Read(_file!, header, offset);
            int count = BinaryPrimitives.ReadInt32LittleEndian(header[KeySize..]);
            int dimension = BinaryPrimitives.ReadInt32LittleEndian(header[(KeySize + 4)..]);
            long size = HeaderSize + (long)count * dimension * 4;
            if (count < 0 || dimension != Dimension || offset + size > length) break;
            _index[Key.From(header[..KeySize])] = (offset, count);
            offset += size;
        }
        if (offset < length)
        {
            log?.Warning($"{Path}: dropped {length - offset} bytes of an incomplete cache record");
            RandomAccess.SetLength(_file!, offset);
        }
        _end = offset;
    }

    private Key KeyOf(char kind, string text, IReadOnlyList<TextSpan> words)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{_inner.ModelId}\u0001{kind}\u0001"));
        sha.AppendData(MemoryMarshal.AsBytes(text.AsSpan()));
        Span<byte> span = stackalloc byte[8];
        foreach (var w in words)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span, w.Start);
            BinaryPrimitives.WriteInt32LittleEndian(span[4..], w.Length);
            sha.AppendData(span);
        }
        Span<byte> hash = stackalloc byte[KeySize];
        sha.GetHashAndReset(hash);
        return Key.From(hash);
    }

    private static string Sanitize(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (char c in id) sb.Append(char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_');
        return sb.ToString();
    }

    public void Dispose() => _file?.Dispose();

    private readonly record struct Key(ulong A, ulong B, ulong C, ulong D)
    {
        public static Key From(ReadOnlySpan<byte> b) => new(
            BinaryPrimitives.ReadUInt64LittleEndian(b), BinaryPrimitives.ReadUInt64LittleEndian(b[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(b[16..]), BinaryPrimitives.ReadUInt64LittleEndian(b[24..]));

        public void CopyTo(Span<byte> b)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(b, A);
            BinaryPrimitives.WriteUInt64LittleEndian(b[8..], B);
            BinaryPrimitives.WriteUInt64LittleEndian(b[16..], C);
            BinaryPrimitives.WriteUInt64LittleEndian(b[24..], D);
        }
    }
}
