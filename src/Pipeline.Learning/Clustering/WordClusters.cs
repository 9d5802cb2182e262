using System.Globalization;
using System.IO.Compression;
using System.Numerics;
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

    // Two flat tables of the same shape: the most frequent words (64 KB, which a run
    // keeps in the cache: most tokens of running text are among them) and every word. A lookup in
    // the large table costs a trip to memory; the front table answers most lookups first.
    private readonly FlatTable _frequent;
    private readonly FlatTable _all;

    private WordClusters(Dictionary<string, ClusterPath> paths, List<string> byFrequency, string source)
    {
        _paths = paths;
        _frequent = new FlatTable(byFrequency.Take(FrequentWords).Select(w => (w, paths[w])).ToList(), source);
        _all = new FlatTable(byFrequency.Select(w => (w, paths[w])).ToList(), source);
    }

    /// <summary>Words with a path.</summary>
    public int Count => _paths.Count;

    /// <summary>Every word with its path (to copy the clusters into a model).</summary>
    public IEnumerable<(string Word, ClusterPath Path)> Entries => _paths.Select(p => (p.Key, p.Value));

    public bool TryGetPath(ReadOnlySpan<char> word, out ClusterPath path)
    {
        ulong hash = FlatTable.Hash(word);
        return _frequent.TryGet(hash, out path) || _all.TryGet(hash, out path);
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
        return new WordClusters(paths, counts.OrderByDescending(c => c.Count).Select(c => c.Word).ToList(), source);
    }

    private static InvalidDataException Bad(string source, int line, string reason) => new($"{source}:{line}: {reason}");

    /// <summary>
    /// A flat open-addressing table of (64-bit word hash, path key) pairs: a probe reads one 16-byte
    /// slot and no characters, where a string dictionary touches buckets, entries and a string
    /// object. Words are told apart by their 64-bit hash: a word of the text shares one with a word
    /// of a 77,000-word file with a chance of 77,000 / 2^64 (4 × 10^-15) per token, and a file two
    /// of whose words share one is refused.
    /// </summary>
    private sealed class FlatTable
    {
        private readonly ulong[] _slots;    // 2 per slot: word hash, path key (ClusterPath.Key; 0: empty)
        private readonly int _shift;

        /// <exception cref="InvalidDataException">Two words share a 64-bit hash; the message names <paramref name="source"/>.</exception>
        public FlatTable(List<(string Word, ClusterPath Path)> words, string source)
        {
            int log = 4;
            while (1 << log < words.Count * 2) log++; // load factor at most 1/2
            _shift = 64 - log;
            _slots = new ulong[2 << log];
            int mask = (1 << log) - 1;
            foreach (var (word, path) in words)
            {
                ulong hash = Hash(word);
                int slot = Slot(hash);
                for (; _slots[2 * slot + 1] != 0; slot = (slot + 1) & mask)
                    if (_slots[2 * slot] == hash) throw new InvalidDataException($"{source}: word '{word}' has the 64-bit hash of an earlier word; rename one");
                _slots[2 * slot] = hash;
                _slots[2 * slot + 1] = path.Key;
            }
        }

        /// <summary>FNV-1a (64-bit) over the UTF-16 units (case-sensitive, like the lookup).</summary>
        public static ulong Hash(ReadOnlySpan<char> word)
        {
            ulong h = 14695981039346656037;
            foreach (char c in word) h = (h ^ c) * 1099511628211;
            return h;
        }

        public bool TryGet(ulong hash, out ClusterPath path)
        {
            int mask = (_slots.Length >> 1) - 1;
            for (int slot = Slot(hash); ; slot = (slot + 1) & mask)
            {
                ulong key = _slots[2 * slot + 1];
                if (key == 0) break;
                if (_slots[2 * slot] == hash)
                {
                    int length = 63 - BitOperations.LeadingZeroCount(key);
                    path = new ClusterPath(key ^ (1UL << length), length);
                    return true;
                }
            }
            path = default;
            return false;
        }

        // Fibonacci hashing of the 64-bit hash: its top bits pick the slot.
        private int Slot(ulong hash) => (int)(hash * 0x9E3779B97F4A7C15UL >> _shift);
    }
}
