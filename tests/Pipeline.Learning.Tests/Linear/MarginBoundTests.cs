using System.Collections.Immutable;
using Pipeline.Learning.Linear;

namespace Pipeline.Learning.Tests.Linear;

/// <summary>
/// A tagger passes over a token when the bound says its class cannot win: a bound below the true
/// margin would silently change what the tagger finds.
/// </summary>
public class MarginBoundTests
{
    private const int High = 1, Low = 0;

    /// <summary>A three-class model over 2^bits hashed features, with random rows for a random third of them.</summary>
    private static LinearModel RandomModel(int bits, int seed)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(0, 1 << bits).Where(_ => random.NextDouble() < 0.3).ToArray();
        var weights = keys.SelectMany(_ => Enumerable.Range(0, 3).Select(_ => (float)(random.NextDouble() * 4 - 2))).ToArray();
        return new LinearModel(["O", "B", "I"], bits, 0, keys, weights, [0.5f, -1.2f, 0.3f], []);
    }

    [Theory]
    [InlineData(20, 1, MarginBound.DefaultFoldBits)] // more features than cells: several share a cell
    [InlineData(12, 2, MarginBound.DefaultFoldBits)] // fewer: one cell per feature
    [InlineData(18, 5, 10)] // a small fold: about 75 rows to a cell
    public void The_bound_is_never_below_the_margin_of_the_scores(int bits, int seed, int foldBits)
    {
        var model = RandomModel(bits, seed);
        var bound = new MarginBound(model, High, Low, foldBits);
        var random = new Random(seed);
        Span<float> scores = stackalloc float[3];
        for (int trial = 0; trial < 2000; trial++)
        {
            var features = Enumerable.Range(0, random.Next(1, 40)).Select(_ => random.Next(1 << bits)).ToArray();
            model.Score(features, scores);
            float known = (float)(random.NextDouble() - 0.5);
            float margin = scores[High] - scores[Low] + known;
            Assert.True(bound.UpperBound(features, known) >= margin, $"trial {trial}: bound {bound.UpperBound(features, known)} below the margin {margin}");
        }
    }

    [Fact]
    public void The_bound_of_the_best_class_is_never_below_the_lead_of_any_class()
    {
        var model = RandomModel(18, 4);
        var bound = MarginBound.OfBestOver(model, Low);
        var random = new Random(4);
        Span<float> scores = stackalloc float[3];
        for (int trial = 0; trial < 2000; trial++)
        {
            var features = Enumerable.Range(0, random.Next(1, 40)).Select(_ => random.Next(1 << 18)).ToArray();
            model.Score(features, scores);
            float lead = Math.Max(scores[1] - scores[Low], scores[2] - scores[Low]);
            Assert.True(bound.UpperBound(features, 0) >= lead, $"trial {trial}: bound {bound.UpperBound(features, 0)} below the best lead {lead}");
        }
    }

    [Fact]
    public void Features_that_only_lower_the_class_give_a_bound_of_the_biases_and_the_known_part()
    {
        var model = RandomModel(16, 3);
        var lowering = model.RowKeys.ToArray().Where(k => model.GetWeights(k)[High] <= model.GetWeights(k)[Low]).Take(30).ToArray();
        float bound = new MarginBound(model, High, Low).UpperBound(lowering, known: -0.25f);
        Assert.Equal(-1.2f - 0.5f - 0.25f, bound, 1e-5f);
    }

    [Fact]
    public void The_fold_for_a_model_gives_about_one_cell_per_row_within_its_limits()
    {
        var model = RandomModel(16, 6); // about 19,700 rows
        Assert.Equal(15, MarginBound.FoldBitsFor(model));
        Assert.Equal(10, MarginBound.FoldBitsFor(RandomModel(8, 7)));
        Assert.Equal(MarginBound.DefaultFoldBits, MarginBound.FoldBitsFor(RandomModel(20, 8)));
    }

    [Fact]
    public void A_model_with_dense_weights_has_no_bound()
    {
        var model = new LinearModel(["O", "B"], 8, 2, [3], [1f, -1f], [0f, 0f], [1f, 1f, 1f, 1f]);
        Assert.Throws<ArgumentException>(() => new MarginBound(model, 1, 0));
    }
}
