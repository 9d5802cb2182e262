using System.Numerics.Tensors;

namespace Pipeline.Learning.Neural;

/// <summary>
/// One BERT encoder layer (multi-head self-attention, then a feed-forward block, each with a
/// residual connection and layer normalisation; GELU with erf) whose weights can be trained.
/// It computes the outputs of chosen query positions only: every position is a key and a value,
/// but a classifier that reads a few positions (a target's pieces, [CLS]) needs no more, which
/// makes training on a CPU several times cheaper than running the whole layer.
/// </summary>
/// <remarks>
/// All parameters live in one array (<see cref="Parameters"/>) in this order: query, key, value and
/// attention-output weights (each dim × dim, input-major as ONNX MatMul stores them) with their
/// biases, the first layer norm's gain and bias, the feed-forward weights (dim × ff, ff × dim) with
/// their biases, the second layer norm's gain and bias.
/// </remarks>
public sealed class TransformerLayer
{
    private const float NormEpsilon = 1e-12f;

    public TransformerLayer(int dim, int heads, int feedForward, float[]? parameters = null)
    {
        if (dim < 1 || heads < 1 || dim % heads != 0 || feedForward < 1) throw new ArgumentException("dim must be a positive multiple of heads");
        Dim = dim;
        Heads = heads;
        FeedForward = feedForward;
        int d = dim, f = feedForward, o = 0;
        int Take(int length) { int at = o; o += length; return at; }
        Wq = Take(d * d); Bq = Take(d); Wk = Take(d * d); Bk = Take(d); Wv = Take(d * d); Bv = Take(d);
        Wo = Take(d * d); Bo = Take(d); G1 = Take(d); Be1 = Take(d);
        W1 = Take(d * f); B1 = Take(f); W2 = Take(f * d); B2 = Take(d); G2 = Take(d); Be2 = Take(d);
        ParameterCount = o;
        Parameters = parameters ?? new float[o];
        if (Parameters.Length != o) throw new ArgumentException($"a layer of this shape has {o} parameters; got {Parameters.Length}");
    }

    public int Dim { get; }
    public int Heads { get; }
    public int FeedForward { get; }
    public int ParameterCount { get; }
    public float[] Parameters { get; }

    // Offsets of each parameter block in Parameters.
    public int Wq { get; } public int Bq { get; } public int Wk { get; } public int Bk { get; }
    public int Wv { get; } public int Bv { get; } public int Wo { get; } public int Bo { get; }
    public int G1 { get; } public int Be1 { get; } public int W1 { get; } public int B1 { get; }
    public int W2 { get; } public int B2 { get; } public int G2 { get; } public int Be2 { get; }

    /// <summary>
    /// The trained weights of encoder layer <paramref name="layer"/> (0-based) of a BERT-style ONNX
    /// graph as Hugging Face exports it: biases and norms are named "encoder.layer.{k}.…"; each
    /// weight matrix is the MatMul input whose output the named bias is added to.
    /// </summary>
    /// <exception cref="InvalidDataException">The graph lacks one of the layer's tensors.</exception>
    public static TransformerLayer FromOnnx(Encoders.OnnxGraph graph, int layer, int heads)
    {
        var tensors = OnnxTensors(graph, layer, out int dim, out int ff);
        var result = new TransformerLayer(dim, heads, ff);
        foreach (var (tensor, offset, length) in tensors)
        {
            if (tensor.Values.Length != length) throw new InvalidDataException($"ONNX tensor {tensor.Name} has {tensor.Values.Length} values; expected {length}");
            tensor.Values.CopyTo(result.Parameters, offset);
        }
        return result;
    }

    /// <summary>
    /// The ONNX initializers of encoder layer <paramref name="layer"/> (0-based) and where each sits in
    /// <see cref="Parameters"/>: the same layout both ways, so tuned parameters can be written back.
    /// </summary>
    public static IReadOnlyList<(Encoders.OnnxTensor Tensor, int Offset, int Length)> OnnxTensors(Encoders.OnnxGraph graph, int layer, out int dim, out int ff)
    {
        string prefix = $"encoder.layer.{layer}.";
        OnnxTensorLookup find = name => graph.Initializers.TryGetValue(prefix + name, out var t) ? t
            : throw new InvalidDataException($"ONNX graph has no tensor {prefix + name}");
        var producers = new Dictionary<string, Encoders.OnnxNode>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
            foreach (var output in node.Outputs) producers[output] = node;
        Encoders.OnnxTensor WeightBefore(string biasName)
        {
            string bias = prefix + biasName;
            var add = graph.Nodes.FirstOrDefault(n => n.OpType == "Add" && n.Inputs.Contains(bias))
                ?? throw new InvalidDataException($"ONNX graph adds {bias} nowhere");
            foreach (var input in add.Inputs)
                if (producers.TryGetValue(input, out var matMul) && matMul.OpType == "MatMul"
                    && graph.Initializers.TryGetValue(matMul.Inputs[1], out var weights))
                    return weights;
            throw new InvalidDataException($"ONNX graph: no weight matrix before {bias}");
        }
        int d = dim = find("attention.self.query.bias").Values.Length, f = ff = find("intermediate.dense.bias").Values.Length;
        var layout = new TransformerLayer(d, 1, f); // offsets only
        var tensors = new List<(Encoders.OnnxTensor, int, int)>();
        string[] biases = ["attention.self.query.bias", "attention.self.key.bias", "attention.self.value.bias", "attention.output.dense.bias"];
        int[] offsets = [layout.Wq, layout.Wk, layout.Wv, layout.Wo];
        for (int i = 0; i < biases.Length; i++)
        {
            tensors.Add((WeightBefore(biases[i]), offsets[i], d * d));
            tensors.Add((find(biases[i]), offsets[i] + d * d, d)); // each bias follows its matrix
        }
        tensors.Add((find("attention.output.LayerNorm.weight"), layout.G1, d));
        tensors.Add((find("attention.output.LayerNorm.bias"), layout.Be1, d));
        tensors.Add((WeightBefore("intermediate.dense.bias"), layout.W1, d * f));
        tensors.Add((find("intermediate.dense.bias"), layout.B1, f));
        tensors.Add((WeightBefore("output.dense.bias"), layout.W2, f * d));
        tensors.Add((find("output.dense.bias"), layout.B2, d));
        tensors.Add((find("output.LayerNorm.weight"), layout.G2, d));
        tensors.Add((find("output.LayerNorm.bias"), layout.Be2, d));
        return tensors;
    }

    private delegate Encoders.OnnxTensor OnnxTensorLookup(string name);

    /// <summary>Whether an offset is a weight matrix (weight decay applies) rather than a bias or a norm's gain.</summary>
    public IEnumerable<(int Offset, int Length, bool Matrix)> Blocks()
    {
        int d = Dim, f = FeedForward;
        return
        [
            (Wq, d * d, true), (Bq, d, false), (Wk, d * d, true), (Bk, d, false), (Wv, d * d, true), (Bv, d, false),
            (Wo, d * d, true), (Bo, d, false), (G1, d, false), (Be1, d, false),
            (W1, d * f, true), (B1, f, false), (W2, f * d, true), (B2, d, false), (G2, d, false), (Be2, d, false),
        ];
    }

    /// <summary>What a forward pass keeps for its backward pass.</summary>
    public sealed class Pass
    {
        internal float[] X = [], Xq = [], Q = [], K = [], V = [], P = [], C = [], A = [], H1 = [], U = [], F = [], B = [], Y = [];
        internal float[] Mean1 = [], InvStd1 = [], Mean2 = [], InvStd2 = [];
        internal int[] Queries = [];
        internal int N;
        /// <summary>Outputs of the query positions (queries × dim).</summary>
        public ReadOnlySpan<float> Output => Y;
    }

    /// <summary>
    /// Runs the layer over <paramref name="x"/> (positions × dim, all of them keys and values) and
    /// returns the outputs at <paramref name="queries"/>, with what the backward pass needs.
    /// </summary>
    public Pass Forward(float[] x, int[] queries)
    {
        int d = Dim, n = x.Length / d, m = queries.Length, f = FeedForward;
        var w = Parameters;
        var pass = new Pass { X = x, N = n, Queries = queries };
        pass.Xq = new float[m * d];
        for (int i = 0; i < m; i++) x.AsSpan(queries[i] * d, d).CopyTo(pass.Xq.AsSpan(i * d, d));
        pass.Q = Linear(pass.Xq, m, d, d, w.AsSpan(Wq, d * d), w.AsSpan(Bq, d));
        pass.K = Linear(x, n, d, d, w.AsSpan(Wk, d * d), w.AsSpan(Bk, d));
        pass.V = Linear(x, n, d, d, w.AsSpan(Wv, d * d), w.AsSpan(Bv, d));
        int hd = d / Heads;
        float scale = 1f / MathF.Sqrt(hd);
        pass.P = new float[Heads * m * n];
        pass.C = new float[m * d];
        for (int h = 0; h < Heads; h++)
            for (int i = 0; i < m; i++)
            {
                var p = pass.P.AsSpan((h * m + i) * n, n);
                var q = pass.Q.AsSpan(i * d + h * hd, hd);
                for (int j = 0; j < n; j++) p[j] = TensorPrimitives.Dot(q, pass.K.AsSpan(j * d + h * hd, hd)) * scale;
                TensorPrimitives.SoftMax(p, p);
                var c = pass.C.AsSpan(i * d + h * hd, hd);
                for (int j = 0; j < n; j++) TensorPrimitives.MultiplyAdd(pass.V.AsSpan(j * d + h * hd, hd), p[j], c, c);
            }
        pass.A = Linear(pass.C, m, d, d, w.AsSpan(Wo, d * d), w.AsSpan(Bo, d));
        TensorPrimitives.Add(pass.A, pass.Xq, pass.A);
        (pass.H1, pass.Mean1, pass.InvStd1) = Norm(pass.A, m, d, w.AsSpan(G1, d), w.AsSpan(Be1, d));
        pass.U = Linear(pass.H1, m, d, f, w.AsSpan(W1, d * f), w.AsSpan(B1, f));
        pass.F = new float[pass.U.Length];
        for (int k = 0; k < pass.U.Length; k++) pass.F[k] = Gelu(pass.U[k]);
        pass.B = Linear(pass.F, m, f, d, w.AsSpan(W2, f * d), w.AsSpan(B2, d));
        TensorPrimitives.Add(pass.B, pass.H1, pass.B);
        (pass.Y, pass.Mean2, pass.InvStd2) = Norm(pass.B, m, d, w.AsSpan(G2, d), w.AsSpan(Be2, d));
        return pass;
    }

    /// <summary>
    /// Adds the gradients of the parameters into <paramref name="grad"/> (laid out as
    /// <see cref="Parameters"/>) for the output gradient <paramref name="dy"/> (queries × dim), and
    /// returns the gradient of the input (positions × dim).
    /// </summary>
    public float[] Backward(Pass pass, ReadOnlySpan<float> dy, Span<float> grad)
    {
        int d = Dim, n = pass.N, m = pass.Queries.Length, f = FeedForward, hd = d / Heads;
        var w = Parameters;
        var dB = NormBackward(pass.B, dy, m, d, pass.Mean2, pass.InvStd2, w.AsSpan(G2, d), grad.Slice(G2, d), grad.Slice(Be2, d));
        var dF = LinearBackward(pass.F, m, f, d, w.AsSpan(W2, f * d), dB, grad.Slice(W2, f * d), grad.Slice(B2, d));
        for (int k = 0; k < dF.Length; k++) dF[k] *= GeluDerivative(pass.U[k]);
        var dH1 = LinearBackward(pass.H1, m, d, f, w.AsSpan(W1, d * f), dF, grad.Slice(W1, d * f), grad.Slice(B1, f));
        TensorPrimitives.Add(dH1, dB, dH1);
        var dA = NormBackward(pass.A, dH1, m, d, pass.Mean1, pass.InvStd1, w.AsSpan(G1, d), grad.Slice(G1, d), grad.Slice(Be1, d));
        var dC = LinearBackward(pass.C, m, d, d, w.AsSpan(Wo, d * d), dA, grad.Slice(Wo, d * d), grad.Slice(Bo, d));
        var dXq = (float[])dA.Clone(); // the residual
        var dQ = new float[m * d];
        var dK = new float[n * d];
        var dV = new float[n * d];
        var dp = new float[n];
        float scale = 1f / MathF.Sqrt(hd);
        for (int h = 0; h < Heads; h++)
            for (int i = 0; i < m; i++)
            {
                var p = pass.P.AsSpan((h * m + i) * n, n);
                var dc = dC.AsSpan(i * d + h * hd, hd);
                for (int j = 0; j < n; j++)
                {
                    dp[j] = TensorPrimitives.Dot(dc, pass.V.AsSpan(j * d + h * hd, hd));
                    TensorPrimitives.MultiplyAdd(dc, p[j], dV.AsSpan(j * d + h * hd, hd), dV.AsSpan(j * d + h * hd, hd));
                }
                float mean = TensorPrimitives.Dot(p, dp.AsSpan(0, n));
                var q = pass.Q.AsSpan(i * d + h * hd, hd);
                var dq = dQ.AsSpan(i * d + h * hd, hd);
                for (int j = 0; j < n; j++)
                {
                    float ds = p[j] * (dp[j] - mean) * scale;
                    if (ds == 0) continue;
                    TensorPrimitives.MultiplyAdd(pass.K.AsSpan(j * d + h * hd, hd), ds, dq, dq);
                    TensorPrimitives.MultiplyAdd(q, ds, dK.AsSpan(j * d + h * hd, hd), dK.AsSpan(j * d + h * hd, hd));
                }
            }
        var dXqFromQ = LinearBackward(pass.Xq, m, d, d, w.AsSpan(Wq, d * d), dQ, grad.Slice(Wq, d * d), grad.Slice(Bq, d));
        TensorPrimitives.Add(dXq, dXqFromQ, dXq);
        var dX = LinearBackward(pass.X, n, d, d, w.AsSpan(Wk, d * d), dK, grad.Slice(Wk, d * d), grad.Slice(Bk, d));
        var dXFromV = LinearBackward(pass.X, n, d, d, w.AsSpan(Wv, d * d), dV, grad.Slice(Wv, d * d), grad.Slice(Bv, d));
        TensorPrimitives.Add(dX, dXFromV, dX);
        for (int i = 0; i < m; i++)
        {
            var row = dX.AsSpan(pass.Queries[i] * d, d);
            TensorPrimitives.Add(row, dXq.AsSpan(i * d, d), row);
        }
        return dX;
    }

    /// <summary>y = x·W + b for <paramref name="rows"/> rows; W is input-major (in × out).</summary>
    private static float[] Linear(ReadOnlySpan<float> x, int rows, int inputs, int outputs, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias)
    {
        var y = new float[rows * outputs];
        for (int r = 0; r < rows; r++)
        {
            var yr = y.AsSpan(r * outputs, outputs);
            bias.CopyTo(yr);
            var xr = x.Slice(r * inputs, inputs);
            for (int k = 0; k < inputs; k++)
                if (xr[k] != 0) TensorPrimitives.MultiplyAdd(weights.Slice(k * outputs, outputs), xr[k], yr, yr);
        }
        return y;
    }

    /// <summary>Adds dW and db; returns dx.</summary>
    private static float[] LinearBackward(ReadOnlySpan<float> x, int rows, int inputs, int outputs, ReadOnlySpan<float> weights,
        ReadOnlySpan<float> dy, Span<float> dWeights, Span<float> dBias)
    {
        var dx = new float[rows * inputs];
        for (int r = 0; r < rows; r++)
        {
            var dyr = dy.Slice(r * outputs, outputs);
            TensorPrimitives.Add(dBias, dyr, dBias);
            var xr = x.Slice(r * inputs, inputs);
            for (int k = 0; k < inputs; k++)
            {
                var wk = weights.Slice(k * outputs, outputs);
                dx[r * inputs + k] = TensorPrimitives.Dot(dyr, wk);
                if (xr[k] != 0)
                {
                    var dwk = dWeights.Slice(k * outputs, outputs);
                    TensorPrimitives.MultiplyAdd(dyr, xr[k], dwk, dwk);
                }
            }
        }
        return dx;
    }

    private static (float[] Y, float[] Mean, float[] InvStd) Norm(float[] x, int rows, int d, ReadOnlySpan<float> gain, ReadOnlySpan<float> bias)
    {
        var y = new float[x.Length];
        var means = new float[rows];
        var invStds = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            var xr = x.AsSpan(r * d, d);
            var yr = y.AsSpan(r * d, d);
            float mean = TensorPrimitives.Sum<float>(xr) / d;
            TensorPrimitives.Subtract(xr, mean, yr);
            float variance = TensorPrimitives.SumOfSquares<float>(yr) / d;
            float invStd = 1f / MathF.Sqrt(variance + NormEpsilon);
            TensorPrimitives.Multiply(yr, invStd, yr);
            TensorPrimitives.Multiply(yr, gain, yr);
            TensorPrimitives.Add(yr, bias, yr);
            means[r] = mean;
            invStds[r] = invStd;
        }
        return (y, means, invStds);
    }

    private static float[] NormBackward(float[] x, ReadOnlySpan<float> dy, int rows, int d, float[] means, float[] invStds,
        ReadOnlySpan<float> gain, Span<float> dGain, Span<float> dBias)
    {
        var dx = new float[x.Length];
        Span<float> xhat = new float[d];
        Span<float> dxhat = new float[d];
        for (int r = 0; r < rows; r++)
        {
            var dyr = dy.Slice(r * d, d);
            TensorPrimitives.Subtract(x.AsSpan(r * d, d), means[r], xhat);
            TensorPrimitives.Multiply(xhat, invStds[r], xhat);
            TensorPrimitives.Add(dBias, dyr, dBias);
            TensorPrimitives.MultiplyAdd(xhat, dyr, dGain, dGain);
            TensorPrimitives.Multiply(dyr, gain, dxhat);
            float meanDxhat = TensorPrimitives.Sum<float>(dxhat) / d, meanDxhatXhat = TensorPrimitives.Dot<float>(dxhat, xhat) / d;
            var dxr = dx.AsSpan(r * d, d);
            for (int k = 0; k < d; k++) dxr[k] = invStds[r] * (dxhat[k] - meanDxhat - xhat[k] * meanDxhatXhat);
        }
        return dx;
    }

    private static float Gelu(float x) => 0.5f * x * (1f + Erf(x * 0.70710678f));

    private static float GeluDerivative(float x) =>
        0.5f * (1f + Erf(x * 0.70710678f)) + x * 0.39894228f * MathF.Exp(-0.5f * x * x);

    /// <summary>The error function (Abramowitz and Stegun 7.1.26; absolute error under 1.5e-7).</summary>
    private static float Erf(float x)
    {
        float sign = x < 0 ? -1f : 1f;
        double a = Math.Abs(x), t = 1 / (1 + 0.3275911 * a);
        double y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-a * a);
        return sign * (float)y;
    }
}
