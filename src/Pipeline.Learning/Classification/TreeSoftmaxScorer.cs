using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Pipeline.Learning.Classification;

/// <summary>
/// Scores a LightGBM multiclass model (ML.NET's one-versus-all of tree ensembles with a softmax
/// over their raw outputs) directly from its trees. ML.NET's prediction engine runs the classes'
/// ensembles through <c>Parallel.For</c> on every call, whose synchronisation cost far more than
/// the trees themselves when a document asks for many small predictions. Read-only, thread-safe.
/// </summary>
/// <remarks>
/// ML.NET does not make the per-class models of a one-versus-all model public: they are read
/// from its private implementation by reflection, and any model of another shape (or another
/// ML.NET layout) gives no scorer, so the caller keeps the prediction engine. A test checks the
/// probabilities against the engine's.
/// </remarks>
internal sealed class TreeSoftmaxScorer
{
    private readonly FlatEnsemble[] _classes;

    private TreeSoftmaxScorer(FlatEnsemble[] classes) => _classes = classes;

    /// <summary>The scorer of a trained or loaded model, or null when it is not a softmax over tree ensembles.</summary>
    public static TreeSoftmaxScorer? TryCreate(ITransformer model)
    {
        try
        {
            var last = (model as TransformerChain<ITransformer>)?.LastTransformer ?? model;
            if (last is not MulticlassPredictionTransformer<OneVersusAllModelParameters> { Model: var ova }) return null;
            var impl = typeof(OneVersusAllModelParameters).GetField("_impl", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(ova);
            if (impl is null || impl.GetType().Name != "ImplSoftmax") return null;
            if (impl.GetType().GetProperty("Predictors", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(impl) is not Array predictors)
                return null;
            var classes = new FlatEnsemble[predictors.Length];
            for (int c = 0; c < classes.Length; c++)
            {
                // A calibrated binary model (LightGBM's, Platt) scores with its sub-model's raw output.
                var predictor = predictors.GetValue(c);
                var trees = predictor as TreeEnsembleModelParametersBasedOnRegressionTree ?? SubModelOf(predictor) as TreeEnsembleModelParametersBasedOnRegressionTree;
                if (trees is null || FlatEnsemble.From(trees.TrainedTreeEnsemble) is not { } flat) return null;
                classes[c] = flat;
            }
            return new TreeSoftmaxScorer(classes);
        }
        catch (Exception ex) when (ex is TargetInvocationException or AmbiguousMatchException or InvalidCastException or MemberAccessException)
        {
            return null;
        }
    }

    /// <summary>The binary model inside a calibrated one (its public <c>SubModel</c>), or null.</summary>
    private static object? SubModelOf(object? predictor)
    {
        for (var type = predictor?.GetType(); type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Microsoft.ML.Calibrators.CalibratedModelParametersBase<,>))
                return type.GetProperty("SubModel", BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)?.GetValue(predictor);
        return null;
    }

    /// <summary>The classes' probabilities, as ML.NET computes them: a float softmax over the ensembles' outputs.</summary>
    public float[] Probabilities(ReadOnlySpan<float> features)
    {
        var scores = new float[_classes.Length];
        float max = float.NegativeInfinity, sum = 0;
        for (int c = 0; c < scores.Length; c++) max = Math.Max(max, scores[c] = (float)_classes[c].Output(features));
        for (int c = 0; c < scores.Length; c++) sum += scores[c] = (float)Math.Exp(scores[c] - max);
        for (int c = 0; c < scores.Length; c++) scores[c] /= sum;
        return scores;
    }

    /// <summary>One ensemble's trees in flat arrays (children below zero are leaves, ~leaf), leaf values times tree weights.</summary>
    private sealed class FlatEnsemble
    {
        /// <summary>Per tree: its first node, its first leaf, and its root (0, or ~0 for a one-leaf tree).</summary>
        private readonly int[] _treeStart, _leafStart, _root, _left, _right, _feature;
        private readonly float[] _threshold;
        private readonly double[] _leafValue;
        private readonly double _bias;

        private FlatEnsemble(int[] treeStart, int[] leafStart, int[] root, int[] left, int[] right, int[] feature, float[] threshold, double[] leafValue, double bias)
        {
            (_treeStart, _leafStart, _root, _left, _right, _feature, _threshold, _leafValue, _bias) = (treeStart, leafStart, root, left, right, feature, threshold, leafValue, bias);
        }

        /// <summary>Null when a tree has categorical splits (not read here).</summary>
        public static FlatEnsemble? From(RegressionTreeEnsemble ensemble)
        {
            var trees = ensemble.Trees;
            int nodes = trees.Sum(t => t.NumberOfNodes), leaves = trees.Sum(t => t.NumberOfLeaves);
            var treeStart = new int[trees.Count];
            var leafStart = new int[trees.Count];
            var root = new int[trees.Count];
            var left = new int[nodes];
            var right = new int[nodes];
            var feature = new int[nodes];
            var threshold = new float[nodes];
            var leafValue = new double[leaves];
            int node = 0, leaf = 0;
            for (int t = 0; t < trees.Count; t++)
            {
                var tree = trees[t];
                if (tree.CategoricalSplitFlags.Any(flag => flag)) return null;
                (treeStart[t], leafStart[t], root[t]) = (node, leaf, tree.NumberOfNodes > 0 ? 0 : ~0);
                for (int n = 0; n < tree.NumberOfNodes; n++, node++)
                {
                    left[node] = tree.LeftChild[n];
                    right[node] = tree.RightChild[n];
                    feature[node] = tree.NumericalSplitFeatureIndexes[n];
                    threshold[node] = tree.NumericalSplitThresholds[n];
                }
                for (int l = 0; l < tree.NumberOfLeaves; l++, leaf++) leafValue[leaf] = ensemble.TreeWeights[t] * tree.LeafValues[l];
            }
            return new FlatEnsemble(treeStart, leafStart, root, left, right, feature, threshold, leafValue, ensemble.Bias);
        }

        public double Output(ReadOnlySpan<float> x)
        {
            double output = _bias;
            for (int t = 0; t < _treeStart.Length; t++)
            {
                int start = _treeStart[t], node = _root[t];
                // ML.NET's rule: the value at most the threshold goes left.
                while (node >= 0) node = x[_feature[start + node]] <= _threshold[start + node] ? _left[start + node] : _right[start + node];
                output += _leafValue[_leafStart[t] + ~node];
            }
            return output;
        }
    }
}
