using System.Globalization;
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
    /// <summary>Words in the front table: the most frequent ones, whose probes stay in the cache.</summary>
    public const int FrequentWords = 2048;

    private readonly Dictionary<string, ClusterPath> _paths;

    // Two flat tables of the same shape: the most frequent words (a few tens of KB, which a run
    // keeps in the cache: most tokens of running text are among them) and every word. A lookup in
    // the large table costs a trip to memory or two; the front table answers most lookups first.
    private readonly FlatTable _frequent;
    private readonly FlatTable _all;

    private WordClusters(Dictionary<string, ClusterPath> paths, List<string> byFrequency)
    {
        _paths = paths;
        _frequent = new FlatTable(byFrequency.Take(FrequentWords).Select(w => (w, paths[w])).ToList());
        _all = new FlatTable(byFrequency.Select(w => (w, paths[w])).ToList());
    }

    /// <summary>Words with a path.</summary>
    public int Count => _paths.Count;

    /// <summary>Every word with its path (to copy the clusters into a model).</summary>
    public IEnumerable<(string Word, ClusterPath Path)> Entries => _paths.Select(p => (p.Key, p.Value));

    public bool TryGetPath(ReadOnlySpan<char> word, out ClusterPath path)
    {
        int hash = FlatTable.Hash(word);
        return _frequent.TryGet(word, hash, out path) || _all.TryGet(word, hash, out path);
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
        var counts = new List<(string Word, long Count)>();
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
            long count = 0;
            var countField = end < 0 ? default : rest[(end + 1)..];
            if (countField.IndexOf('\t') is >= 0 and var more) countField = countField[..more];
            if (end >= 0 && !long.TryParse(countField, NumberStyles.None, CultureInfo.InvariantCulture, out count))
                throw Bad(source, lineNumber, $"count '{countField}' is not a whole number");
            var key = word.ToString();
            if (!paths.TryAdd(key, clusterPath)) throw Bad(source, lineNumber, $"word '{word}' appears twice");
            counts.Add((key, count));
        }
        // Most frequent first (stable: without counts, file order).
        return new WordClusters(paths, counts.OrderByDescending(c => c.Count).Select(c => c.Word).ToList());
    }

    private static InvalidDataException Bad(string source, int line, string reason) => new($"{source}:{line}: {reason}");

    /// <summary>
    /// A flat open-addressing table of (word hash, record offset) pairs and one record per word in one
    /// char array: the word's length, its path's length and bits, then its characters. A probe touches
    /// one slot and one record (a cache line or two), where a string dictionary touches buckets,
    /// entries and a string object. Words are stored in the order given, so the first ones' records
    /// share cache lines.
    /// </summary>
    private sealed class FlatTable
    {
        private readonly int[] _slots;      // 2 per slot: hash, record offset (-1: empty)
        private readonly int _shift;
        private readonly char[] _records;
        private const int RecordHeader = 6; // length, path length, path bits (4 chars)

        public FlatTable(List<(string Word, ClusterPath Path)> words)
        {
            words = words.Where(w => w.Word.Length <= char.MaxValue).ToList(); // no token is that long
            int log = 4;
            while (1 << log < words.Count * 2) log++; // load factor at most 1/2
            _shift = 32 - log;
            _slots = new int[2 << log];
            for (int i = 1; i < _slots.Length; i += 2) _slots[i] = -1;
            _records = new char[words.Sum(w => RecordHeader + w.Word.Length)];
            int offset = 0, mask = (1 << log) - 1;
            foreach (var (word, path) in words)
            {
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

        /// <summary>FNV-1a over the UTF-16 units (case-sensitive, like the lookup).</summary>
        public static int Hash(ReadOnlySpan<char> word)
        {
            uint h = 2166136261;
            foreach (char c in word) h = (h ^ c) * 16777619;
            return (int)h;
        }

        public bool TryGet(ReadOnlySpan<char> word, int hash, out ClusterPath path)
        {
            int mask = (_slots.Length >> 1) - 1;
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

        private int Slot(int hash) => (int)((uint)hash * 0x9E3779B1u >> _shift);
    }
}
