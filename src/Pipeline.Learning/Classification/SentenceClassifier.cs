using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace Pipeline.Learning.Classification;

public enum ClassifierAlgorithm
{
    /// <summary>SDCA maximum entropy: a linear model, fast to train, calibrated probabilities.</summary>
    MaximumEntropy,
    /// <summary>LightGBM gradient-boosted trees (multiclass, softmax): non-linear, slower to train.</summary>
    LightGbm,
}

public sealed record ClassifierOptions
{
    public ClassifierAlgorithm Algorithm { get; init; } = ClassifierAlgorithm.MaximumEntropy;
    public int Seed { get; init; } = 42;
    /// <summary>Passes over the data (maximum entropy) or boosting rounds (LightGBM); null: ML.NET's default.</summary>
    public int? Iterations { get; init; }
    /// <summary>Maximum entropy: L2 weight; null: ML.NET's default.</summary>
    public float? L2 { get; init; }
    /// <summary>LightGBM: leaves per tree.</summary>
    public int Leaves { get; init; } = 31;
    /// <summary>LightGBM: learning rate.</summary>
    public double LearningRate { get; init; } = 0.1;
}

/// <summary>A labelled feature vector (e.g. a sentence's encoder vector, possibly with extra features appended).</summary>
public sealed record ClassifierExample(float[] Features, string Label)
{
    public float Weight { get; init; } = 1f;
}

/// <summary>
/// A classifier of dense feature vectors (sentence vectors from the encoder, plus any features
/// of your own) trained with ML.NET. Save it into a model folder, load it once per run and call
/// <see cref="Predict"/> from any thread: prediction engines are pooled.
/// </summary>
/// <example>
/// <code>
/// var vectors = encoder.EncodeSentences(texts);
/// var classifier = SentenceClassifier.Train(vectors.Select((v, i) => new ClassifierExample(v, labels[i])).ToList(), new ClassifierOptions());
/// classifier.Save(Path.Combine(context.OutputDirectory, "classifier.zip"));
/// // at run start:  var classifier = SentenceClassifier.Load(path);
/// // per sentence:  var (label, p) = classifier.Predict(encoder.EncodeSentence(sentence));
/// </code>
/// </example>
public sealed class SentenceClassifier
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly SchemaDefinition _inputSchema;
    private readonly ConcurrentBag<PredictionEngine<Input, Output>> _engines = new();
    /// <summary>LightGBM models are scored from their trees, without ML.NET's per-call overhead.</summary>
    private readonly TreeSoftmaxScorer? _trees;

    private sealed class Input
    {
        public float[] Features = [];
        public string Label = "";
        public float Weight = 1f;
    }

    private sealed class Output
    {
        public float[] Score = [];
    }

    private SentenceClassifier(MLContext ml, ITransformer model, int dimension, ImmutableArray<string> labels)
    {
        _ml = ml;
        _model = model;
        Dimension = dimension;
        Labels = labels;
        _inputSchema = InputSchema(dimension);
        _trees = TreeSoftmaxScorer.TryCreate(model);
    }

    /// <summary>Whether predictions come from the model's trees read directly (LightGBM) rather than ML.NET's prediction engine.</summary>
    internal bool ScoresTreesDirectly => _trees is not null;

    /// <summary>The classes, in the order of <see cref="PredictProbabilities"/>'s output (sorted).</summary>
    public ImmutableArray<string> Labels { get; }
    /// <summary>Length of the feature vectors.</summary>
    public int Dimension { get; }

    public static SentenceClassifier Train(IReadOnlyList<ClassifierExample> examples, ClassifierOptions? options = null)
    {
        options ??= new ClassifierOptions();
        if (examples.Count == 0) throw new ArgumentException("no training examples", nameof(examples));
        int dimension = examples[0].Features.Length;
        for (int i = 0; i < examples.Count; i++)
            if (examples[i].Features.Length != dimension)
                throw new ArgumentException($"example {i} has {examples[i].Features.Length} features, the first has {dimension}", nameof(examples));
        var labels = examples.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        if (labels.Length < 2) throw new ArgumentException($"a classifier needs at least two labels; the examples have only \"{labels[0]}\"", nameof(examples));

        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new Input { Features = e.Features, Label = e.Label, Weight = e.Weight }), InputSchema(dimension));
        // Keys sorted by value: class k is labels[k] whatever the order of the examples.
        var pipeline = ml.Transforms.Conversion.MapValueToKey(nameof(Input.Label), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(Trainer(ml, options));
        var model = pipeline.Fit(data);
        return new SentenceClassifier(ml, model, dimension, labels);
    }

    private static IEstimator<ITransformer> Trainer(MLContext ml, ClassifierOptions o) => o.Algorithm switch
    {
        ClassifierAlgorithm.MaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(Input.Label), FeatureColumnName = nameof(Input.Features), ExampleWeightColumnName = nameof(Input.Weight),
            MaximumNumberOfIterations = o.Iterations, L2Regularization = o.L2, NumberOfThreads = 1, // one thread: same seed, same model
        }),
        ClassifierAlgorithm.LightGbm => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            LabelColumnName = nameof(Input.Label), FeatureColumnName = nameof(Input.Features), ExampleWeightColumnName = nameof(Input.Weight),
            NumberOfIterations = o.Iterations ?? 100, NumberOfLeaves = o.Leaves, LearningRate = o.LearningRate,
            UseSoftmax = true, Seed = o.Seed, NumberOfThreads = 1, Deterministic = true, Silent = true,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(o), o.Algorithm, "unknown algorithm"),
    };

    /// <summary>Probabilities of <see cref="Labels"/>, in that order. Thread-safe.</summary>
    public float[] PredictProbabilities(float[] features)
    {
        if (features.Length != Dimension) throw new ArgumentException($"expected {Dimension} features, got {features.Length}", nameof(features));
        return _trees is not null ? _trees.Probabilities(features) : PredictWithEngine(features);
    }

    /// <summary>The probabilities from ML.NET's prediction engine (pooled, one per concurrent caller).</summary>
    internal float[] PredictWithEngine(float[] features)
    {
        if (!_engines.TryTake(out var engine))
            engine = _ml.Model.CreatePredictionEngine<Input, Output>(_model, ignoreMissingColumns: true, inputSchemaDefinition: _inputSchema);
        try { return engine.Predict(new Input { Features = features }).Score; }
        finally { _engines.Add(engine); }
    }

    /// <summary>The most probable label and its probability. Thread-safe.</summary>
    public (string Label, float Probability) Predict(float[] features)
    {
        var p = PredictProbabilities(features);
        int best = 0;
        for (int i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
        return (Labels[best], p[best]);
    }

    /// <summary>Saves the ML.NET model (a zip that holds its input schema and label mapping).</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<Input>(), _inputSchema).Schema;
        _ml.Model.Save(_model, schema, path);
    }

    /// <exception cref="InvalidModelException">The file is missing or not a saved classifier.</exception>
    public static SentenceClassifier Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidModelException(path, "classifier model not found");
        var ml = new MLContext();
        ITransformer model;
        DataViewSchema schema;
        try { model = ml.Model.Load(path, out schema); }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or IOException or InvalidDataException or System.Runtime.Serialization.SerializationException)
        { throw new InvalidModelException(path, $"not a saved classifier: {ex.Message}", ex); }
        if (schema.GetColumnOrNull(nameof(Input.Features)) is not { Type: VectorDataViewType { Size: > 0 } vector })
            throw new InvalidModelException(path, "not a saved classifier: no fixed-size Features column");
        var output = model.GetOutputSchema(schema);
        if (output.GetColumnOrNull("Score") is not { } score)
            throw new InvalidModelException(path, "not a saved classifier: no Score column");
        VBuffer<ReadOnlyMemory<char>> names = default;
        score.GetSlotNames(ref names);
        var labels = names.DenseValues().Select(n => n.ToString()).ToImmutableArray();
        return new SentenceClassifier(ml, model, vector.Size, labels);
    }

    private static SchemaDefinition InputSchema(int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(Input));
        schema[nameof(Input.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        return schema;
    }
}
