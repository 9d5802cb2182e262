using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace Pipeline.Learning.Clustering;

/// <summary>
/// Word clusters loaded from a `path TAB word [TAB count]` file (plain or .gz): case-sensitive
/// word-to-path lookup, allocation-free for spans. Immutable and thread-safe once loaded.
/// </summary>
public sealed class WordClusters
{
    private readonly Dictionary<string, ClusterPath> _paths;

    // The lookup path of every token: a flat open-addressing table of (word hash, record offset)
    // pairs, and one record per word in one char array: the word's length, its path's length and
    // bits, then its characters. A probe touches one slot and one record (a cache line or two),
    // where a string dictionary touches buckets, entries and a string object.
    private readonly int[] _slots;      // 2 per slot: hash, record offset (-1: empty)
    private readonly int _shift;
    private readonly char[] _records;
    private const int RecordHeader = 6; // length, path length, path bits (4 chars)

    private WordClusters(Dictionary<string, ClusterPath> paths)
    {
        _paths = paths;
        int log = 4;
        while (1 << log < paths.Count * 2) log++; // load factor at most 1/2
        _shift = 32 - log;
        _slots = new int[2 << log];
        for (int i = 1; i < _slots.Length; i += 2) _slots[i] = -1;
        _records = new char[paths.Sum(p => p.Key.Length <= char.MaxValue ? RecordHeader + p.Key.Length : 0)];
        int offset = 0, mask = (1 << log) - 1;
        foreach (var (word, path) in paths)
        {
            if (word.Length > char.MaxValue) continue; // no token is that long
            _records[offset] = (char)word.Length;
            _records[offset + 1] = (char)path.Length;
            ulong bits = path.Bits;
            MemoryMarshal.Write(MemoryMarshal.AsBytes(_records.AsSpan(offset + 2, 4)), in bits);
            word.CopyTo(_records.AsSpan(offset + RecordHeader));
            int hash = Hash(word), slot = Slot(hash);
            while (_slots[2 * slot + 1] >= 0) slot = (slot + 1) & mask;
            _slots[2 * slot] = hash;
            _slots[2 * slot + 1] = offset;
            offset += RecordHeader + word.Length;
        }
    }

    private int Slot(int hash) => (int)((uint)hash * 0x9E3779B1u >> _shift);

    /// <summary>FNV-1a over the UTF-16 units (case-sensitive, like the lookup).</summary>
    private static int Hash(ReadOnlySpan<char> word)
    {
        uint h = 2166136261;
        foreach (char c in word) h = (h ^ c) * 16777619;
        return (int)h;
    }

    /// <summary>Words with a path.</summary>
    public int Count => _paths.Count;

    /// <summary>Every word with its path (to copy the clusters into a model).</summary>
    public IEnumerable<(string Word, ClusterPath Path)> Entries => _paths.Select(p => (p.Key, p.Value));

    public bool TryGetPath(ReadOnlySpan<char> word, out ClusterPath path)
    {
        int hash = Hash(word), mask = (_slots.Length >> 1) - 1;
        for (int slot = Slot(hash); ; slot = (slot + 1) & mask)
        {
            int offset = _slots[2 * slot + 1];
            if (offset < 0) break;
            if (_slots[2 * slot] == hash && _records[offset] == word.Length && _records.AsSpan(offset + RecordHeader, word.Length).SequenceEqual(word))
            {
                path = new ClusterPath(MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(_records.AsSpan(offset + 2, 4))), _records[offset + 1]);
                return true;
            }
        }
        path = default;
        return false;
    }

    /// <summary>
    /// The prefix of <paramref name="word"/>'s path of the given length (the whole path when shorter),
    /// or false for a word without a path.
    /// </summary>
    public bool TryGetPrefix(ReadOnlySpan<char> word, int length, out ClusterPath prefix)
    {
        bool found = TryGetPath(word, out var path);
        prefix = found ? path.Prefix(length) : default;
        return found;
    }

    /// <summary>Loads a clusters file; a name ending in .gz is read through gzip.</summary>
    /// <exception cref="InvalidDataException">A line is not `path TAB word [TAB count]`; the message names the file and line.</exception>
    public static WordClusters Load(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Read(reader, path);
    }

    /// <summary>Reads clusters from text; <paramref name="source"/> names it in error messages.</summary>
    public static WordClusters Read(TextReader reader, string source)
    {
        var paths = new Dictionary<string, ClusterPath>(StringComparer.Ordinal);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var span = line.AsSpan();
            int tab = span.IndexOf('\t');
            if (tab < 0) throw Bad(source, lineNumber, "expected `path<TAB>word[<TAB>count]`");
            if (!ClusterPath.TryParse(span[..tab], out var clusterPath)) throw Bad(source, lineNumber, $"path '{span[..tab]}' is not a string of 0 and 1");
            var rest = span[(tab + 1)..];
            int end = rest.IndexOf('\t');
            var word = end < 0 ? rest : rest[..end];
            if (word.IsEmpty) throw Bad(source, lineNumber, "empty word");
            if (!paths.TryAdd(word.ToString(), clusterPath)) throw Bad(source, lineNumber, $"word '{word}' appears twice");
        }
        return new WordClusters(paths);
    }

    private static InvalidDataException Bad(string source, int line, string reason) => new($"{source}:{line}: {reason}");
}
