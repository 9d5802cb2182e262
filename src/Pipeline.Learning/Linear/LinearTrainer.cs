using System.Collections.Immutable;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Pipeline.Sdk;

namespace Pipeline.Learning.Linear;

/// <summary>ML.NET's multiclass maximum entropy trainers.</summary>
public enum LinearAlgorithm
{
    /// <summary>L-BFGS maximum entropy: exact optimum of the regularised likelihood; slower per pass.</summary>
    Lbfgs,
    /// <summary>Stochastic dual coordinate ascent maximum entropy: fast on many examples.</summary>
    Sdca,
}

public sealed record LinearTrainerOptions
{
    public LinearAlgorithm Algorithm { get; init; } = LinearAlgorithm.Lbfgs;
    /// <summary>Size of the hashed feature space is 2^HashBits; the examples' indices must be below it.</summary>
    public int HashBits { get; init; } = 20;
    /// <summary>Length of every example's dense part (0: none).</summary>
    public int DenseDimension { get; init; }
    /// <summary>L1 weight (sparsity); null: ML.NET's default (1 for L-BFGS; chosen from the data for SDCA).
    /// The two trainers scale it differently: SDCA wants far smaller values.</summary>
    public float? L1 { get; init; }
    /// <summary>L2 weight; null: ML.NET's default (1 for L-BFGS; chosen from the data for SDCA).</summary>
    public float? L2 { get; init; }
    /// <summary>Iterations (L-BFGS) or passes over the data (SDCA); null: ML.NET's default.</summary>
    public int? MaxIterations { get; init; }
    /// <summary>Relative improvement below which L-BFGS stops.</summary>
    public float Tolerance { get; init; } = 1e-7f;
    /// <summary>Features seen in fewer examples are dropped before training.</summary>
    public int MinFeatureCount { get; init; } = 1;
    public int Seed { get; init; } = 1;
    public IRunLog? Log { get; init; }

    /// <summary>The settings as recorded in a manifest.</summary>
    public ImmutableDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["algorithm"] = Algorithm.ToString().ToLowerInvariant(),
        ["hash_bits"] = HashBits.ToString(),
        ["dense_dimension"] = DenseDimension.ToString(),
        ["l1"] = L1?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default",
        ["l2"] = L2?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default",
        ["max_iterations"] = MaxIterations?.ToString() ?? "default",
        ["min_feature_count"] = MinFeatureCount.ToString(),
    }.ToImmutableDictionary();
}

/// <summary>
/// Trains a multiclass linear model through ML.NET from hashed sparse examples and extracts its
/// weights into a <see cref="LinearModel"/>. Training runs on one thread so that the same seed
/// and data give the same model, bit for bit.
/// </summary>
public static class LinearTrainer
{
    /// <param name="labels">Class names; an example's Label is an index into this list.</param>
    public static LinearModel Train(IReadOnlyList<LinearExample> examples, IReadOnlyList<string> labels,
        LinearTrainerOptions options, CancellationToken cancellationToken = default) =>
        TrainCore(examples, labels, options, cancellationToken).Model;

    /// <summary>The model together with ML.NET's own transformer and training data (to compare predictions).</summary>
    internal static (LinearModel Model, ITransformer Transformer, IDataView Data) TrainCore(
        IReadOnlyList<LinearExample> examples, IReadOnlyList<string> labels, LinearTrainerOptions options, CancellationToken cancellationToken)
    {
        if (labels.Count < 2) throw new ArgumentException("a classifier needs at least two labels", nameof(labels));
        if (examples.Count == 0) throw new ArgumentException("no training examples", nameof(examples));
        var space = FeatureSpace.Build(examples, labels.Count, options);
        options.Log?.Info($"linear model: {examples.Count} examples, {space.Sparse.Length} features (of 2^{options.HashBits}), {labels.Count} classes, {options.Algorithm}");

        var ml = new MLContext(options.Seed);
        cancellationToken.ThrowIfCancellationRequested();
        var data = space.ToDataView(ml, examples, labels.Count);
        var transformer = Estimator(ml, options).Fit(data);

        var parameters = transformer.Model;
        VBuffer<float>[] weights = [];
        parameters.GetWeights(ref weights, out int classes);
        var biases = parameters.GetBiases().ToArray();
        return (space.Extract(labels, weights, classes, biases, options), transformer, data);
    }

    private static IEstimator<MulticlassPredictionTransformer<MaximumEntropyModelParameters>> Estimator(MLContext ml, LinearTrainerOptions o) =>
        o.Algorithm switch
        {
            LinearAlgorithm.Lbfgs => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = nameof(FeatureSpace.Row.Label),
                FeatureColumnName = nameof(FeatureSpace.Row.Features),
                ExampleWeightColumnName = nameof(FeatureSpace.Row.Weight),
                L1Regularization = o.L1 ?? 1f,
                L2Regularization = o.L2 ?? 1f,
                MaximumNumberOfIterations = o.MaxIterations ?? int.MaxValue,
                OptimizationTolerance = o.Tolerance,
                NumberOfThreads = 1,
            }),
            LinearAlgorithm.Sdca => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = nameof(FeatureSpace.Row.Label),
                FeatureColumnName = nameof(FeatureSpace.Row.Features),
                ExampleWeightColumnName = nameof(FeatureSpace.Row.Weight),
                L1Regularization = o.L1,
                L2Regularization = o.L2,
                MaximumNumberOfIterations = o.MaxIterations,
                NumberOfThreads = 1,
                Shuffle = true,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(o), o.Algorithm, "unknown algorithm"),
        };

    /// <summary>
    /// The features that occur in the training data, renumbered 0..n-1 (dense part after them).
    /// A feature absent from the data gets a zero weight anyway, so training on the compact space
    /// gives the same model as training on all 2^bits, in far less memory.
    /// </summary>
    internal sealed class FeatureSpace
    {
        public sealed class Row
        {
            public uint Label;
            public VBuffer<float> Features;
            public float Weight;
        }

        private readonly Dictionary<int, int> _index;
        private readonly int _denseDimension;

        private FeatureSpace(int[] sparse, int denseDimension)
        {
            Sparse = sparse;
            _denseDimension = denseDimension;
            _index = new Dictionary<int, int>(sparse.Length);
            for (int i = 0; i < sparse.Length; i++) _index[sparse[i]] = i;
        }

        /// <summary>Kept hashed indices, ascending.</summary>
        public int[] Sparse { get; }
        public int Dimension => Sparse.Length + _denseDimension;

        public static FeatureSpace Build(IReadOnlyList<LinearExample> examples, int classes, LinearTrainerOptions options)
        {
            int size = 1 << options.HashBits;
            var counts = new Dictionary<int, int>();
            for (int e = 0; e < examples.Count; e++)
            {
                var x = examples[e];
                if ((uint)x.Label >= (uint)classes) throw new ArgumentException($"example {e}: label index {x.Label} is not below the {classes} labels");
                if (x.Values is not null && x.Values.Length != x.Features.Length) throw new ArgumentException($"example {e}: {x.Values.Length} values for {x.Features.Length} features");
                if ((x.Dense?.Length ?? 0) != options.DenseDimension && !(x.Dense is null && options.DenseDimension == 0))
                    throw new ArgumentException($"example {e}: dense part has {x.Dense?.Length ?? 0} values, expected {options.DenseDimension}");
                foreach (int f in x.Features.Distinct())
                {
                    if ((uint)f >= (uint)size) throw new ArgumentException($"example {e}: feature {f} is outside the 2^{options.HashBits} hashed space");
                    counts[f] = counts.GetValueOrDefault(f) + 1;
                }
            }
            var kept = counts.Where(p => p.Value >= options.MinFeatureCount).Select(p => p.Key).ToArray();
            Array.Sort(kept);
            return new FeatureSpace(kept, options.DenseDimension);
        }

        public IDataView ToDataView(MLContext ml, IReadOnlyList<LinearExample> examples, int classes)
        {
            var rows = new Row[examples.Count];
            var pairs = new List<(int Index, float Value)>();
            for (int e = 0; e < rows.Length; e++)
            {
                var x = examples[e];
                pairs.Clear();
                for (int i = 0; i < x.Features.Length; i++)
                    if (_index.TryGetValue(x.Features[i], out int j)) pairs.Add((j, x.Values?[i] ?? 1f));
                if (x.Dense is not null)
                    for (int d = 0; d < x.Dense.Length; d++)
                        if (x.Dense[d] != 0f) pairs.Add((Sparse.Length + d, x.Dense[d]));
                pairs.Sort((a, b) => a.Index.CompareTo(b.Index));
                var indices = new List<int>(pairs.Count);
                var values = new List<float>(pairs.Count);
                foreach (var (index, value) in pairs)
                {
                    if (indices.Count > 0 && indices[^1] == index) values[^1] += value; // repeated feature: values add up
                    else { indices.Add(index); values.Add(value); }
                }
                rows[e] = new Row
                {
                    Label = (uint)x.Label, // the loader shifts key values by one (0 means missing inside ML.NET)
                    Features = new VBuffer<float>(Dimension, indices.Count, values.ToArray(), indices.ToArray()),
                    Weight = x.Weight,
                };
            }
            var schema = SchemaDefinition.Create(typeof(Row));
            schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Dimension);
            schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes);
            return ml.Data.LoadFromEnumerable(rows, schema);
        }

        public LinearModel Extract(IReadOnlyList<string> labels, VBuffer<float>[] weights, int classes, float[] biases, LinearTrainerOptions options)
        {
            if (classes != labels.Count) throw new InvalidOperationException($"ML.NET returned {classes} classes for {labels.Count} labels");
            var keys = new List<int>();
            var rows = new List<float>();
            var row = new float[classes];
            var dense = new float[_denseDimension * classes];
            var denseWeights = weights.Select(w => w.DenseValues().ToArray()).ToArray();
            for (int j = 0; j < Dimension; j++)
            {
                bool any = false;
                for (int c = 0; c < classes; c++) any |= (row[c] = denseWeights[c][j]) != 0f;
                if (j >= Sparse.Length) row.CopyTo(dense, (j - Sparse.Length) * classes);
                else if (any) { keys.Add(Sparse[j]); rows.AddRange(row); }
            }
            return new LinearModel([.. labels], options.HashBits, _denseDimension, keys.ToArray(), rows.ToArray(), biases, dense);
        }
    }
}
