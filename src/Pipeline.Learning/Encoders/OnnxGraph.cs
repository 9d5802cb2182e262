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
        foreach (var (field, _, value) in Fields(model))
        {
            if (field != 7) continue;
            graphFound = true;
            foreach (var (g, _, item) in Fields(value))
            {
                if (g == 1) nodes.Add(Node(item));
                else if (g == 5 && Tensor(item) is { } tensor) initializers[tensor.Name] = tensor;
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
    public static byte[] WithOutputs(ReadOnlySpan<byte> model, IReadOnlyList<string> outputs)
    {
        var result = new List<byte>(model.Length);
        bool graphFound = false;
        foreach (var (field, wire, value) in Fields(model))
        {
            if (field == 7)
            {
                graphFound = true;
                WriteField(result, 7, 2, PrunedGraph(value, outputs));
            }
            else WriteField(result, field, wire, value);
        }
        if (!graphFound) throw new InvalidDataException("not an ONNX model: no graph");
        return [.. result];
    }

    /// <summary>
    /// The model with the float initializers named in <paramref name="values"/> holding those values
    /// instead (as raw data), e.g. fine-tuned layers, so ONNX Runtime runs them.
    /// </summary>
    /// <exception cref="InvalidDataException">A named initializer is missing or holds another number of floats.</exception>
    public static byte[] WithInitializers(ReadOnlySpan<byte> model, IReadOnlyDictionary<string, float[]> values)
    {
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<byte>(model.Length);
        foreach (var (field, wire, value) in Fields(model))
        {
            if (field != 7) { WriteField(result, field, wire, value); continue; }
            var graph = new List<byte>(value.Length);
            foreach (var (g, gWire, item) in Fields(value))
            {
                if (g == 5 && Tensor(item) is { } tensor && values.TryGetValue(tensor.Name, out var floats))
                {
                    if (floats.Length != tensor.Values.Length)
                        throw new InvalidDataException($"ONNX initializer {tensor.Name} holds {tensor.Values.Length} floats; {floats.Length} given");
                    var rewritten = new List<byte>(item.Length);
                    foreach (var (t, tWire, part) in Fields(item))
                        if (t is not (4 or 9)) WriteField(rewritten, t, tWire, part); // float_data, raw_data
                    WriteField(rewritten, 9, 2, MemoryMarshal.AsBytes(floats.AsSpan()));
                    WriteField(graph, 5, 2, rewritten.ToArray());
                    replaced.Add(tensor.Name);
                }
                else WriteField(graph, g, gWire, item);
            }
            WriteField(result, 7, 2, graph.ToArray());
        }
        if (values.Keys.FirstOrDefault(k => !replaced.Contains(k)) is { } missing)
            throw new InvalidDataException($"the ONNX model has no float initializer '{missing}'");
        return [.. result];
    }

    // GraphProto: node = 1, initializer = 5, output = 12 (ValueInfoProto: name = 1). Nodes are in
    // topological order, so one backward pass finds every node an output depends on.
    private static byte[] PrunedGraph(byte[] graph, IReadOnlyList<string> outputs)
    {
        var fields = Fields(graph);
        var needed = new HashSet<string>(outputs, StringComparer.Ordinal);
        var keep = new bool[fields.Count];
        var computed = new HashSet<string>(StringComparer.Ordinal);
        for (int i = fields.Count - 1; i >= 0; i--)
        {
            if (fields[i].Field != 1) continue;
            var node = Node(fields[i].Value);
            if (!node.Outputs.Any(needed.Contains)) continue;
            keep[i] = true;
            computed.UnionWith(node.Outputs);
            needed.UnionWith(node.Inputs);
        }
        if (outputs.FirstOrDefault(o => !computed.Contains(o)) is { } missing)
            throw new InvalidDataException($"no node of the ONNX model computes '{missing}'");
        var result = new List<byte>(graph.Length);
        var existing = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (int i = 0; i < fields.Count; i++)
        {
            var (field, wire, value) = fields[i];
            if (field == 12) { existing[ValueInfoName(value)] = value; continue; }
            if (field == 1 && !keep[i]) continue;
            if (field == 5 && !needed.Contains(TensorName(value))) continue;
            WriteField(result, field, wire, value);
        }
        foreach (var name in outputs) WriteField(result, 12, 2, existing.GetValueOrDefault(name) ?? FloatValueInfo(name));
        return [.. result];
    }

    private static string ValueInfoName(byte[] valueInfo) =>
        Fields(valueInfo).Where(f => f.Field == 1).Select(f => Encoding.UTF8.GetString(f.Value)).FirstOrDefault() ?? "";

    private static string TensorName(byte[] tensor) =>
        Fields(tensor).Where(f => f.Field == 8).Select(f => Encoding.UTF8.GetString(f.Value)).FirstOrDefault() ?? "";

    /// <summary>A ValueInfoProto naming a float tensor of any shape.</summary>
    private static byte[] FloatValueInfo(string name)
    {
        var info = new List<byte>();
        WriteField(info, 1, 2, Encoding.UTF8.GetBytes(name));
        WriteField(info, 2, 2, [0x0A, 0x02, 0x08, FloatType]); // type { tensor_type { elem_type: FLOAT } }
        return [.. info];
    }

    private static void WriteField(List<byte> into, int field, int wire, ReadOnlySpan<byte> value)
    {
        WriteVarint(into, (ulong)((field << 3) | wire));
        if (wire == 2) WriteVarint(into, (ulong)value.Length);
        into.AddRange(value);
    }

    private static void WriteVarint(List<byte> into, ulong v)
    {
        while (v >= 0x80) { into.Add((byte)(v | 0x80)); v >>= 7; }
        into.Add((byte)v);
    }

    private static OnnxNode Node(ReadOnlySpan<byte> bytes)
    {
        List<string> inputs = [], outputs = [];
        string op = "";
        foreach (var (field, _, value) in Fields(bytes))
        {
            if (field == 1) inputs.Add(Encoding.UTF8.GetString(value));
            else if (field == 2) outputs.Add(Encoding.UTF8.GetString(value));
            else if (field == 4) op = Encoding.UTF8.GetString(value);
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
        foreach (var (field, wire, value) in Fields(bytes))
        {
            switch (field)
            {
                case 1 when wire == 0: dims.Add(VarintValue(value)); break;
                case 1 when wire == 2: // packed
                    for (int p = 0; p < value.Length;) dims.Add((long)ReadVarint(value, ref p));
                    break;
                case 2: type = (int)VarintValue(value); break;
                case 4 when wire == 2: floats.AddRange(MemoryMarshal.Cast<byte, float>(value).ToArray()); break;
                case 4 when wire == 5: floats.Add(BinaryPrimitives.ReadSingleLittleEndian(value)); break;
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

    /// <summary>The fields of one message: number, wire type and value bytes (the varint's own bytes for wire type 0).</summary>
    private static List<(int Field, int Wire, byte[] Value)> Fields(ReadOnlySpan<byte> bytes)
    {
        var fields = new List<(int, int, byte[])>();
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
            if (p > bytes.Length) throw new InvalidDataException("truncated ONNX model");
            fields.Add((field, wire, bytes[start..p].ToArray()));
        }
        return fields;
    }
}
