using System.Security.Cryptography;
using System.Text;
using Pipeline.Sdk;

namespace Pipeline.Text;

/// <summary>Builds segmented documents from text: what the host does before analyzers run.</summary>
public static class DocumentFactory
{
    /// <summary>A segmented document whose id is the content hash of <paramref name="text"/>.</summary>
    public static Document Create(string text, DocumentMetadata? metadata = null, Segmenter? segmenter = null)
    {
        var s = (segmenter ?? Segmenter.Default).Segment(text);
        return new Document(ContentHash(text), text, metadata ?? DocumentMetadata.Empty,
            s.Tokens, s.Sentences, s.Paragraphs, s.Quotations);
    }

    /// <summary>First 128 bits of the SHA-256 of the UTF-8 text, as lower-case hex.</summary>
    public static string ContentHash(string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = max > 1 << 16 ? System.Buffers.ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[max];
        int n = Encoding.UTF8.GetBytes(text, buffer);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer[..n], hash);
        if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
