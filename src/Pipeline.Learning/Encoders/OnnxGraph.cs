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
