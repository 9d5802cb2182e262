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
        var candidates = options.Algorithm is { } only ? [only] : new[] { StanceAlgorithm.MaxEnt, StanceAlgorithm.LightGbm };
        var metrics = ImmutableDictionary.CreateBuilder<string, double>();
        FittedModel? best = null;
        double bestF1 = -1;
        foreach (var algorithm in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var model = algorithm == StanceAlgorithm.MaxEnt
                ? new FittedModel(algorithm, FitLinear(train, labels, denseLength, options, seed, log, cancellationToken), null)
                : new FittedModel(algorithm, null, FitTrees(train, labels, options, seed));
            var score = Score(model, dev, labels, denseLength);
            string name = algorithm.ToString().ToLowerInvariant();
            log?.Info($"stance: {name} trained in {clock.Elapsed.TotalSeconds:F0} s; dev macro-F1 {score.MacroF1:F4}, accuracy {score.Accuracy:F4}");
            metrics[$"dev_{name}_macro_f1"] = Math.Round(score.MacroF1, 6);
            metrics[$"dev_{name}_accuracy"] = Math.Round(score.Accuracy, 6);
            if (score.MacroF1 > bestF1) { best = model; bestF1 = score.MacroF1; }
        }
        log?.Info($"stance: keeping {best!.Algorithm.ToString().ToLowerInvariant()}");
        return (best!, metrics.ToImmutable());
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

    /// <summary>Macro-F1 and accuracy of a fitted model on examples.</summary>
    public static ClassificationScore Score(FittedModel model, IReadOnlyList<LinearExample> examples, ImmutableArray<string> labels, int denseLength)
    {
        var score = new ClassificationScore(labels);
        var p = new float[labels.Length];
        foreach (var x in examples)
        {
            int predicted;
            if (model.Linear is { } linear) predicted = linear.Predict(x.Features, x.Values, x.Dense, p);
            else
            {
                var q = model.Trees!.PredictProbabilities(x.Dense!);
                predicted = labels.IndexOf(model.Trees.Labels[Array.IndexOf(q, q.Max())]);
            }
            score.Add(labels[x.Label], labels[predicted]);
        }
        return score;
    }

    public static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
