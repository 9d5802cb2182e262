using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Pipeline.Learning.Encoders;

/// <summary>One node of an ONNX graph: its operator, inputs and outputs (tensor names).</summary>
public sealed record OnnxNode(string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs);

/// <summary>A constant tensor of an ONNX graph (float32 only): its shape and values.</summary>
public sealed record OnnxTensor(string Name, long[] Shape, float[] Values);

/// <summary>
/// The nodes (in graph order) and float initializers of an ONNX model, read straight from its
/// protocol-buffer encoding (ModelProto.graph = 7; GraphProto.node = 1, initializer = 5;
/// NodeProto.input = 1, output = 2, op_type = 4; TensorProto.dims = 1, data_type = 2,
/// float_data = 4, name = 8, raw_data = 9). Enough to take a packaged encoder's weights.
/// </summary>
public sealed class OnnxGraph
{
    private const int FloatType = 1;

    public IReadOnlyList<OnnxNode> Nodes { get; }
    public IReadOnlyDictionary<string, OnnxTensor> Initializers { get; }

    private OnnxGraph(List<OnnxNode> nodes, Dictionary<string, OnnxTensor> initializers)
    {
        Nodes = nodes;
        Initializers = initializers;
    }

    /// <exception cref="InvalidDataException">The bytes are not an ONNX model with a graph.</exception>
    public static OnnxGraph Read(ReadOnlySpan<byte> model)
    {
        var nodes = new List<OnnxNode>();
        var initializers = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        bool graphFound = false;
        foreach (var f in Fields(model))
        {
            if (f.Number != 7) continue;
            graphFound = true;
            var graph = f.Of(model);
            foreach (var g in Fields(graph))
            {
                if (g.Number == 1) nodes.Add(Node(g.Of(graph)));
                else if (g.Number == 5 && Tensor(g.Of(graph)) is { } tensor) initializers[tensor.Name] = tensor;
            }
        }
        if (!graphFound) throw new InvalidDataException("not an ONNX model: no graph");
        return new OnnxGraph(nodes, initializers);
    }

    /// <summary>
    /// The model cut down to what computes <paramref name="outputs"/>, which become its only graph
    /// outputs: ONNX Runtime runs every node of a graph whatever is fetched, so an encoder read
    /// at an inner layer would otherwise pay for the layers above it. Nodes and initializers that
    /// do not lead to an output are dropped; the rest of the model is copied as it is.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model with a graph, or an output is not computed in it.</exception>
    public static byte[] WithOutputs(ReadOnlySpan<byte> model, IReadOnlyList<string> outputs) =>
        WithGraph(model, (writer, graph) => WritePrunedGraph(writer, graph, outputs, fed: null));

    /// <summary>
    /// The model cut down to what computes <paramref name="outputs"/> from <paramref name="fed"/>, an
    /// inner tensor that becomes a graph input (float, any shape): the nodes that compute it, and
    /// those only it needs, are dropped. Several models cut above the same layer share the work
    /// below it, computed once by a model cut at it (<see cref="WithOutputs"/>). The original inputs
    /// stay, for the nodes above that read them (the attention mask).
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model with a graph, or an output is not computed in it from <paramref name="fed"/>.</exception>
    public static byte[] WithInputAndOutputs(ReadOnlySpan<byte> model, string fed, IReadOnlyList<string> outputs) =>
        WithGraph(model, (writer, graph) => WritePrunedGraph(writer, graph, outputs, fed));

    /// <summary>
    /// The model with the float initializers named in <paramref name="values"/> holding those values
    /// instead (as raw data), e.g. fine-tuned layers, so ONNX Runtime runs them.
    /// </summary>
    /// <exception cref="InvalidDataException">A named initializer is missing or holds another number of floats.</exception>
    public static byte[] WithInitializers(ReadOnlySpan<byte> model, IReadOnlyDictionary<string, float[]> values)
    {
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        var result = WithGraph(model, (writer, graph) =>
        {
            var fields = Fields(graph);
            var rewritten = new Dictionary<int, byte[]>();
            for (int i = 0; i < fields.Count; i++)
            {
                if (fields[i].Number != 5 || !values.TryGetValue(TensorName(fields[i].Of(graph)), out var floats)) continue;
                var tensor = Tensor(fields[i].Of(graph));
                if (tensor is null) continue;
                if (floats.Length != tensor.Values.Length)
                    throw new InvalidDataException($"ONNX initializer {tensor.Name} holds {tensor.Values.Length} floats; {floats.Length} given");
                rewritten[i] = WithRawData(fields[i].Of(graph), floats);
                replaced.Add(tensor.Name);
            }
            long length = 0;
            for (int i = 0; i < fields.Count; i++)
                length += rewritten.TryGetValue(i, out var bytes) ? FieldSize(5, 2, bytes.Length) : FieldSize(fields[i]);
            WriteKey(writer, 7, 2, length);
            for (int i = 0; i < fields.Count; i++)
            {
                if (rewritten.TryGetValue(i, out var bytes)) WriteField(writer, 5, 2, bytes);
                else WriteField(writer, fields[i], graph);
            }
        });
        if (values.Keys.FirstOrDefault(k => !replaced.Contains(k)) is { } missing)
            throw new InvalidDataException($"the ONNX model has no float initializer '{missing}'");
        return result;
    }

    /// <summary>
    /// The model with every MatMul by a constant matrix run on 8-bit integers: ONNX Runtime's
    /// DynamicQuantizeMatMul (com.microsoft) quantizes the activations per call and multiplies them
    /// by the weights quantized here, symmetric per output column. The weights keep 7 bits
    /// (−63 to 63), so the u8 × s8 products of CPUs without VNNI cannot saturate their 16-bit sums.
    /// </summary>
    public static byte[] WithInt8MatMuls(ReadOnlySpan<byte> model)
    {
        var result = WithGraph(model, WriteQuantizedGraph);
        // The contrib operator's domain joins the model's operator sets (ModelProto.opset_import = 8: domain = 1, version = 2).
        var opset = new ArrayBufferWriter<byte>();
        WriteField(opset, 1, 2, Encoding.UTF8.GetBytes(ContribDomain));
        WriteKey(opset, 2, 0, 0);
        WriteVarint(opset, 1);
        var writer = new ArrayBufferWriter<byte>(result.Length + 64);
        writer.Write(result);
        WriteField(writer, 8, 2, opset.WrittenSpan);
        return writer.WrittenSpan.ToArray();
    }

    private const string ContribDomain = "com.microsoft";
    private const int Int8Type = 3;
    private const int QuantizedMax = 63;

    private static void WriteQuantizedGraph(ArrayBufferWriter<byte> writer, ReadOnlySpan<byte> graph)
    {
        var fields = Fields(graph);
        var matrices = new Dictionary<string, int>(StringComparer.Ordinal); // 2-D float initializers by name: their field
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < fields.Count; i++)
        {
            if (fields[i].Number == 5 && Tensor(fields[i].Of(graph)) is { Shape.Length: 2 } t) matrices[t.Name] = i;
            // An initializer also declared a graph input may be fed a value instead: it stays float.
            if (fields[i].Number == 11) uses[ValueInfoName(fields[i].Of(graph))] = int.MaxValue / 2;
            if (fields[i].Number == 1)
                foreach (var input in Node(fields[i].Of(graph)).Inputs) uses[input] = uses.GetValueOrDefault(input) + 1;
        }
        var rewritten = new Dictionary<int, byte[]>();
        var added = new List<byte[]>();
        var dropped = new HashSet<int>();
        for (int i = 0; i < fields.Count; i++)
        {
            if (fields[i].Number != 1) continue;
            var node = Node(fields[i].Of(graph));
            if (node.OpType != "MatMul" || node.Inputs.Count != 2 || !matrices.TryGetValue(node.Inputs[1], out int at) || uses[node.Inputs[1]] != 1) continue;
            var weights = Tensor(fields[at].Of(graph))!;
            string name = weights.Name;
            var (values, scales) = QuantizeColumns(weights.Values, (int)weights.Shape[0], (int)weights.Shape[1]);
            added.Add(TensorBytes(name + "_int8", weights.Shape, Int8Type, MemoryMarshal.AsBytes(values.AsSpan())));
            added.Add(TensorBytes(name + "_scale", [scales.Length], FloatType, MemoryMarshal.AsBytes(scales.AsSpan())));
            added.Add(TensorBytes(name + "_zero", [scales.Length], Int8Type, new byte[scales.Length]));
            dropped.Add(at);
            var n = new ArrayBufferWriter<byte>();
            foreach (var input in (string[])[node.Inputs[0], name + "_int8", name + "_scale", name + "_zero"]) WriteField(n, 1, 2, Encoding.UTF8.GetBytes(input));
            foreach (var f in Fields(fields[i].Of(graph)))
                if (f.Number is 2 or 3) WriteField(n, f, fields[i].Of(graph)); // outputs, name
            WriteField(n, 4, 2, "DynamicQuantizeMatMul"u8);
            WriteField(n, 7, 2, Encoding.UTF8.GetBytes(ContribDomain));
            rewritten[i] = n.WrittenSpan.ToArray();
        }
        long length = added.Sum(b => FieldSize(5, 2, b.Length));
        for (int i = 0; i < fields.Count; i++)
            if (!dropped.Contains(i)) length += rewritten.TryGetValue(i, out var bytes) ? FieldSize(1, 2, bytes.Length) : FieldSize(fields[i]);
        WriteKey(writer, 7, 2, length);
        for (int i = 0; i < fields.Count; i++)
        {
            if (dropped.Contains(i)) continue;
            if (rewritten.TryGetValue(i, out var bytes)) WriteField(writer, 1, 2, bytes);
            else WriteField(writer, fields[i], graph);
        }
        foreach (var bytes in added) WriteField(writer, 5, 2, bytes);
    }

    /// <summary>Symmetric 7-bit quantization of a rows × columns matrix (row-major), one scale per column.</summary>
    private static (sbyte[] Values, float[] Scales) QuantizeColumns(float[] matrix, int rows, int columns)
    {
        var scales = new float[columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++) scales[c] = MathF.Max(scales[c], MathF.Abs(matrix[r * columns + c]));
        for (int c = 0; c < columns; c++) scales[c] = scales[c] > 0 ? scales[c] / QuantizedMax : 1f;
        var values = new sbyte[matrix.Length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                values[r * columns + c] = (sbyte)Math.Clamp(MathF.Round(matrix[r * columns + c] / scales[c]), -QuantizedMax, QuantizedMax);
        return (values, scales);
    }

    /// <summary>A TensorProto: dims, data type, name, raw data.</summary>
    private static byte[] TensorBytes(string name, long[] shape, int type, ReadOnlySpan<byte> raw)
    {
        var t = new ArrayBufferWriter<byte>(raw.Length + 64);
        foreach (long d in shape)
        {
            WriteKey(t, 1, 0, 0);
            WriteVarint(t, (ulong)d);
        }
        WriteKey(t, 2, 0, 0);
        WriteVarint(t, (ulong)type);
        WriteField(t, 8, 2, Encoding.UTF8.GetBytes(name));
        WriteField(t, 9, 2, raw);
        return t.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The model with its graph field written by <paramref name="writeGraph"/> (key and length
    /// included) and every other field copied. Written once into one buffer: copies of a 90 MB
    /// model per field and per step held half a gigabyte while an encoder loaded.
    /// </summary>
    private static byte[] WithGraph(ReadOnlySpan<byte> model, GraphWriter writeGraph)
    {
        var writer = new ArrayBufferWriter<byte>(model.Length + 4096);
        bool graphFound = false;
        foreach (var f in Fields(model))
        {
            if (f.Number == 7)
            {
                graphFound = true;
                writeGraph(writer, f.Of(model));
            }
            else WriteField(writer, f, model);
        }
        if (!graphFound) throw new InvalidDataException("not an ONNX model: no graph");
        return writer.WrittenSpan.ToArray();
    }

    private delegate void GraphWriter(ArrayBufferWriter<byte> writer, ReadOnlySpan<byte> graph);

    /// <summary>A TensorProto with its float_data and raw_data replaced by <paramref name="floats"/> as raw data.</summary>
    private static byte[] WithRawData(ReadOnlySpan<byte> tensor, float[] floats)
    {
        var writer = new ArrayBufferWriter<byte>(floats.Length * sizeof(float) + 256);
        foreach (var t in Fields(tensor))
            if (t.Number is not (4 or 9)) WriteField(writer, t, tensor); // float_data, raw_data
        WriteField(writer, 9, 2, MemoryMarshal.AsBytes(floats.AsSpan()));
        return writer.WrittenSpan.ToArray();
    }

    // GraphProto: node = 1, initializer = 5, input = 11, output = 12 (ValueInfoProto: name = 1). Nodes
    // are in topological order, so one backward pass finds every node an output depends on.
    private static void WritePrunedGraph(ArrayBufferWriter<byte> writer, ReadOnlySpan<byte> graph, IReadOnlyList<string> outputs, string? fed)
    {
        var fields = Fields(graph);
        var needed = new HashSet<string>(outputs, StringComparer.Ordinal);
        var keep = new bool[fields.Count];
        var computed = new HashSet<string>(StringComparer.Ordinal);
        for (int i = fields.Count - 1; i >= 0; i--)
        {
            if (fields[i].Number != 1) continue;
            var node = Node(fields[i].Of(graph));
            if (!node.Outputs.Any(o => needed.Contains(o) && o != fed)) continue;
            keep[i] = true;
            computed.UnionWith(node.Outputs);
            needed.UnionWith(node.Inputs);
        }
        if (outputs.FirstOrDefault(o => !computed.Contains(o)) is { } missing)
            throw new InvalidDataException($"no node of the ONNX model computes '{missing}'");
        if (fed is not null && !needed.Contains(fed))
            throw new InvalidDataException($"the outputs of the ONNX model are not computed from '{fed}'");
        byte[]? fedInfo = fed is null ? null : FloatValueInfo(fed);
        var existing = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (int i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            if (f.Number == 12) existing[ValueInfoName(f.Of(graph))] = f.Of(graph).ToArray(); // written after, as the outputs
            else if (f.Number == 5) keep[i] = needed.Contains(TensorName(f.Of(graph)));
            else if (f.Number == 13) keep[i] = fed is null || ValueInfoName(f.Of(graph)) != fed; // value_info: the fed tensor is declared as an input
            else if (f.Number != 1) keep[i] = true;
        }
        var outputInfos = outputs.Select(name => existing.GetValueOrDefault(name) ?? FloatValueInfo(name)).ToList();
        long length = outputInfos.Sum(info => FieldSize(12, 2, info.Length)) + (fedInfo is null ? 0 : FieldSize(11, 2, fedInfo.Length));
        for (int i = 0; i < fields.Count; i++) if (keep[i]) length += FieldSize(fields[i]);
        WriteKey(writer, 7, 2, length);
        for (int i = 0; i < fields.Count; i++) if (keep[i]) WriteField(writer, fields[i], graph);
        if (fedInfo is not null) WriteField(writer, 11, 2, fedInfo);
        foreach (var info in outputInfos) WriteField(writer, 12, 2, info);
    }

    private static string ValueInfoName(ReadOnlySpan<byte> valueInfo) => StringField(valueInfo, 1);

    private static string TensorName(ReadOnlySpan<byte> tensor) => StringField(tensor, 8);

    private static string StringField(ReadOnlySpan<byte> message, int number)
    {
        foreach (var f in Fields(message))
            if (f.Number == number) return Encoding.UTF8.GetString(f.Of(message));
        return "";
    }

    /// <summary>A ValueInfoProto naming a float tensor of any shape.</summary>
    private static byte[] FloatValueInfo(string name)
    {
        var info = new ArrayBufferWriter<byte>();
        WriteField(info, 1, 2, Encoding.UTF8.GetBytes(name));
        WriteField(info, 2, 2, [0x0A, 0x02, 0x08, FloatType]); // type { tensor_type { elem_type: FLOAT } }
        return info.WrittenSpan.ToArray();
    }

    /// <summary>The bytes a field takes when written: key, length for wire type 2, value.</summary>
    private static long FieldSize(int number, int wire, long length) =>
        VarintSize((ulong)((number << 3) | wire)) + (wire == 2 ? VarintSize((ulong)length) : 0) + length;

    private static long FieldSize(Field f) => FieldSize(f.Number, f.Wire, f.Length);

    private static int VarintSize(ulong v)
    {
        int size = 1;
        while (v >= 0x80) { size++; v >>= 7; }
        return size;
    }

    /// <summary>A field's key, and its length for wire type 2: what comes before its value.</summary>
    private static void WriteKey(ArrayBufferWriter<byte> into, int number, int wire, long length)
    {
        WriteVarint(into, (ulong)((number << 3) | wire));
        if (wire == 2) WriteVarint(into, (ulong)length);
    }

    private static void WriteField(ArrayBufferWriter<byte> into, Field f, ReadOnlySpan<byte> message) =>
        WriteField(into, f.Number, f.Wire, f.Of(message));

    private static void WriteField(ArrayBufferWriter<byte> into, int number, int wire, ReadOnlySpan<byte> value)
    {
        WriteKey(into, number, wire, value.Length);
        into.Write(value);
    }

    private static void WriteVarint(ArrayBufferWriter<byte> into, ulong v)
    {
        var span = into.GetSpan(10);
        int n = 0;
        while (v >= 0x80) { span[n++] = (byte)(v | 0x80); v >>= 7; }
        span[n++] = (byte)v;
        into.Advance(n);
    }

    private static OnnxNode Node(ReadOnlySpan<byte> bytes)
    {
        List<string> inputs = [], outputs = [];
        string op = "";
        foreach (var f in Fields(bytes))
        {
            if (f.Number == 1) inputs.Add(Encoding.UTF8.GetString(f.Of(bytes)));
            else if (f.Number == 2) outputs.Add(Encoding.UTF8.GetString(f.Of(bytes)));
            else if (f.Number == 4) op = Encoding.UTF8.GetString(f.Of(bytes));
        }
        return new OnnxNode(op, inputs, outputs);
    }

    /// <summary>A float tensor, or null for other element types.</summary>
    private static OnnxTensor? Tensor(ReadOnlySpan<byte> bytes)
    {
        var dims = new List<long>();
        int type = 0;
        string name = "";
        float[]? values = null;
        var floats = new List<float>();
        foreach (var f in Fields(bytes))
        {
            var value = f.Of(bytes);
            switch (f.Number)
            {
                case 1 when f.Wire == 0: dims.Add(VarintValue(value)); break;
                case 1 when f.Wire == 2: // packed
                    for (int p = 0; p < value.Length;) dims.Add((long)ReadVarint(value, ref p));
                    break;
                case 2: type = (int)VarintValue(value); break;
                case 4 when f.Wire == 2: floats.AddRange(MemoryMarshal.Cast<byte, float>(value)); break;
                case 4 when f.Wire == 5: floats.Add(BinaryPrimitives.ReadSingleLittleEndian(value)); break;
                case 8: name = Encoding.UTF8.GetString(value); break;
                case 9: values = MemoryMarshal.Cast<byte, float>(value).ToArray(); break;
            }
        }
        if (type != FloatType) return null;
        return new OnnxTensor(name, [.. dims], values ?? [.. floats]);
    }

    private static long VarintValue(ReadOnlySpan<byte> bytes)
    {
        int p = 0;
        return (long)ReadVarint(bytes, ref p);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int p)
    {
        ulong result = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (p >= bytes.Length || shift > 63) throw new InvalidDataException("truncated varint in ONNX model");
            byte b = bytes[p++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
    }

    /// <summary>One field of a message: number, wire type, and where its value lies in the message (the varint's own bytes for wire type 0).</summary>
    private readonly record struct Field(int Number, int Wire, int Start, int Length)
    {
        public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> message) => message.Slice(Start, Length);
    }

    /// <summary>The fields of one message, as ranges of its bytes (nothing is copied).</summary>
    private static List<Field> Fields(ReadOnlySpan<byte> bytes)
    {
        var fields = new List<Field>();
        int p = 0;
        while (p < bytes.Length)
        {
            ulong key = ReadVarint(bytes, ref p);
            int field = (int)(key >> 3), wire = (int)(key & 7);
            int start = p;
            switch (wire)
            {
                case 0: ReadVarint(bytes, ref p); break;
                case 1: p += 8; break;
                case 2:
                    int length = checked((int)ReadVarint(bytes, ref p));
                    start = p;
                    p += length;
                    break;
                case 5: p += 4; break;
                default: throw new InvalidDataException($"unsupported protocol-buffer wire type {wire} in ONNX model");
            }
            if (p > bytes.Length || p < start) throw new InvalidDataException("truncated ONNX model");
            fields.Add(new Field(field, wire, start, p - start));
        }
        return fields;
    }
}
