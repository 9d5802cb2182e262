using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// A multiclass linear model over the 17 BILOU labels, stored for scoring: O is the reference
/// class (its score is 0; the other classes' weights are kept relative to it), so a feature's
/// weights are one row of 16 floats, a 64-byte cache line, found by its key in an
/// open-addressing table and added with SIMD. Rows whose weights are all (near) zero are not stored.
/// An optional dense part scores a real-valued vector (the accurate tier's encoder states).
/// </summary>
internal sealed class LinearWeights
{
    public const int Classes = EntityLabels.Count - 1;

    private readonly KeyTable _rows;
    private readonly float[] _weights;
    private readonly float[] _bias;
    /// <summary>DenseDimension x 16, row-major by input dimension.</summary>
    private readonly float[] _dense;

    private LinearWeights(KeyTable rows, float[] weights, float[] bias, float[] dense, int denseDimension)
    {
        _rows = rows;
        _weights = weights;
        _bias = bias;
        _dense = dense;
        DenseDimension = denseDimension;
    }

    /// <summary>A model with no weights (every label scores 0).</summary>
    public static readonly LinearWeights Empty = new(new KeyTable(0), new float[Classes], new float[Classes], [], 0);

    public int RowCount => _rows.Count;
    public int DenseDimension { get; }

    /// <summary>
    /// Builds the scoring form of a trained model. <paramref name="weightsOf"/> gives the 17
    /// per-label weights of a feature (or null when it has none); rows where every relative
    /// weight is below <paramref name="pruneBelow"/> in absolute value are dropped.
    /// </summary>
    public static LinearWeights Create(
        IReadOnlyList<ulong> keys, Func<int, ReadOnlySpan<float>> weightsOf, ReadOnlySpan<float> bias,
        Func<int, ReadOnlySpan<float>>? denseWeightsOf = null, int denseDimension = 0, float pruneBelow = 1e-4f)
    {
        var kept = new List<(ulong Key, float[] Row)>();
        for (int f = 0; f < keys.Count; f++)
        {
            var w = weightsOf(f);
            if (w.IsEmpty) continue;
            var row = Relative(w);
            float max = 0;
            foreach (var v in row) max = Math.Max(max, Math.Abs(v));
            if (max >= pruneBelow) kept.Add((keys[f], row));
        }
        var table = new KeyTable(kept.Count);
        var weights = new float[(kept.Count + 1) * Classes]; // + the zero row
        for (int r = 0; r < kept.Count; r++)
        {
            table.Set(kept[r].Key, r);
            kept[r].Row.CopyTo(weights, r * Classes);
        }
        var dense = new float[denseDimension * Classes];
        for (int d = 0; d < denseDimension; d++) Relative(denseWeightsOf!(d)).CopyTo(dense, d * Classes);
        return new LinearWeights(table, weights, Relative(bias), dense, denseDimension);
    }

    /// <summary>
    /// The scoring form of a model trained on feature indices 0..n-1 that stand for
    /// <paramref name="keys"/>[0..n-1]. The dense columns are read by scoring unit vectors.
    /// </summary>
    public static LinearWeights FromModel(Pipeline.Learning.Linear.LinearModel model, IReadOnlyList<ulong> keys, float pruneBelow)
    {
        if (model.ClassCount != EntityLabels.Count) throw new ArgumentException($"expected {EntityLabels.Count} classes, the model has {model.ClassCount}");
        var unit = new float[model.DenseDimension];
        var column = new float[model.ClassCount];
        return Create(keys, f => model.GetWeights(f), model.Biases, d =>
        {
            Array.Clear(unit);
            unit[d] = 1;
            model.Score([], [], unit, column);
            for (int c = 0; c < column.Length; c++) column[c] -= model.Biases[c];
            return column;
        }, model.DenseDimension, pruneBelow);
    }

    private static float[] Relative(ReadOnlySpan<float> perLabel)
    {
        var row = new float[Classes];
        for (int c = 0; c < Classes; c++) row[c] = perLabel[c + 1] - perLabel[EntityLabels.Outside];
        return row;
    }

    /// <summary>Sets <paramref name="scores"/> (16 floats) to the bias.</summary>
    public void Start(Span<float> scores) => _bias.CopyTo(scores);

    /// <summary>Adds the rows of the given keys (value 1 each).</summary>
    [SkipLocalsInit]
    public void Add(ReadOnlySpan<ulong> keys, Span<float> scores)
    {
        // Rows first, then the sums: the lookups' rare slow path stays out of the summing loop,
        // which keeps its accumulator in registers.
        Span<int> rows = stackalloc int[keys.Length];
        Rows(keys, rows);
        AddRows(rows, scores);
    }

    /// <summary>
    /// Finds the rows of the given keys (a missing key gets the zero row), for
    /// <see cref="AddRows"/>. The keys' buckets are all requested before the first lookup, so
    /// the more keys a call has, the more of their memory latency overlaps.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Rows(ReadOnlySpan<ulong> keys, Span<int> rows)
    {
        int zero = _rows.Count;
        foreach (var key in keys) _rows.Prefetch(key);
        for (int i = 0; i < keys.Length; i++) rows[i] = _rows.Find(keys[i], zero) * Classes;
    }

    /// <summary>Adds rows found by <see cref="Rows"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddRows(ReadOnlySpan<int> rows, Span<float> scores)
    {
        ref float weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        if (Vector512.IsHardwareAccelerated)
        {
            // Two accumulators halve the chain of dependent additions.
            var even = Vector512.Create<float>(scores);
            var odd = Vector512<float>.Zero;
            int i = 0;
            for (; i + 1 < rows.Length; i += 2)
            {
                even += Vector512.LoadUnsafe(ref weights, (nuint)rows[i]);
                odd += Vector512.LoadUnsafe(ref weights, (nuint)rows[i + 1]);
            }
            if (i < rows.Length) even += Vector512.LoadUnsafe(ref weights, (nuint)rows[i]);
            (even + odd).CopyTo(scores);
        }
        else
        {
            var lo = Vector256.Create<float>(scores);
            var hi = Vector256.Create<float>(scores[8..]);
            foreach (int row in rows)
            {
                lo += Vector256.LoadUnsafe(ref weights, (nuint)row);
                hi += Vector256.LoadUnsafe(ref weights, (nuint)row + 8);
            }
            lo.CopyTo(scores);
            hi.CopyTo(scores[8..]);
        }
    }

    /// <summary>Adds the rows of the given keys scaled by their values.</summary>
    public void Add(ReadOnlySpan<ulong> keys, ReadOnlySpan<float> values, Span<float> scores)
    {
        int zero = _rows.Count;
        for (int i = 0; i < keys.Length; i++)
            Axpy(values[i], _weights.AsSpan(_rows.Find(keys[i], zero) * Classes, Classes), scores);
    }

    /// <summary>Adds the dense part's scores of a vector of length <see cref="DenseDimension"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddDense(ReadOnlySpan<float> vector, Span<float> scores)
    {
        // No test for zero inputs: adding 0 × w changes nothing, and the branch mispredicts.
        ref float dense = ref MemoryMarshal.GetArrayDataReference(_dense);
        var sum = Vector512.Create<float>(scores);
        for (int d = 0; d < DenseDimension; d++)
            sum += Vector512.Create(vector[d]) * Vector512.LoadUnsafe(ref dense, (nuint)(d * Classes));
        sum.CopyTo(scores);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        var va = Vector256.Create(a);
        (Vector256.Create<float>(y) + va * Vector256.Create<float>(x)).CopyTo(y);
        (Vector256.Create<float>(y[8..]) + va * Vector256.Create<float>(x[8..])).CopyTo(y[8..]);
    }

    public void Write(BinaryWriter w)
    {
        var keys = _rows.Keys.ToArray(); // row r was added r-th
        w.Write(keys.Length);
        w.Write(DenseDimension);
        w.Write(MemoryMarshal.AsBytes(_bias.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(keys.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(_weights.AsSpan(0, keys.Length * Classes)));
        w.Write(MemoryMarshal.AsBytes(_dense.AsSpan()));
    }

    public static LinearWeights Read(BinaryReader r)
    {
        int count = r.ReadInt32(), denseDimension = r.ReadInt32();
        var bias = ReadArray<float>(r, Classes);
        var keys = ReadArray<ulong>(r, count);
        var weights = new float[(count + 1) * Classes]; // + the zero row
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan(0, count * Classes)));
        var dense = ReadArray<float>(r, denseDimension * Classes);
        var table = new KeyTable(count);
        for (int i = 0; i < count; i++) table.Set(keys[i], i);
        return new LinearWeights(table, weights, bias, dense, denseDimension);
    }

    private static T[] ReadArray<T>(BinaryReader r, int count) where T : unmanaged
    {
        var array = new T[count];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }
}
