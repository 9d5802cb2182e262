using System.Collections.Immutable;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// Clusters of the encoder's contextual word vectors, found by spherical k-means: a vector,
/// centred on the training mean and scaled to unit length, belongs to the centroid it has the
/// largest dot product with. Several codebooks of different sizes give coarse and fine ids.
/// The ids are sparse features: a linear model uses discretised vectors better than the raw
/// dense ones (Guo et al. 2014).
/// </summary>
internal sealed class ContextualClusters
{
    /// <summary>Vectors with no id (none assigned yet).</summary>
    public const int None = -1;

    private readonly float[] _mean;
    /// <summary>Per codebook: size x dimension unit centroids, row-major.</summary>
    private readonly float[][] _centroids;
    /// <summary>Per codebook and centroid: its dot product with the mean (so that x - mean need not be formed).</summary>
    private readonly float[][] _offsets;

    private ContextualClusters(float[] mean, float[][] centroids)
    {
        _mean = mean;
        _centroids = centroids;
        _offsets = centroids.Select(c => OffsetsOf(c, mean)).ToArray();
        Sizes = [.. centroids.Select(c => c.Length / mean.Length)];
    }

    public int Dimension => _mean.Length;
    /// <summary>The number of clusters of each codebook.</summary>
    public ImmutableArray<int> Sizes { get; }
    public int Codebooks => _centroids.Length;

    /// <summary>Writes the nearest cluster of each codebook for one vector.</summary>
    public void Assign(ReadOnlySpan<float> vector, Span<int> ids)
    {
        if (vector.Length != Dimension) throw new ArgumentException($"expected a vector of {Dimension} values, got {vector.Length}", nameof(vector));
        for (int b = 0; b < _centroids.Length; b++)
            ids[b] = Nearest(_centroids[b], _offsets[b], vector, Dimension);
    }

    private static int Nearest(float[] centroids, float[] offsets, ReadOnlySpan<float> vector, int dimension)
    {
        int best = 0;
        float bestScore = float.NegativeInfinity;
        for (int c = 0; c < offsets.Length; c++)
        {
            float score = TensorPrimitives.Dot(centroids.AsSpan(c * dimension, dimension), vector) - offsets[c];
            if (score > bestScore) { bestScore = score; best = c; }
        }
        return best;
    }

    /// <summary>
    /// Fits one codebook per entry of <paramref name="sizes"/> on <paramref name="sample"/>
    /// (k-means++ seeding, then <paramref name="iterations"/> rounds of assignment and update,
    /// fewer if no vector changes cluster). Deterministic for a seed.
    /// </summary>
    public static ContextualClusters Fit(IReadOnlyList<float[]> sample, IReadOnlyList<int> sizes, int iterations, int seed)
    {
        if (sample.Count == 0) throw new ArgumentException("no vectors to cluster", nameof(sample));
        int n = sample.Count, dim = sample[0].Length;
        var mean = new float[dim];
        foreach (var v in sample) TensorPrimitives.Add(mean, v, mean);
        TensorPrimitives.Divide(mean, n, mean);
        var points = new float[n * dim];
        for (int i = 0; i < n; i++)
        {
            var p = points.AsSpan(i * dim, dim);
            TensorPrimitives.Subtract(sample[i], mean, p);
            Normalize(p);
        }
        var codebooks = new float[sizes.Count][];
        for (int b = 0; b < sizes.Count; b++)
        {
            int k = Math.Min(sizes[b], n);
            if (k < 1) throw new ArgumentException($"a codebook needs at least one cluster, got {sizes[b]}", nameof(sizes));
            codebooks[b] = KMeans(points, n, dim, k, iterations, new Random(seed + b));
        }
        return new ContextualClusters(mean, codebooks);
    }

    private static float[] KMeans(float[] points, int n, int dim, int k, int iterations, Random random)
    {
        var centroids = Seed(points, n, dim, k, random);
        var zero = new float[k];
        var assignment = new int[n];
        Array.Fill(assignment, None);
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            int changed = 0;
            Parallel.For(0, n, () => 0, (i, _, local) =>
            {
                int c = Nearest(centroids, zero, points.AsSpan(i * dim, dim), dim);
                if (c == assignment[i]) return local;
                assignment[i] = c;
                return local + 1;
            }, local => Interlocked.Add(ref changed, local));
            if (changed == 0) break;
            var sums = new float[k * dim];
            var counts = new int[k];
            for (int i = 0; i < n; i++)
            {
                int c = assignment[i];
                counts[c]++;
                TensorPrimitives.Add(sums.AsSpan(c * dim, dim), points.AsSpan(i * dim, dim), sums.AsSpan(c * dim, dim));
            }
            for (int c = 0; c < k; c++)
            {
                if (counts[c] == 0) continue; // an emptied cluster keeps its centroid
                var centroid = sums.AsSpan(c * dim, dim);
                Normalize(centroid);
                centroid.CopyTo(centroids.AsSpan(c * dim, dim));
            }
        }
        return centroids;
    }

    /// <summary>k-means++: each next centroid is a point drawn with probability growing with its distance to the nearest chosen one.</summary>
    private static float[] Seed(float[] points, int n, int dim, int k, Random random)
    {
        var centroids = new float[k * dim];
        var distance = new float[n]; // squared distance of unit vectors: 2 - 2 cos
        Array.Fill(distance, float.PositiveInfinity);
        int chosen = random.Next(n);
        for (int c = 0; c < k; c++)
        {
            var centroid = points.AsSpan(chosen * dim, dim);
            centroid.CopyTo(centroids.AsSpan(c * dim, dim));
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                float d = Math.Max(0, 2 - 2 * TensorPrimitives.Dot(points.AsSpan(i * dim, dim), centroid));
                if (d < distance[i]) distance[i] = d;
                total += distance[i];
            }
            double target = random.NextDouble() * total;
            chosen = n - 1;
            for (int i = 0; i < n; i++)
                if ((target -= distance[i]) <= 0) { chosen = i; break; }
        }
        return centroids;
    }

    private static void Normalize(Span<float> v)
    {
        float norm = TensorPrimitives.Norm(v);
        if (norm > 0) TensorPrimitives.Divide(v, norm, v);
    }

    private static float[] OffsetsOf(float[] centroids, float[] mean)
    {
        int dim = mean.Length;
        var offsets = new float[centroids.Length / dim];
        for (int c = 0; c < offsets.Length; c++) offsets[c] = TensorPrimitives.Dot(centroids.AsSpan(c * dim, dim), mean);
        return offsets;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Dimension);
        w.Write(Codebooks);
        foreach (int size in Sizes) w.Write(size);
        w.Write(MemoryMarshal.AsBytes(_mean.AsSpan()));
        foreach (var centroids in _centroids) w.Write(MemoryMarshal.AsBytes(centroids.AsSpan()));
    }

    public static ContextualClusters Read(BinaryReader r)
    {
        int dim = r.ReadInt32(), codebooks = r.ReadInt32();
        if (dim <= 0 || codebooks <= 0) throw new InvalidDataException($"contextual clusters: bad header ({dim} dimensions, {codebooks} codebooks)");
        var sizes = new int[codebooks];
        for (int b = 0; b < codebooks; b++) sizes[b] = r.ReadInt32();
        var mean = new float[dim];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(mean.AsSpan()));
        var centroids = new float[codebooks][];
        for (int b = 0; b < codebooks; b++)
        {
            centroids[b] = new float[sizes[b] * dim];
            r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(centroids[b].AsSpan()));
        }
        return new ContextualClusters(mean, centroids);
    }
}
