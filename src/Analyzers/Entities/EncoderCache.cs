using System.Runtime.InteropServices;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// Encoder word vectors of training documents, one per token, kept on disk under the training
/// cache folder (keyed by encoder and document id) so that later trainings skip the encoder.
/// </summary>
internal sealed class EncoderCache(ITextEncoder encoder, string? cacheDirectory, IRunLog? log)
{
    private readonly string? _folder = cacheDirectory is null ? null : Path.Combine(cacheDirectory, "entities-encoder", encoder.ModelId);
    private int _encoded;

    public float[][] WordVectors(Document document)
    {
        int n = document.Tokens.Length, dim = encoder.Dimension;
        var path = _folder is null ? null : Path.Combine(_folder, document.Id + ".f32");
        if (path is not null && File.Exists(path) && new FileInfo(path).Length == (long)n * dim * sizeof(float))
        {
            var flat = new float[n * dim];
            using (var stream = File.OpenRead(path)) stream.ReadExactly(MemoryMarshal.AsBytes(flat.AsSpan()));
            return Enumerable.Range(0, n).Select(i => flat.AsSpan(i * dim, dim).ToArray()).ToArray();
        }
        var vectors = Encode(encoder, document);
        if (path is not null)
        {
            Directory.CreateDirectory(_folder!);
            using var stream = File.Create(path);
            foreach (var v in vectors) stream.Write(MemoryMarshal.AsBytes(v.AsSpan()));
        }
        if (++_encoded % 100 == 0) log?.Info($"entities: encoded {_encoded} documents");
        return vectors;
    }

    /// <summary>The encoder's vectors of a document's tokens (what the analyzer computes at run time).</summary>
    public static float[][] Encode(ITextEncoder encoder, Document document)
    {
        var spans = new TextSpan[document.Tokens.Length];
        for (int i = 0; i < spans.Length; i++) spans[i] = document.Tokens[i].Span;
        return encoder.EncodeWords(document.Text, spans);
    }
}
