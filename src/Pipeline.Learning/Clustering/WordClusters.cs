using System.IO.Compression;
using System.Text;

namespace Pipeline.Learning.Clustering;

/// <summary>
/// Word clusters loaded from a `path TAB word [TAB count]` file (plain or .gz): case-sensitive
/// word-to-path lookup, allocation-free for spans. Immutable and thread-safe once loaded.
/// </summary>
public sealed class WordClusters
{
    private readonly Dictionary<string, ClusterPath> _paths;

    // The lookup path of every token: a flat open-addressing table of (word hash, entry) pairs,
    // the words one after another in one char array, their paths in entry order. A probe touches
    // one slot and the word's characters, where a string dictionary touches buckets, entries and
    // a string object.
    private readonly int[] _slots;      // 2 per slot: hash, entry (-1: empty)
    private readonly int _shift;
    private readonly char[] _chars;
    private readonly int[] _starts;     // entry -> first char in _chars; one more for the end
    private readonly ClusterPath[] _entryPaths;

    private WordClusters(Dictionary<string, ClusterPath> paths)
    {
        _paths = paths;
        int log = 4;
        while (1 << log < paths.Count * 2) log++; // load factor at most 1/2
        _shift = 32 - log;
        _slots = new int[2 << log];
        for (int i = 1; i < _slots.Length; i += 2) _slots[i] = -1;
        _chars = new char[paths.Keys.Sum(w => w.Length)];
        _starts = new int[paths.Count + 1];
        _entryPaths = new ClusterPath[paths.Count];
        int entry = 0, mask = (1 << log) - 1;
        foreach (var (word, path) in paths)
        {
            word.CopyTo(_chars.AsSpan(_starts[entry]));
            _starts[entry + 1] = _starts[entry] + word.Length;
            _entryPaths[entry] = path;
            int hash = Hash(word), slot = Slot(hash);
            while (_slots[2 * slot + 1] >= 0) slot = (slot + 1) & mask;
            _slots[2 * slot] = hash;
            _slots[2 * slot + 1] = entry++;
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
            int entry = _slots[2 * slot + 1];
            if (entry < 0) break;
            if (_slots[2 * slot] == hash && _chars.AsSpan(_starts[entry], _starts[entry + 1] - _starts[entry]).SequenceEqual(word))
            {
                path = _entryPaths[entry];
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
