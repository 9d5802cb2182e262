using Pipeline.Learning.Classification;

namespace Pipeline.Learning.Tests.Classification;

public class SentenceClassifierTests : IDisposable
{
    private readonly TempFiles _files = new();
    public void Dispose() => _files.Dispose();

    /// <summary>Three noisy clusters in 8 dimensions, labelled by cluster.</summary>
    private static List<ClassifierExample> Clusters(int count, int seed)
    {
        var random = new Random(seed);
        string[] names = ["sport", "economy", "weather"];
        return Enumerable.Range(0, count).Select(i =>
        {
            int c = i % 3;
            var x = Enumerable.Range(0, 8).Select(d => (float)(random.NextDouble() - 0.5 + (d % 3 == c ? 1.2 : 0))).ToArray();
            return new ClassifierExample(x, names[c]);
        }).ToList();
    }

    [Theory]
    [InlineData(ClassifierAlgorithm.MaximumEntropy)]
    [InlineData(ClassifierAlgorithm.LightGbm)]
    public void Learns_saves_loads_and_predicts_the_same_from_many_threads(ClassifierAlgorithm algorithm)
    {
        var train = Clusters(150, 1);
        var test = Clusters(60, 2);
        var classifier = SentenceClassifier.Train(train, new ClassifierOptions { Algorithm = algorithm, Iterations = algorithm == ClassifierAlgorithm.LightGbm ? 50 : null });
        Assert.Equal<string>(["economy", "sport", "weather"], classifier.Labels);
        int correct = test.Count(x => classifier.Predict(x.Features).Label == x.Label);
        Assert.True(correct >= 50, $"{correct}/60 correct");

        string path = _files.PathOf("model/classifier.zip");
        classifier.Save(path);
        var loaded = SentenceClassifier.Load(path);
        Assert.Equal<string>(classifier.Labels, loaded.Labels);
        Assert.Equal(8, loaded.Dimension);
        var expected = test.Select(x => classifier.PredictProbabilities(x.Features)).ToArray();
        var parallel = new float[test.Count][];
        Parallel.For(0, test.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = loaded.PredictProbabilities(test[i].Features));
        for (int i = 0; i < test.Count; i++)
        {
            Assert.Equal(1f, expected[i].Sum(), 1e-4f);
            Assert.Equal(expected[i], parallel[i], (a, b) => MathF.Abs(a - b) < 1e-6f);
        }
    }

    [Fact]
    public void A_lightgbm_model_read_from_its_trees_gives_the_prediction_engine_s_probabilities()
    {
        var classifier = SentenceClassifier.Train(Clusters(300, 5), new ClassifierOptions { Algorithm = ClassifierAlgorithm.LightGbm, Iterations = 60, Leaves = 8 });
        string path = _files.PathOf("trees/classifier.zip");
        classifier.Save(path);
        var random = new Random(6);
        foreach (var model in new[] { classifier, SentenceClassifier.Load(path) })
        {
            Assert.True(model.ScoresTreesDirectly);
            foreach (var x in Clusters(200, 7).Select(e => e.Features).Append(new float[8]).Append(Enumerable.Repeat(5f, 8).ToArray()))
                Assert.Equal(model.PredictWithEngine(x), model.PredictProbabilities(x), (a, b) => MathF.Abs(a - b) < 1e-6f);
        }
        // A linear model keeps the engine.
        Assert.False(SentenceClassifier.Train(Clusters(60, 8)).ScoresTreesDirectly);
    }

    [Fact]
    public void The_same_seed_gives_the_same_model()
    {
        var train = Clusters(90, 3);
        var a = SentenceClassifier.Train(train, new ClassifierOptions { Seed = 5 });
        var b = SentenceClassifier.Train(train, new ClassifierOptions { Seed = 5 });
        var x = Clusters(3, 4)[0].Features;
        Assert.Equal(a.PredictProbabilities(x), b.PredictProbabilities(x));
    }

    [Fact]
    public void Bad_input_gives_clear_errors()
    {
        Assert.Contains("at least two labels", Assert.Throws<ArgumentException>(() => SentenceClassifier.Train([new([1f], "a"), new([2f], "a")])).Message);
        Assert.Contains("example 1 has 2 features", Assert.Throws<ArgumentException>(() => SentenceClassifier.Train([new([1f], "a"), new([2f, 3f], "b")])).Message);
        string junk = _files.Write("junk.zip", "not a zip");
        var error = Assert.Throws<InvalidModelException>(() => SentenceClassifier.Load(junk));
        Assert.Contains("junk.zip", error.Message);
        Assert.Contains("not found", Assert.Throws<InvalidModelException>(() => SentenceClassifier.Load(_files.PathOf("none.zip"))).Message);
    }
}
