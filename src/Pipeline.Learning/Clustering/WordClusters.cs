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
    private readonly Dictionary<string, ClusterPath>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private WordClusters(Dictionary<string, ClusterPath> paths)
    {
        _paths = paths;
        _lookup = paths.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Words with a path.</summary>
    public int Count => _paths.Count;

    /// <summary>Every word with its path (to copy the clusters into a model).</summary>
    public IEnumerable<(string Word, ClusterPath Path)> Entries => _paths.Select(p => (p.Key, p.Value));

    public bool TryGetPath(ReadOnlySpan<char> word, out ClusterPath path) => _lookup.TryGetValue(word, out path);

    /// <summary>
    /// The prefix of <paramref name="word"/>'s path of the given length (the whole path when shorter),
    /// or false for a word without a path.
    /// </summary>
    public bool TryGetPrefix(ReadOnlySpan<char> word, int length, out ClusterPath prefix)
    {
        bool found = _lookup.TryGetValue(word, out var path);
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
