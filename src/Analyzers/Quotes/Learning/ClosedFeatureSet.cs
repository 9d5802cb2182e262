using Pipeline.Learning.Linear;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// A group of a tagger's features whose values together come from a small closed set (shapes,
/// labels, distance buckets), numbered 0..<see cref="Size"/>-1. A scorer sums the group's weight
/// rows for every value into a table once (<see cref="ClosedSetScores"/>), and the tagger adds one
/// table row where it would hash and look up each feature of the group. Training expands a value
/// into the same hashed features, so models never depend on the grouping.
/// </summary>
/// <param name="id">Small and unique among the sets: the index of the set's table in a scorer.</param>
/// <param name="keys">Adds the group's hashed features for one value.</param>
internal sealed class ClosedFeatureSet(int id, int size, Action<int, FeatureBuffer> keys)
{
    /// <summary>Ids are below this.</summary>
    public const int MaxId = 8;

    public int Id { get; } = id is >= 0 and < MaxId ? id : throw new ArgumentOutOfRangeException(nameof(id));
    public int Size { get; } = size;

    /// <summary>Adds the hashed features of <paramref name="value"/> to the buffer one by one.</summary>
    public void AddKeys(int value, FeatureBuffer f) => keys(value, f);
}

/// <summary>
/// One tagger's tables of <see cref="ClosedFeatureSet"/> scores: per set and value, the sum of the
/// weight rows of its hashed features. Read-only once built; equal to adding the features one by
/// one up to the rounding of another addition order.
/// </summary>
internal sealed class ClosedSetScores
{
    private readonly float[]?[] _tables = new float[ClosedFeatureSet.MaxId][];

    public ClosedSetScores(LinearModel model, IEnumerable<ClosedFeatureSet> sets)
    {
        if (model.ClassCount != Bio.Count) throw new ArgumentException($"a tagger has {Bio.Count} classes, not {model.ClassCount}", nameof(model));
        var buffer = new FeatureBuffer(model.HashBits);
        foreach (var set in sets)
        {
            var table = new float[set.Size * Bio.Count];
            for (int value = 0; value < set.Size; value++)
            {
                buffer.Clear();
                set.AddKeys(value, buffer);
                var row = table.AsSpan(value * Bio.Count, Bio.Count);
                foreach (int key in buffer.Items)
                {
                    var w = model.GetWeights(key);
                    for (int c = 0; c < w.Length; c++) row[c] += w[c];
                }
            }
            _tables[set.Id] = table;
        }
    }

    /// <summary>The set's table (values × classes), or null when this tagger has none for it.</summary>
    public float[]? TableOf(ClosedFeatureSet set) => _tables[set.Id];
}
