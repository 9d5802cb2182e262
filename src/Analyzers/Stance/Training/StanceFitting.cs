using System.Collections.Immutable;
using System.Globalization;
using Pipeline.Analyzers.Stance.Models;
using Pipeline.Learning.Classification;
using Pipeline.Learning.Linear;
using Pipeline.Learning.Metrics;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance.Training;

/// <summary>A fitted classifier: a linear model or a tree model.</summary>
public sealed record FittedModel(StanceAlgorithm Algorithm, LinearModel? Linear, SentenceClassifier? Trees);

/// <summary>
/// Fits the stance classifier through ML.NET (maximum entropy on sparse + dense features, or
/// LightGBM on the dense part), scores each candidate on the dev examples, and keeps the better.
/// </summary>
public static class StanceFitting
{
    public static (FittedModel Model, ImmutableDictionary<string, double> Metrics) Fit(
        IReadOnlyList<LinearExample> train, IReadOnlyList<LinearExample> dev, ImmutableArray<string> labels,
        int denseLength, StanceTrainingOptions options, int seed, IRunLog? log, CancellationToken cancellationToken)
    {
        var wanted = options.Algorithm;
        LinearModel? linear = null;
        SentenceClassifier? trees = null;
        if (wanted is null or StanceAlgorithm.MaxEnt or StanceAlgorithm.Ensemble)
            linear = Timed("maxent", log, () => FitLinear(train, labels, denseLength, options, seed, log, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        if (wanted is null or StanceAlgorithm.LightGbm or StanceAlgorithm.Ensemble)
            trees = Timed("lightgbm", log, () => FitTrees(train, labels, options, seed));

        var candidates = new List<FittedModel>();
        if (linear is not null && wanted is null or StanceAlgorithm.MaxEnt) candidates.Add(new FittedModel(StanceAlgorithm.MaxEnt, linear, null));
        if (trees is not null && wanted is null or StanceAlgorithm.LightGbm) candidates.Add(new FittedModel(StanceAlgorithm.LightGbm, null, trees));
        if (linear is not null && trees is not null) candidates.Add(new FittedModel(StanceAlgorithm.Ensemble, linear, trees));
        var metrics = ImmutableDictionary.CreateBuilder<string, double>();
        FittedModel? best = null;
        double bestF1 = -1;
        foreach (var model in candidates)
        {
            var score = Score(model, dev, labels);
            string name = model.Algorithm.ToString().ToLowerInvariant();
            log?.Info($"stance: {name}: dev macro-F1 {score.MacroF1:F4}, accuracy {score.Accuracy:F4}");
            metrics[$"dev_{name}_macro_f1"] = Math.Round(score.MacroF1, 6);
            metrics[$"dev_{name}_accuracy"] = Math.Round(score.Accuracy, 6);
            if (score.MacroF1 > bestF1) { best = model; bestF1 = score.MacroF1; }
        }
        log?.Info($"stance: keeping {best!.Algorithm.ToString().ToLowerInvariant()}");
        return (best!, metrics.ToImmutable());
    }

    /// <summary>
    /// The chosen algorithm fitted again, with the same settings, on every example (train and dev
    /// together): the final model once dev has chosen the settings.
    /// </summary>
    public static FittedModel Refit(StanceAlgorithm algorithm, IReadOnlyList<LinearExample> examples, ImmutableArray<string> labels,
        int denseLength, StanceTrainingOptions options, int seed, IRunLog? log, CancellationToken cancellationToken)
    {
        var linear = algorithm is StanceAlgorithm.MaxEnt or StanceAlgorithm.Ensemble
            ? Timed("maxent (train and dev)", log, () => FitLinear(examples, labels, denseLength, options, seed, log, cancellationToken))
            : null;
        cancellationToken.ThrowIfCancellationRequested();
        var trees = algorithm is StanceAlgorithm.LightGbm or StanceAlgorithm.Ensemble
            ? Timed("lightgbm (train and dev)", log, () => FitTrees(examples, labels, options, seed))
            : null;
        return new FittedModel(algorithm, linear, trees);
    }

    private static T Timed<T>(string name, IRunLog? log, Func<T> fit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var model = fit();
        log?.Info($"stance: {name} trained in {clock.Elapsed.TotalSeconds:F0} s");
        return model;
    }

    private static LinearModel FitLinear(IReadOnlyList<LinearExample> train, ImmutableArray<string> labels, int denseLength,
        StanceTrainingOptions o, int seed, IRunLog? log, CancellationToken cancellationToken) =>
        LinearTrainer.Train(train, labels, new LinearTrainerOptions
        {
            Algorithm = LinearAlgorithm.Lbfgs, HashBits = o.HashBits, DenseDimension = denseLength,
            L1 = o.L1, L2 = o.L2, MaxIterations = o.MaxIterations, Seed = seed, Log = log,
        }, cancellationToken);

    private static SentenceClassifier FitTrees(IReadOnlyList<LinearExample> train, ImmutableArray<string> labels, StanceTrainingOptions o, int seed) =>
        SentenceClassifier.Train(train.Select(x => new ClassifierExample(x.Dense!, labels[x.Label]) { Weight = x.Weight }).ToList(), new ClassifierOptions
        {
            Algorithm = ClassifierAlgorithm.LightGbm, Iterations = o.Trees, Leaves = o.Leaves, LearningRate = o.LearningRate, Seed = seed,
        });

    /// <summary>
    /// Macro-F1 (over the classes the examples hold, as the evaluator counts them) and accuracy of a
    /// fitted model on examples; an ensemble averages the two models' probabilities.
    /// </summary>
    public static ClassificationScore Score(FittedModel model, IReadOnlyList<LinearExample> examples, ImmutableArray<string> labels) =>
        Score(Probabilities(model, examples, labels), examples, labels);

    /// <summary>Macro-F1 and accuracy of given probabilities for the examples.</summary>
    public static ClassificationScore Score(float[][] probabilities, IReadOnlyList<LinearExample> examples, ImmutableArray<string> labels)
    {
        var score = new ClassificationScore(labels.Where((_, i) => examples.Any(x => x.Label == i)).ToList());
        for (int e = 0; e < examples.Count; e++)
            score.Add(labels[examples[e].Label], labels[System.Numerics.Tensors.TensorPrimitives.IndexOfMax<float>(probabilities[e])]);
        return score;
    }

    /// <summary>The probabilities a fitted model gives each example; an ensemble averages its models'.</summary>
    public static float[][] Probabilities(FittedModel model, IReadOnlyList<LinearExample> examples, ImmutableArray<string> labels)
    {
        var order = model.Trees is { } t ? labels.Select(l => t.Labels.IndexOf(l)).ToArray() : [];
        var result = new float[examples.Count][];
        for (int e = 0; e < examples.Count; e++)
        {
            var x = examples[e];
            var p = result[e] = new float[labels.Length];
            if (model.Linear is { } linear) linear.Predict(x.Features, x.Values, x.Dense, p);
            if (model.Trees is { } trees)
            {
                var q = trees.PredictProbabilities(x.Dense!);
                for (int i = 0; i < p.Length; i++)
                {
                    float tree = order[i] < 0 ? 0f : q[order[i]]; // a class the training data lacked
                    p[i] = model.Linear is null ? tree : (p[i] + tree) / 2;
                }
            }
        }
        return result;
    }

    /// <summary>(1 − w)·a + w·b, row by row.</summary>
    public static float[][] Mix(float[][] a, float[][] b, float w) =>
        a.Select((row, e) => row.Select((v, i) => (1 - w) * v + w * b[e][i]).ToArray()).ToArray();

    public static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
