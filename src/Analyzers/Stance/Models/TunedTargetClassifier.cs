using System.Collections.Immutable;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Pipeline.Learning;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Neural;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance.Models;

/// <summary>One training example of a <see cref="TunedTargetClassifier"/>: the sentence's states below the tuned layer, its target positions, its class.</summary>
public sealed record TunedExample(float[] States, int[] Targets, int Label);

/// <summary>
/// Target-dependent stance from the text encoder with its last layer trained for the task: the
/// states of the layer below (from the ONNX model, frozen) plus a learned marker vector at the
/// target's pieces, so that the tuned layer knows which name the sentence is judged for; the
/// tuned layer's outputs at [CLS] and the target's pieces (averaged) feed a softmax head. The
/// layer starts from the checkpoint's own weights and computes only those positions.
/// Thread-safe for prediction.
/// </summary>
/// <remarks>
/// File format (little-endian): "PTTC", int32 version, the encoder id below the layer
/// (length-prefixed UTF-8), the labels (count, then length-prefixed UTF-8), int32 dim, heads,
/// feed-forward; float32 layer parameters, marker[dim], head weights[2·dim × classes], head biases[classes].
/// </remarks>
public sealed class TunedTargetClassifier
{
    private const uint Magic = 0x43545450; // "PTTC"
    private const int Version = 1;
    private readonly TransformerLayer _layer;
    private readonly float[] _marker, _head, _bias;

    private TunedTargetClassifier(string inputEncoder, ImmutableArray<string> labels, TransformerLayer layer, float[] marker, float[] head, float[] bias)
    {
        InputEncoder = inputEncoder;
        Labels = labels;
        _layer = layer;
        _marker = marker;
        _head = head;
        _bias = bias;
    }

    /// <summary>The encoder model id whose states the tuned layer reads (the checkpoint's layer below it).</summary>
    public string InputEncoder { get; }
    public ImmutableArray<string> Labels { get; }
    public int Dim => _layer.Dim;

    /// <summary>The encoder id for the states below the tuned layer of a checkpoint.</summary>
    public static string InputEncoderFor(MiniLmCheckpoint checkpoint) => TunedEncoderLayer.InputEncoderFor(checkpoint);

    /// <summary>
    /// The positions (in the states: [CLS] is 0) of the pieces that overlap <paramref name="targets"/>;
    /// empty when the window cut them off.
    /// </summary>
    public static int[] TargetPositions(IReadOnlyList<WordPiece> pieces, IEnumerable<TextSpan> targets)
    {
        var positions = new SortedSet<int>();
        foreach (var t in targets)
            for (int i = 0; i < pieces.Count; i++)
                if (pieces[i].Start < t.End && pieces[i].End > t.Start) positions.Add(i + 1);
        return [.. positions];
    }

    /// <summary>Writes the probabilities of <see cref="Labels"/> for a target in a sentence.</summary>
    public void Predict(float[] states, int[] targets, Span<float> probabilities)
    {
        var (_, features) = Run(_layer, _marker, states, targets);
        Head(features, probabilities);
    }

    private void Head(ReadOnlySpan<float> features, Span<float> p)
    {
        int classes = Labels.Length;
        _bias.CopyTo(p);
        for (int k = 0; k < features.Length; k++)
            TensorPrimitives.MultiplyAdd(_head.AsSpan(k * classes, classes), features[k], p[..classes], p[..classes]);
        TensorPrimitives.SoftMax(p[..classes], p[..classes]);
    }

    /// <summary>The layer's pass over the marked states, and the head's inputs: the output at [CLS], then the targets' mean output.</summary>
    private static (TransformerLayer.Pass Pass, float[] Features) Run(TransformerLayer layer, float[] marker, float[] states, int[] targets)
    {
        int d = layer.Dim;
        var x = (float[])states.Clone();
        foreach (int t in targets) TensorPrimitives.Add(x.AsSpan(t * d, d), marker, x.AsSpan(t * d, d));
        int[] queries = [0, .. targets];
        var pass = layer.Forward(x, queries);
        var features = new float[2 * d];
        var y = pass.Output;
        y[..d].CopyTo(features);
        var mean = features.AsSpan(d, d);
        if (targets.Length == 0) y[..d].CopyTo(mean); // the target was cut off: [CLS] stands for it
        else
        {
            for (int i = 1; i < queries.Length; i++) TensorPrimitives.Add(mean, y.Slice(i * d, d), mean);
            TensorPrimitives.Divide(mean, targets.Length, mean);
        }
        return (pass, features);
    }

    /// <summary>Fine-tunes the checkpoint's last layer, a target marker and a softmax head on the examples.</summary>
    public static TunedTargetClassifier Train(IReadOnlyList<TunedExample> examples, ImmutableArray<string> labels, MiniLmCheckpoint checkpoint,
        TuningOptions options, IRunLog? log = null, Action<int, TunedTargetClassifier>? afterEpoch = null, CancellationToken cancellationToken = default)
    {
        if (examples.Count == 0) throw new ArgumentException("no training examples", nameof(examples));
        var layer = TunedEncoderLayer.Load(checkpoint);
        int d = layer.Dim, classes = labels.Length;
        var rng = new Random(options.Seed);
        var model = new TunedTargetClassifier(InputEncoderFor(checkpoint), labels, layer, new float[d],
            Enumerable.Range(0, 2 * d * classes).Select(_ => (rng.NextSingle() * 2 - 1) * 0.02f).ToArray(), new float[classes]);
        // One parameter vector for Adam: the layer's, then the marker, head and biases.
        int layerCount = layer.ParameterCount, total = layerCount + d + 2 * d * classes + classes;
        var threads = Enumerable.Range(0, Math.Max(1, options.Threads)).Select(_ => new float[total]).ToArray();
        var adam = new AdamW(total);
        var segments = model.Segments(layerCount);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        int steps = options.Epochs * ((examples.Count + options.BatchSize - 1) / options.BatchSize), step = 0;
        float keep = 1f - options.Dropout;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            double loss = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int end = Math.Min(order.Length, start + options.BatchSize);
                var masks = new float[end - start][];
                for (int i = 0; i < masks.Length; i++)
                    masks[i] = Enumerable.Range(0, 2 * d).Select(_ => rng.NextSingle() < keep ? 1f / keep : 0f).ToArray();
                var losses = new double[threads.Length];
                Parallel.For(0, threads.Length, new ParallelOptions { MaxDegreeOfParallelism = threads.Length }, t =>
                {
                    var g = threads[t];
                    Array.Clear(g);
                    for (int i = start + t; i < end; i += threads.Length)
                        losses[t] += model.Accumulate(examples[order[i]], masks[i - start], g, layerCount);
                });
                loss += losses.Sum();
                step++;
                adam.Step(segments, threads, end - start, step, steps, options.LearningRate, options.WeightDecay);
            }
            log?.Info($"stance: tuned layer epoch {epoch}: training loss {loss / examples.Count:F4} ({clock.Elapsed.TotalSeconds:F0} s)");
            afterEpoch?.Invoke(epoch, model);
        }
        return model;
    }

    /// <summary>Adds one example's gradients into <paramref name="g"/>; returns its loss.</summary>
    private double Accumulate(TunedExample example, float[] mask, float[] g, int layerCount)
    {
        int d = Dim, classes = Labels.Length;
        var (pass, features) = Run(_layer, _marker, example.States, example.Targets);
        TensorPrimitives.Multiply(features, mask, features);
        Span<float> p = stackalloc float[classes];
        Head(features, p);
        double loss = -Math.Log(Math.Max(p[example.Label], 1e-12f));
        p[example.Label] -= 1f; // d loss / d logits
        int headAt = layerCount + d, biasAt = headAt + 2 * d * classes;
        var dFeatures = new float[2 * d];
        for (int k = 0; k < features.Length; k++)
        {
            var row = _head.AsSpan(k * classes, classes);
            dFeatures[k] = TensorPrimitives.Dot(row, p) * mask[k];
            TensorPrimitives.MultiplyAdd(p, features[k], g.AsSpan(headAt + k * classes, classes), g.AsSpan(headAt + k * classes, classes));
        }
        TensorPrimitives.Add(g.AsSpan(biasAt, classes), p, g.AsSpan(biasAt, classes));
        int m = 1 + example.Targets.Length;
        var dy = new float[m * d];
        dFeatures.AsSpan(0, d).CopyTo(dy);
        if (example.Targets.Length == 0) TensorPrimitives.Add(dy.AsSpan(0, d), dFeatures.AsSpan(d, d), dy.AsSpan(0, d));
        else
            for (int i = 1; i < m; i++) TensorPrimitives.Multiply(dFeatures.AsSpan(d, d), 1f / example.Targets.Length, dy.AsSpan(i * d, d));
        var dx = _layer.Backward(pass, dy, g);
        foreach (int t in example.Targets)
            TensorPrimitives.Add(g.AsSpan(layerCount, d), dx.AsSpan(t * d, d), g.AsSpan(layerCount, d));
        return loss;
    }

    /// <summary>The trained arrays, laid out in the gradient as the layer's parameters, then the marker, head and biases.</summary>
    private List<AdamW.Segment> Segments(int layerCount)
    {
        var segments = _layer.Blocks().Select(b => new AdamW.Segment(_layer.Parameters, b.Offset, b.Length, b.Offset, 1f, b.Matrix)).ToList();
        // The head and the marker start from nothing learned: they learn faster than the pretrained layer.
        segments.Add(new(_marker, 0, _marker.Length, layerCount, 20f, false));
        segments.Add(new(_head, 0, _head.Length, layerCount + _marker.Length, 20f, true));
        segments.Add(new(_bias, 0, _bias.Length, layerCount + _marker.Length + _head.Length, 20f, false));
        return segments;
    }

    public void Save(string path)
    {
        using var w = TunedModelHeader.Create(path, Magic, Version, InputEncoder, Labels, _layer);
        foreach (var array in new[] { _layer.Parameters, _marker, _head, _bias })
            w.Write(MemoryMarshal.AsBytes(array.AsSpan()));
    }

    /// <exception cref="InvalidModelException">The file is missing or not a tuned classifier.</exception>
    public static TunedTargetClassifier Load(string path)
    {
        var (r, encoder, labels, dim, heads, ff) = TunedModelHeader.Open(path, Magic, Version, "tuned target classifier");
        int classes = labels.Length;
        var layer = new TransformerLayer(dim, heads, ff);
        r.Floats(layer.ParameterCount).CopyTo(layer.Parameters, 0);
        var marker = r.Floats(dim);
        var head = r.Floats(2L * dim * classes);
        var bias = r.Floats(classes);
        r.End();
        return new TunedTargetClassifier(encoder, labels, layer, marker, head, bias);
    }
}
