using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Learning;
using Pipeline.Learning.Linear;

namespace Pipeline.Learning.Tests.Linear;

public class LinearModelTests
{
    private static readonly string[] Labels = ["O", "PER", "LOC"];

    /// <summary>A small learnable problem: each class has its own indicative features plus noise, a dense part and some valued features.</summary>
    internal static List<LinearExample> Dataset(int count, int denseDimension, int seed = 7)
    {
        var hasher = new FeatureHasher(12);
        var random = new Random(seed);
        var list = new List<LinearExample>();
        for (int i = 0; i < count; i++)
        {
            int label = random.Next(3);
            var features = new List<int> { hasher.Hash(1, "class" + label), hasher.Hash(2, "noise" + random.Next(20)), hasher.Hash(2, "noise" + random.Next(20)) };
            if (random.NextDouble() < 0.3) features[0] = hasher.Hash(1, "class" + random.Next(3)); // label noise in the features
            var values = features.Select(_ => (float)(0.5 + random.NextDouble())).ToArray();
            var dense = denseDimension == 0 ? null : Enumerable.Range(0, denseDimension).Select(d => (float)(random.NextDouble() - 0.5 + (d == label ? 0.8 : 0))).ToArray();
            list.Add(new LinearExample(label, [.. features]) { Values = values, Dense = dense });
        }
        return list;
    }

    [Theory]
    [InlineData(LinearAlgorithm.Lbfgs)]
    [InlineData(LinearAlgorithm.Sdca)]
    public void Direct_scores_equal_MLNET_predictions(LinearAlgorithm algorithm)
    {
        var examples = Dataset(150, denseDimension: 4);
        var options = new LinearTrainerOptions { Algorithm = algorithm, HashBits = 12, DenseDimension = 4, L1 = 0.1f, L2 = 0.1f, Seed = 3 };
        var (model, transformer, data) = LinearTrainer.TrainCore(examples, Labels, options, default);

        var scored = transformer.Transform(data);
        var mlScores = scored.GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToList();

        Assert.Equal(examples.Count, mlScores.Count);
        var probabilities = new float[3];
        int correct = 0;
        for (int i = 0; i < examples.Count; i++)
        {
            var x = examples[i];
            int best = model.Predict(x.Features, x.Values, x.Dense, probabilities);
            for (int c = 0; c < 3; c++) Assert.Equal(mlScores[i][c], probabilities[c], 1e-5f);
            if (best == x.Label) correct++;
        }
        Assert.True(correct > examples.Count * 0.6, $"the model learned nothing: {correct}/{examples.Count} correct");
    }

    [Theory]
    [InlineData(LinearAlgorithm.Lbfgs)]
    [InlineData(LinearAlgorithm.Sdca)]
    public void Same_seed_and_data_give_a_byte_identical_model_file(LinearAlgorithm algorithm)
    {
        var options = new LinearTrainerOptions { Algorithm = algorithm, HashBits = 12, DenseDimension = 2, Seed = 11 };
        byte[] Train()
        {
            using var stream = new MemoryStream();
            LinearTrainer.Train(Dataset(120, 2), Labels, options).Save(stream);
            return stream.ToArray();
        }
        Assert.Equal(Train(), Train());
    }

    [Fact]
    public void Save_and_load_keep_labels_properties_and_scores()
    {
        var examples = Dataset(100, denseDimension: 3);
        var model = LinearTrainer.Train(examples, Labels, new LinearTrainerOptions { HashBits = 12, DenseDimension = 3 })
            .WithProperties([new("templates", "word,shape"), new("window", "2")]);
        string path = Path.Combine(Path.GetTempPath(), $"linear-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path);
            var loaded = LinearModel.Load(path);
            Assert.Equal<string>(model.Labels, loaded.Labels);
            Assert.Equal(model.RowCount, loaded.RowCount);
            Assert.Equal(12, loaded.HashBits);
            Assert.Equal("word,shape", loaded.Properties["templates"]);
            Span<float> a = stackalloc float[3], b = stackalloc float[3];
            foreach (var x in examples)
            {
                model.Score(x.Features, x.Values, x.Dense, a);
                loaded.Score(x.Features, x.Values, x.Dense, b);
                Assert.True(a.SequenceEqual(b));
            }
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Only_rows_with_nonzero_weights_are_kept_and_unknown_features_score_nothing()
    {
        var model = new LinearModel(["a", "b"], 8, 0, keys: [3, 200], weights: [1, -1, 0.5f, 2], biases: [0.25f, 0], dense: []);
        Span<float> scores = stackalloc float[2];
        model.Score([3, 200, 3, 77], scores);
        Assert.Equal(0.25f + 1 + 0.5f + 1, scores[0]);
        Assert.Equal(-1 + 2 - 1, scores[1]);
        Assert.True(model.GetWeights(77).IsEmpty);
    }

    [Fact]
    public void A_truncated_or_foreign_file_gives_an_error_naming_the_file()
    {
        using var stream = new MemoryStream();
        LinearTrainer.Train(Dataset(60, 0), Labels, new LinearTrainerOptions { HashBits = 12 }).Save(stream);
        var bytes = stream.ToArray();
        var truncated = Assert.Throws<InvalidModelException>(() => LinearModel.Load(bytes.AsSpan(0, bytes.Length - 5), "models/x/model.bin"));
        Assert.Contains("models/x/model.bin", truncated.Message);
        Assert.Contains("truncated", truncated.Message);
        var foreign = Assert.Throws<InvalidModelException>(() => LinearModel.Load("{\"a\":1}"u8, "model.bin"));
        Assert.Contains("not a linear model", foreign.Message);
        var missing = Assert.Throws<InvalidModelException>(() => LinearModel.Load("/nonexistent/model.bin"));
        Assert.Contains("/nonexistent/model.bin", missing.Message);
    }

    [Fact]
    public void Softmax_gives_probabilities()
    {
        float[] s = [1000f, 1000f, -1000f];
        LinearModel.Softmax(s);
        Assert.Equal(0.5f, s[0], 1e-6f);
        Assert.Equal(0f, s[2], 1e-6f);
    }
}

public class FeatureHasherTests
{
    [Fact]
    public void Indices_are_stable_in_range_and_depend_on_template_and_text()
    {
        var h = new FeatureHasher(18);
        int a = h.Hash(1, "Obama");
        Assert.Equal(a, h.Hash(1, "Obama".AsSpan()));
        Assert.NotEqual(a, h.Hash(2, "Obama"));
        Assert.NotEqual(a, h.Hash(1, "obama"));
        Assert.NotEqual(h.Hash(3, "ab", "c"), h.Hash(3, "a", "bc"));
        Assert.InRange(a, 0, (1 << 18) - 1);
        // Stored models depend on these values never changing.
        Assert.Equal(new FeatureHasher(30).Hash(1, "Obama") & ((1 << 18) - 1), a);
    }

    [Theory] // the template's hash state is looked up for small templates and computed for others: the same values
    [InlineData(2, 12345, 871564)]
    [InlineData(255, -7, 168119)]
    [InlineData(256, 42, 352058)]
    [InlineData(70000, 1, 354110)]
    public void Numeric_features_keep_the_indices_stored_models_were_trained_with(int template, int value, int index) =>
        Assert.Equal(index, new FeatureHasher(20).Hash(template, value));

    [Fact]
    public void Indices_spread_over_the_space()
    {
        var h = new FeatureHasher(10);
        var used = new HashSet<int>();
        for (int i = 0; i < 1024; i++) used.Add(h.Hash(5, "w" + i));
        Assert.InRange(used.Count, 600, 700); // 1024 balls in 1024 bins: about 1 - 1/e = 63% filled
    }
}
