using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Pipeline.Learning.Linear;

/// <summary>
/// A trained multiclass linear model scored directly from its weights: only the rows of
/// features that carry a non-zero weight are kept, found through an open-addressing table.
/// Scoring is thread-safe and allocation-free.
/// </summary>
/// <remarks>
/// File format (little-endian): "PLLM", int32 version, hash bits, class count, dense dimension,
/// row count, property count; the labels and the properties (key, value) as int32-length-prefixed
/// UTF-8; float32 biases[classes]; int32 row keys[rows] (ascending); float32 weights[rows × classes];
/// float32 dense weights[dense × classes].
/// </remarks>
public sealed class LinearModel
{
    private const uint Magic = 0x4D4C4C50; // "PLLM"
    private const int Version = 1;

    private readonly int[] _keys;      // ascending hashed feature indices of the kept rows
    private readonly float[] _weights; // rows × classes
    private readonly float[] _biases;
    private readonly float[] _dense;   // dense × classes
    // Open-addressing table of slots of 1 + classes ints: the key (-1: empty), then the row's
    // weights as float bits, so that finding a feature also brings its weights into the cache.
    private readonly int[] _table;
    private readonly int _tableMask;
    private readonly int _tableShift;
    private readonly int _stride;

    internal LinearModel(ImmutableArray<string> labels, int hashBits, int denseDimension,
        int[] keys, float[] weights, float[] biases, float[] dense, ImmutableSortedDictionary<string, string>? properties = null)
    {
        int classes = labels.Length;
        if (classes < 2) throw new ArgumentException("a model needs at least two classes", nameof(labels));
        if (weights.Length != keys.Length * classes || biases.Length != classes || dense.Length != denseDimension * classes)
            throw new ArgumentException("weight arrays do not match the model's shape");
        for (int i = 1; i < keys.Length; i++)
            if (keys[i] <= keys[i - 1]) throw new ArgumentException("row keys must be strictly ascending", nameof(keys));
        if (keys.Length > 0 && keys[0] < 0) throw new ArgumentException("row keys must not be negative", nameof(keys));
        Labels = labels;
        HashBits = hashBits;
        DenseDimension = denseDimension;
        Properties = properties ?? ImmutableSortedDictionary<string, string>.Empty;
        _keys = keys;
        _weights = weights;
        _biases = biases;
        _dense = dense;
        _stride = 1 + classes;
        (_table, _tableMask, _tableShift) = BuildTable(keys, weights, classes);
    }

    public ImmutableArray<string> Labels { get; }
    public int ClassCount => Labels.Length;
    public int HashBits { get; }
    public int DenseDimension { get; }
    /// <summary>Number of features with a weight row.</summary>
    public int RowCount => _keys.Length;
    /// <summary>Settings the trainer stored with the model (feature templates, options).</summary>
    public ImmutableSortedDictionary<string, string> Properties { get; }

    /// <summary>A copy carrying other properties (what the analyzer needs to rebuild its features).</summary>
    public LinearModel WithProperties(IEnumerable<KeyValuePair<string, string>> properties) =>
        new(Labels, HashBits, DenseDimension, _keys, _weights, _biases, _dense,
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, properties));

    /// <summary>Index of a label, or -1.</summary>
    public int LabelIndex(string label) => Labels.IndexOf(label);

    /// <summary>Raw scores (bias + sum of feature weights) of binary features.</summary>
    public void Score(ReadOnlySpan<int> features, Span<float> scores) => Score(features, default, default, scores);

    /// <summary>
    /// Raw scores: bias + Σ value_i · w[feature_i] + dense · W_dense. <paramref name="values"/> is
    /// empty (every value is 1) or one value per feature; <paramref name="dense"/> is empty or of
    /// length <see cref="DenseDimension"/>.
    /// </summary>
    public void Score(ReadOnlySpan<int> features, ReadOnlySpan<float> values, ReadOnlySpan<float> dense, Span<float> scores)
    {
        int classes = _biases.Length;
        if (scores.Length < classes) throw new ArgumentException($"scores needs {classes} entries", nameof(scores));
        if (!values.IsEmpty && values.Length != features.Length) throw new ArgumentException("one value per feature", nameof(values));
        if (!dense.IsEmpty && dense.Length != DenseDimension) throw new ArgumentException($"dense part must have {DenseDimension} values", nameof(dense));
        scores = scores[..classes];
        _biases.CopyTo(scores);
        // Ask for every feature's first slot before probing any: the cache misses overlap.
        var table = _table;
        for (int i = 0; i < features.Length; i++)
            CacheLine.Prefetch(ref table[Slot(features[i], _tableShift) * _stride]);
        var weights = MemoryMarshal.Cast<int, float>(table.AsSpan());
        for (int i = 0; i < features.Length; i++)
        {
            int at = FindSlot(features[i]);
            if (at < 0) continue;
            var w = weights.Slice(at + 1, classes);
            if (values.IsEmpty) AddTo(scores, w);
            else TensorPrimitives.MultiplyAdd(w, values[i], scores, scores);
        }
        ReadOnlySpan<float> denseWeights = _dense;
        for (int d = 0; d < dense.Length; d++)
            if (dense[d] != 0f) TensorPrimitives.MultiplyAdd(denseWeights.Slice(d * classes, classes), dense[d], scores, scores);
    }

    // scores += w, inlined: for a handful of classes a library call costs more than the adds.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(Span<float> scores, ReadOnlySpan<float> w)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
            for (; i <= scores.Length - Vector<float>.Count; i += Vector<float>.Count)
                (new Vector<float>(scores[i..]) + new Vector<float>(w[i..])).CopyTo(scores[i..]);
        for (; i < scores.Length; i++) scores[i] += w[i];
    }

    /// <summary>Class probabilities (softmax of the scores, as ML.NET's maximum entropy models give) and the best class.</summary>
    public int Predict(ReadOnlySpan<int> features, Span<float> probabilities) => Predict(features, default, default, probabilities);

    public int Predict(ReadOnlySpan<int> features, ReadOnlySpan<float> values, ReadOnlySpan<float> dense, Span<float> probabilities)
    {
        Score(features, values, dense, probabilities);
        var p = probabilities[..ClassCount];
        Softmax(p);
        return TensorPrimitives.IndexOfMax<float>(p);
    }

    /// <summary>In-place softmax, numerically stable.</summary>
    public static void Softmax(Span<float> scores)
    {
        if (scores.IsEmpty) return;
        float max = TensorPrimitives.Max<float>(scores);
        float sum = 0;
        for (int i = 0; i < scores.Length; i++) sum += scores[i] = MathF.Exp(scores[i] - max);
        TensorPrimitives.Divide(scores, sum, scores);
    }

    /// <summary>The weight row of a hashed feature (empty when the model has none).</summary>
    public ReadOnlySpan<float> GetWeights(int feature)
    {
        int at = FindSlot(feature);
        return at < 0 ? default : MemoryMarshal.Cast<int, float>(_table.AsSpan(at + 1, ClassCount));
    }

    public ReadOnlySpan<float> Biases => _biases;

    /// <summary>The hashed features that have a weight row, ascending.</summary>
    public ReadOnlySpan<int> RowKeys => _keys;

    /// <summary>Index in the table of the feature's slot (its key), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindSlot(int key)
    {
        var table = _table;
        int slot = Slot(key, _tableShift);
        while (true)
        {
            int at = slot * _stride, k = table[at];
            if (k < 0) return -1;
            if (k == key) return at;
            slot = (slot + 1) & _tableMask;
        }
    }

    // Fibonacci hashing: the top bits of key × 2^32/φ pick the slot, so sequential keys spread too.
    private static int Slot(int key, int shift) => (int)((uint)key * 0x9E3779B1u >> shift);

    private static (int[] Table, int Mask, int Shift) BuildTable(int[] keys, float[] weights, int classes)
    {
        int log = 3;
        while (1 << log < keys.Length * 2) log++; // load factor at most 1/2
        int capacity = 1 << log, mask = capacity - 1, shift = 32 - log, stride = 1 + classes;
        var table = new int[capacity * stride];
        for (int i = 0; i < table.Length; i += stride) table[i] = -1;
        for (int row = 0; row < keys.Length; row++)
        {
            int slot = Slot(keys[row], shift);
            while (table[slot * stride] >= 0) slot = (slot + 1) & mask;
            table[slot * stride] = keys[row];
            for (int c = 0; c < classes; c++) table[slot * stride + 1 + c] = BitConverter.SingleToInt32Bits(weights[row * classes + c]);
        }
        return (table, mask, shift);
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        Save(stream);
    }

    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true); // BinaryWriter is little-endian on every platform
        w.Write(Magic);
        w.Write(Version);
        w.Write(HashBits);
        w.Write(ClassCount);
        w.Write(DenseDimension);
        w.Write(_keys.Length);
        w.Write(Properties.Count);
        foreach (var label in Labels) WriteString(w, label);
        foreach (var (key, value) in Properties) { WriteString(w, key); WriteString(w, value); }
        foreach (float b in _biases) w.Write(b);
        foreach (int k in _keys) w.Write(k);
        foreach (float x in _weights) w.Write(x);
        foreach (float x in _dense) w.Write(x);
    }

    /// <exception cref="InvalidModelException">The file is missing or not a valid model.</exception>
    public static LinearModel Load(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        { throw new InvalidModelException(path, ex is FileNotFoundException or DirectoryNotFoundException ? "model file not found" : ex.Message, ex); }
        return Load(bytes, path);
    }

    /// <param name="name">Shown in errors (the file the bytes came from).</param>
    public static LinearModel Load(ReadOnlySpan<byte> bytes, string name)
    {
        var r = new Reader(bytes, name);
        if (bytes.Length < 4 || r.UInt() != Magic) throw new InvalidModelException(name, "not a linear model file (bad magic number)");
        int version = r.Int();
        if (version != Version) throw new InvalidModelException(name, $"linear model format version {version} is not supported (expected {Version})");
        int bits = r.Int(), classes = r.Int(), dense = r.Int(), rows = r.Int(), propertyCount = r.Int();
        if (bits is < 1 or > 30 || classes < 2 || dense < 0 || rows < 0 || propertyCount < 0)
            throw new InvalidModelException(name, "corrupt header");
        var labels = ImmutableArray.CreateBuilder<string>(classes);
        for (int i = 0; i < classes; i++) labels.Add(r.String());
        var properties = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < propertyCount; i++) properties[r.String()] = r.String();
        var biases = r.Array<float>(classes);
        var keys = r.Array<int>(rows);
        var weights = r.Array<float>((long)rows * classes);
        var denseWeights = r.Array<float>((long)dense * classes);
        if (!r.AtEnd) throw new InvalidModelException(name, "unexpected bytes after the weights");
        try { return new LinearModel(labels.MoveToImmutable(), bits, dense, keys, weights, biases, denseWeights, properties.ToImmutable()); }
        catch (ArgumentException ex) { throw new InvalidModelException(name, ex.Message, ex); }
    }

    private static void WriteString(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write(bytes.Length);
        w.Write(bytes);
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes, string name)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _pos;

        public readonly bool AtEnd => _pos == _bytes.Length;

        private ReadOnlySpan<byte> Take(long count)
        {
            if (count < 0 || count > _bytes.Length - _pos) throw new InvalidModelException(name, "file is truncated");
            var s = _bytes.Slice(_pos, (int)count);
            _pos += (int)count;
            return s;
        }

        public uint UInt() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
        public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        public string String() => Encoding.UTF8.GetString(Take(Int()));

        public T[] Array<T>(long count) where T : unmanaged
        {
            var raw = Take(count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
            var result = MemoryMarshal.Cast<byte, T>(raw).ToArray();
            if (!BitConverter.IsLittleEndian) ReverseEndianness(result);
            return result;
        }

        private static void ReverseEndianness<T>(T[] values) where T : unmanaged
        {
            var ints = MemoryMarshal.Cast<T, int>(values.AsSpan());
            BinaryPrimitives.ReverseEndianness(ints, ints);
        }
    }
}
