using Pipeline.Analyzers.Entities;

namespace Pipeline.Analyzers.Tests.Entities;

public class LinearWeightsTests
{
    private static float[] Row(float o, float first) { var r = new float[EntityLabels.Count]; r[0] = o; r[1] = first; for (int c = 2; c < r.Length; c++) r[c] = c * 0.25f; return r; }

    [Fact]
    public void Scores_are_relative_to_the_outside_label()
    {
        ulong[] keys = [11, 22, 33];
        var rows = new[] { Row(1, 3), Row(0, 0.5f), Row(0, 0) };
        var bias = Row(0.5f, 1);
        var weights = LinearWeights.Create(keys, f => rows[f], bias, pruneBelow: 0);
        var scores = new float[LinearWeights.Classes];
        weights.Start(scores);
        weights.Add([11UL, 22UL, 99UL], scores);   // 99 is unknown: no contribution
        // class 1 (B-PER): bias 1-0.5, key 11: 3-1, key 22: 0.5-0
        Assert.Equal(0.5f + 2f + 0.5f, scores[0], 5);
        // class 2: bias .5-.5, key 11: .5-1, key 22: .5-0
        Assert.Equal(0f - 0.5f + 0.5f, scores[1], 5);
    }

    [Fact]
    public void Values_scale_rows_and_dense_parts_add_up()
    {
        ulong[] keys = [5];
        var weights = LinearWeights.Create(keys, _ => Row(0, 2), new float[EntityLabels.Count],
            d => Row(0, d + 1), denseDimension: 2, pruneBelow: 0);
        var scores = new float[LinearWeights.Classes];
        weights.Add([5UL], [0.5f], scores);          // 0.5 * 2
        weights.AddDense([1f, 2f], scores);           // 1*1 + 2*2
        Assert.Equal(1f + 5f, scores[0], 5);
    }

    [Fact]
    public void Zero_rows_are_pruned_and_the_rest_survive_a_round_trip()
    {
        ulong[] keys = [1, 2, 3];
        var zero = new float[EntityLabels.Count];
        var same = Enumerable.Repeat(0.7f, EntityLabels.Count).ToArray(); // equal for every label: nothing relative to O
        var rows = new[] { Row(0, 1), zero, same };
        var weights = LinearWeights.Create(keys, f => rows[f], Row(0, 0.25f), pruneBelow: 1e-6f);
        Assert.Equal(1, weights.RowCount);

        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) weights.Write(w);
        stream.Position = 0;
        var read = LinearWeights.Read(new BinaryReader(stream));
        var a = new float[LinearWeights.Classes];
        var b = new float[LinearWeights.Classes];
        weights.Start(a); weights.Add([1UL, 2UL, 3UL], a);
        read.Start(b); read.Add([1UL, 2UL, 3UL], b);
        Assert.Equal(a, b);
        Assert.Equal(1.25f, a[0], 5);
    }
}
