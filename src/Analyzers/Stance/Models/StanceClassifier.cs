using System.Collections.Immutable;
using Pipeline.Analyzers.Stance.Lexicon;
using Pipeline.Learning;
using Pipeline.Learning.Classification;
using Pipeline.Learning.Linear;

namespace Pipeline.Analyzers.Stance.Models;

/// <summary>
/// A trained stance model folder: its settings, its lexicon (a copy of the one it was trained
/// with, so that the model stays self-contained) and its classifier. Thread-safe.
/// </summary>
public sealed class StanceClassifier
{
    public const string WeightsFile = "weights.plm", TreesFile = "trees.zip", TunedFile = "tuned.bin", LexiconFolder = "lexicon";

    private readonly LinearModel? _linear;
    private readonly SentenceClassifier? _trees;
    private readonly int[] _treeOrder = []; // our label index → the tree model's output index, or -1

    private StanceClassifier(string id, StanceModelSettings settings, StanceLexicon lexicon, LinearModel? linear, SentenceClassifier? trees, TunedTargetClassifier? tuned)
    {
        Tuned = tuned;
        Id = id;
        Settings = settings;
        Lexicon = lexicon;
        _linear = linear;
        _trees = trees;
        if (trees is not null) // -1: a class the training data lacked (e.g. no unrelated pairs)
            _treeOrder = settings.Labels.Select(l => trees.Labels.IndexOf(l)).ToArray();
    }

    /// <summary>Folder name and the first characters of its weight files' hashes, for provenance.</summary>
    public string Id { get; }
    public StanceModelSettings Settings { get; }
    public StanceLexicon Lexicon { get; }
    public ImmutableArray<string> Labels => Settings.Labels;
    /// <summary>The tuned encoder classifier whose probabilities (<see cref="FeatureVector.Tuned"/>) are averaged in, or null.</summary>
    public TunedTargetClassifier? Tuned { get; }

    /// <summary>
    /// Probabilities of <see cref="Labels"/> for one item (the mean of both models' for an ensemble,
    /// the tuned classifier's averaged in at its weight); returns the best label's index.
    /// </summary>
    public int Predict(FeatureVector x, Span<float> probabilities)
    {
        int classes = Labels.Length;
        probabilities = probabilities[..classes];
        if (_linear is not null)
            _linear.Predict(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(x.Sparse),
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(x.Values), x.Dense, probabilities);
        if (_trees is not null)
        {
            var p = _trees.PredictProbabilities(x.Dense);
            for (int i = 0; i < classes; i++)
            {
                float tree = _treeOrder[i] < 0 ? 0f : p[_treeOrder[i]];
                probabilities[i] = _linear is null ? tree : (probabilities[i] + tree) / 2;
            }
        }
        if (Tuned is not null)
        {
            var q = x.Tuned ?? throw new InvalidOperationException($"stance model {Id} needs the tuned classifier's probabilities in its feature vectors");
            float w = Settings.TunedWeight;
            for (int i = 0; i < classes; i++) probabilities[i] = (1 - w) * probabilities[i] + w * q[i];
        }
        return System.Numerics.Tensors.TensorPrimitives.IndexOfMax<float>(probabilities);
    }

    /// <summary>Writes settings, lexicon copy and weights into <paramref name="folder"/>.</summary>
    public static void Save(string folder, StanceModelSettings settings, string lexiconFolder, LinearModel? linear, SentenceClassifier? trees, TunedTargetClassifier? tuned = null)
    {
        Directory.CreateDirectory(folder);
        settings.Save(folder);
        string lexiconCopy = Path.Combine(folder, LexiconFolder);
        Directory.CreateDirectory(lexiconCopy);
        foreach (var file in new[] { StanceLexicon.SentimentFile, StanceLexicon.NegatorsFile, StanceLexicon.RefutingFile, StanceLexicon.DiscussFile })
            File.Copy(Path.Combine(lexiconFolder, file), Path.Combine(lexiconCopy, file), overwrite: true);
        File.Delete(Path.Combine(folder, WeightsFile));
        File.Delete(Path.Combine(folder, TreesFile));
        File.Delete(Path.Combine(folder, TunedFile));
        tuned?.Save(Path.Combine(folder, TunedFile));
        linear?.Save(Path.Combine(folder, WeightsFile));
        trees?.Save(Path.Combine(folder, TreesFile));
    }

    /// <exception cref="InvalidModelException">The folder is not a complete stance model.</exception>
    public static StanceClassifier Load(string folder, StanceTask expected)
    {
        var settings = StanceModelSettings.Load(folder);
        if (settings.Task != expected)
            throw new InvalidModelException(folder, $"this is a {Name(settings.Task)} stance model; a {Name(expected)} stance model was expected");
        var lexicon = StanceLexicon.Load(Path.Combine(folder, LexiconFolder));
        LinearModel? linear = null;
        SentenceClassifier? trees = null;
        var hashes = new List<string>();
        if (settings.Algorithm is StanceAlgorithm.MaxEnt or StanceAlgorithm.Ensemble)
        {
            string path = Path.Combine(folder, WeightsFile);
            linear = LinearModel.Load(path);
            if (linear.DenseDimension != settings.DenseLength || !linear.Labels.SequenceEqual(settings.Labels))
                throw new InvalidModelException(path, "weights do not match the model settings (labels or dense length)");
            hashes.Add(ShortHash(path));
        }
        if (settings.Algorithm is StanceAlgorithm.LightGbm or StanceAlgorithm.Ensemble)
        {
            string path = Path.Combine(folder, TreesFile);
            trees = SentenceClassifier.Load(path);
            if (trees.Dimension != settings.DenseLength)
                throw new InvalidModelException(path, $"tree model reads {trees.Dimension} features; the settings say {settings.DenseLength}");
            hashes.Add(ShortHash(path));
        }
        TunedTargetClassifier? tuned = null;
        if (settings.TunedWeight > 1 || settings.TunedWeight < 0)
            throw new InvalidModelException(Path.Combine(folder, StanceModelSettings.FileName), $"tunedWeight {settings.TunedWeight} is not a share from 0 to 1");
        if (settings.TunedWeight > 0)
        {
            string path = Path.Combine(folder, TunedFile);
            tuned = TunedTargetClassifier.Load(path);
            if (!tuned.Labels.SequenceEqual(settings.Labels))
                throw new InvalidModelException(path, "tuned classifier's labels do not match the model settings");
            hashes.Add(ShortHash(path));
        }
        string id = $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))}@{string.Join('+', hashes)}";
        return new StanceClassifier(id, settings, lexicon, linear, trees, tuned);
    }

    /// <summary>"entity" or "claim".</summary>
    public static string Name(StanceTask task) => task == StanceTask.Entity ? "entity" : "claim";

    private static string ShortHash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream))[..8];
    }
}
