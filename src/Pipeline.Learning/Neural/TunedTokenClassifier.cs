using System.Collections.Immutable;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Pipeline.Learning.Encoders;
using Pipeline.Sdk;

namespace Pipeline.Learning.Neural;

/// <summary>One training example of a <see cref="TunedTokenClassifier"/>: a text's states below the tuned layers, the positions to classify and their classes.</summary>
public sealed record TunedTokenExample(float[] States, int[] Positions, int[] Labels);

/// <summary>
/// A token classifier from the text encoder with its last layers trained for the task (as BERT is
/// fine-tuned for tagging): the frozen states of the layer below them (from the ONNX model) go
/// through the tuned layers, and a softmax head reads the top one's output at each classified
/// position. The layers start from the checkpoint's own weights; the top one computes only the
/// classified positions.
/// Thread-safe for prediction.
/// </summary>
/// <remarks>
/// File format (little-endian): "PTTK", int32 version, the encoder id below the layers
/// (length-prefixed UTF-8), the labels (count, then length-prefixed UTF-8), int32 dim, heads,
/// feed-forward, layer count; float32 parameters of each layer (lowest first), head weights[dim × classes], head biases[classes].
/// </remarks>
public sealed class TunedTokenClassifier
{
    private const uint Magic = 0x4B545450; // "PTTK"
    private const int Version = 1;
    private const string Kind = "tuned token classifier";

    private readonly TransformerLayer[] _layers;
    private readonly float[] _head, _bias;

    private TunedTokenClassifier(string inputEncoder, ImmutableArray<string> labels, TransformerLayer[] layers, float[] head, float[] bias)
    {
        InputEncoder = inputEncoder;
        Labels = labels;
        _layers = layers;
        _head = head;
        _bias = bias;
    }

    /// <summary>The encoder model id whose states the tuned layers read (the checkpoint's layer below them).</summary>
    public string InputEncoder { get; }
    public ImmutableArray<string> Labels { get; }
    /// <summary>How many encoder layers were tuned.</summary>
    public int LayerCount => _layers.Length;
    private TransformerLayer Top => _layers[^1];

    /// <summary>The probabilities of <see cref="Labels"/> at each of <paramref name="positions"/> (positions × classes).</summary>
    public float[] Predict(float[] states, int[] positions)
    {
        int classes = Labels.Length;
        var probabilities = new float[positions.Length * classes];
        if (positions.Length == 0) return probabilities;
        var (_, top) = Forward(states, positions);
        var y = top.Output;
        for (int i = 0; i < positions.Length; i++)
            Head(y.Slice(i * Top.Dim, Top.Dim), probabilities.AsSpan(i * classes, classes));
        return probabilities;
    }

    /// <summary>
    /// The tuned layers run by ONNX Runtime (the checkpoint's layers above <see cref="InputEncoder"/>'s,
    /// with the tuned weights in place of its own): from the states below
    /// (<see cref="MiniLmEncoder.StatesAbove"/>) it gives the top tuned layer's output at every
    /// position, for <see cref="PredictFromTop"/>. Faster than <see cref="Predict"/>, whose layers run
    /// in our code; for inference only. Classifiers that read the same encoder below share its states.
    /// </summary>
    /// <param name="int8">Multiply by the weights in 8-bit integers (<see cref="MiniLmOptions.Int8"/>).</param>
    public MiniLmEncoder CreateOnnxEncoder(int intraOpThreads = 1, bool int8 = false)
    {
        var checkpoint = MiniLmCheckpoint.ForModelId(InputEncoder)
            ?? throw new InvalidOperationException($"the tuned layers read {InputEncoder}, which is not a MiniLM checkpoint");
        var graph = OnnxGraph.Read(checkpoint.ModelBytes());
        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (int l = 0; l < _layers.Length; l++)
            foreach (var (tensor, offset, length) in TransformerLayer.OnnxTensors(graph, TunedEncoderLayer.Index + 1 - _layers.Length + l, out _, out _))
                weights[tensor.Name] = _layers[l].Parameters.AsSpan(offset, length).ToArray();
        return new MiniLmEncoder(new MiniLmOptions
        {
            Checkpoint = checkpoint, Weights = weights, IntraOpThreads = intraOpThreads, InputLayer = MiniLmEncoder.LastLayer - _layers.Length, Int8 = int8,
        });
    }

    /// <summary>The probabilities of <see cref="Labels"/> at each of <paramref name="positions"/> from the top tuned layer's states (<see cref="CreateOnnxEncoder"/>).</summary>
    public float[] PredictFromTop(float[] topStates, int[] positions)
    {
        int classes = Labels.Length, d = Top.Dim;
        var probabilities = new float[positions.Length * classes];
        for (int i = 0; i < positions.Length; i++)
            Head(topStates.AsSpan(positions[i] * d, d), probabilities.AsSpan(i * classes, classes));
        return probabilities;
    }

    /// <summary>The lower layers' passes over every position, and the top layer's over <paramref name="positions"/>.</summary>
    private (TransformerLayer.Pass[] Lower, TransformerLayer.Pass Top) Forward(float[] states, int[] positions)
    {
        var lower = new TransformerLayer.Pass[_layers.Length - 1];
        var x = states;
        if (lower.Length > 0)
        {
            int[] all = [.. Enumerable.Range(0, states.Length / Top.Dim)];
            for (int l = 0; l < lower.Length; l++)
            {
                lower[l] = _layers[l].Forward(x, all);
                x = lower[l].Output.ToArray();
            }
        }
        return (lower, Top.Forward(x, positions));
    }

    private void Head(ReadOnlySpan<float> features, Span<float> p)
    {
        int classes = Labels.Length;
        _bias.CopyTo(p);
        for (int k = 0; k < features.Length; k++)
            TensorPrimitives.MultiplyAdd(_head.AsSpan(k * classes, classes), features[k], p, p);
        TensorPrimitives.SoftMax(p, p);
    }

    /// <summary>Fine-tunes the checkpoint's last <paramref name="layers"/> layers and a softmax head on the examples (states below those layers).</summary>
    /// <param name="afterEpoch">Called after each epoch with the model so far (e.g. to score a dev set).</param>
    public static TunedTokenClassifier Train(IReadOnlyList<TunedTokenExample> examples, ImmutableArray<string> labels, MiniLmCheckpoint checkpoint,
        TuningOptions options, IRunLog? log = null, Action<int, TunedTokenClassifier>? afterEpoch = null, CancellationToken cancellationToken = default,
        int layers = 1)
    {
        if (examples.Count == 0) throw new ArgumentException("no training examples", nameof(examples));
        var tuned = TunedEncoderLayer.Load(checkpoint, layers);
        int d = tuned[0].Dim, classes = labels.Length;
        var rng = new Random(options.Seed);
        var model = new TunedTokenClassifier(TunedEncoderLayer.InputEncoderFor(checkpoint, layers), labels, tuned,
            Enumerable.Range(0, d * classes).Select(_ => (rng.NextSingle() * 2 - 1) * 0.02f).ToArray(), new float[classes]);
        int layerCount = tuned.Sum(l => l.ParameterCount), total = layerCount + d * classes + classes;
        var threads = Enumerable.Range(0, Math.Max(1, options.Threads)).Select(_ => new float[total]).ToArray();
        var adam = new AdamW(total);
        var segments = model.Segments(layerCount);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        int steps = options.Epochs * ((examples.Count + options.BatchSize - 1) / options.BatchSize), step = 0;
        long tokens = examples.Sum(e => (long)e.Positions.Length);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            double loss = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int end = Math.Min(order.Length, start + options.BatchSize), seed = rng.Next();
                var losses = new double[threads.Length];
                int batchTokens = 0;
                for (int i = start; i < end; i++) batchTokens += examples[order[i]].Positions.Length;
                Parallel.For(0, threads.Length, new ParallelOptions { MaxDegreeOfParallelism = threads.Length }, t =>
                {
                    var g = threads[t];
                    Array.Clear(g);
                    for (int i = start + t; i < end; i += threads.Length)
                        losses[t] += model.Accumulate(examples[order[i]], new Random(seed + i), options.Dropout, g, layerCount);
                });
                loss += losses.Sum();
                step++;
                // The loss is summed over tokens: average the gradient over the batch's tokens.
                adam.Step(segments, threads, Math.Max(1, batchTokens), step, steps, options.LearningRate, options.WeightDecay);
            }
            log?.Info($"tuned token classifier epoch {epoch}: training loss {loss / Math.Max(1, tokens):F4} per token ({clock.Elapsed.TotalSeconds:F0} s)");
            afterEpoch?.Invoke(epoch, model);
        }
        return model;
    }

    /// <summary>Adds one example's gradients into <paramref name="g"/>; returns its loss summed over its positions.</summary>
    private double Accumulate(TunedTokenExample example, Random rng, float dropout, float[] g, int layerCount)
    {
        int d = Top.Dim, classes = Labels.Length, m = example.Positions.Length;
        if (m == 0) return 0;
        var (lower, pass) = Forward(example.States, example.Positions);
        var y = pass.Output;
        float keep = 1f - dropout;
        var features = new float[d];
        var mask = new float[d];
        var dy = new float[m * d];
        Span<float> p = stackalloc float[classes];
        int headAt = layerCount, biasAt = headAt + d * classes;
        double loss = 0;
        for (int i = 0; i < m; i++)
        {
            for (int k = 0; k < d; k++) mask[k] = rng.NextSingle() < keep ? 1f / keep : 0f;
            TensorPrimitives.Multiply(y.Slice(i * d, d), mask, features);
            Head(features, p);
            int label = example.Labels[i];
            loss -= Math.Log(Math.Max(p[label], 1e-12f));
            p[label] -= 1f; // d loss / d logits
            var dyi = dy.AsSpan(i * d, d);
            for (int k = 0; k < d; k++)
            {
                dyi[k] = TensorPrimitives.Dot(_head.AsSpan(k * classes, classes), p) * mask[k];
                TensorPrimitives.MultiplyAdd(p, features[k], g.AsSpan(headAt + k * classes, classes), g.AsSpan(headAt + k * classes, classes));
            }
            TensorPrimitives.Add(g.AsSpan(biasAt, classes), p, g.AsSpan(biasAt, classes));
        }
        // Each layer's gradients sit after the lower layers' in g.
        int at = layerCount - Top.ParameterCount;
        var dx = Top.Backward(pass, dy, g.AsSpan(at, Top.ParameterCount));
        for (int l = lower.Length - 1; l >= 0; l--)
        {
            at -= _layers[l].ParameterCount;
            dx = _layers[l].Backward(lower[l], dx, g.AsSpan(at, _layers[l].ParameterCount));
        }
        return loss;
    }

    /// <summary>The trained arrays, laid out in the gradient as the layers' parameters (lowest first), then the head and biases.</summary>
    private List<AdamW.Segment> Segments(int layerCount)
    {
        var segments = new List<AdamW.Segment>();
        int at = 0;
        foreach (var layer in _layers)
        {
            segments.AddRange(layer.Blocks().Select(b => new AdamW.Segment(layer.Parameters, b.Offset, b.Length, at + b.Offset, 1f, b.Matrix)));
            at += layer.ParameterCount;
        }
        // The head starts from nothing learned: it learns faster than the pretrained layer.
        segments.Add(new(_head, 0, _head.Length, layerCount, 20f, true));
        segments.Add(new(_bias, 0, _bias.Length, layerCount + _head.Length, 20f, false));
        return segments;
    }

    public void Save(string path)
    {
        using var w = TunedModelHeader.Create(path, Magic, Version, InputEncoder, Labels, Top);
        w.Write(_layers.Length);
        foreach (var array in _layers.Select(l => l.Parameters).Append(_head).Append(_bias))
            w.Write(MemoryMarshal.AsBytes(array.AsSpan()));
    }

    /// <exception cref="InvalidModelException">The file is missing or not a tuned token classifier.</exception>
    public static TunedTokenClassifier Load(string path)
    {
        var (r, encoder, labels, dim, heads, ff) = TunedModelHeader.Open(path, Magic, Version, Kind);
        int count = r.Int(), classes = labels.Length;
        if (count is < 1 or > 48) throw r.Corrupt("corrupt layer count");
        var layers = new TransformerLayer[count];
        for (int l = 0; l < count; l++)
        {
            layers[l] = new TransformerLayer(dim, heads, ff);
            r.Floats(layers[l].ParameterCount).CopyTo(layers[l].Parameters, 0);
        }
        var head = r.Floats((long)dim * classes);
        var bias = r.Floats(classes);
        r.End();
        return new TunedTokenClassifier(encoder, labels, layers, head, bias);
    }
}
