using System.Runtime.CompilerServices;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// The word clusters and gazetteers a model was trained with, baked into the model so that it
/// always runs with exactly the lists it learned from. Clusters: word to bit-string path, read
/// as path prefixes of 4, 6, 10 and 20 bits. Gazetteers: token n-grams (case-insensitive) to
/// categories, matched when the n-gram's first and last tokens are capitalised.
/// </summary>
internal sealed class EntityLexicon
{
    public static readonly int[] ClusterPrefixLengths = [4, 6, 10, 20];
    public const int MaxCategories = 16;

    private readonly string[] _paths;
    private readonly KeyTable _clusterOfWord;
    /// <summary>Per cluster, the hashes of its path prefixes (ClusterPrefixLengths.Length per cluster).</summary>
    private readonly ulong[] _prefixHashes;
    private readonly string[] _categories;
    /// <summary>n-gram hash to (categories bitmask &lt;&lt; 1) | 1 when a longer entry continues it.</summary>
    private readonly KeyTable _ngrams;
    private readonly int _maxLength;

    public static readonly EntityLexicon Empty = new([], new KeyTable(0), [], new KeyTable(0), 0);

    private EntityLexicon(string[] paths, KeyTable clusterOfWord, string[] categories, KeyTable ngrams, int maxLength)
    {
        _paths = paths;
        _clusterOfWord = clusterOfWord;
        _categories = categories;
        _ngrams = ngrams;
        _maxLength = maxLength;
        _prefixHashes = new ulong[paths.Length * ClusterPrefixLengths.Length];
        for (int c = 0; c < paths.Length; c++)
            for (int k = 0; k < ClusterPrefixLengths.Length; k++)
            {
                var path = paths[c].AsSpan();
                _prefixHashes[c * ClusterPrefixLengths.Length + k] = FeatureHash.Of(path[..Math.Min(path.Length, ClusterPrefixLengths[k])]);
            }
    }

    public int ClusterCount => _paths.Length;
    public int ClusterWordCount => _clusterOfWord.Count;
    public IReadOnlyList<string> Categories => _categories;
    public int GazetteerEntryCount => _ngrams.Count;

    /// <summary>
    /// Builds a lexicon. A word's cluster is looked up by its exact form, then by its lower-case
    /// form (which maps to the cluster of the first spelling listed).
    /// </summary>
    public static EntityLexicon Build(IEnumerable<(string Word, string Path)> clusters, IEnumerable<(string Category, IEnumerable<string> Entries)> gazetteers)
    {
        var pathIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<(string Word, int Cluster)>();
        foreach (var (word, path) in clusters)
        {
            if (!pathIndex.TryGetValue(path, out int c)) pathIndex.Add(path, c = pathIndex.Count);
            words.Add((word, c));
        }
        var clusterOfWord = new KeyTable(words.Count * 2);
        foreach (var (word, c) in words) clusterOfWord.Set(TokenHashes.WordOf(word), c);
        foreach (var (word, c) in words)
            if (!clusterOfWord.TryGet(TokenHashes.LowerOf(word), out _)) clusterOfWord.Set(TokenHashes.LowerOf(word), c);

        var categories = new List<string>();
        var ngrams = new Dictionary<ulong, int>();
        int maxLength = 0;
        foreach (var (category, entries) in gazetteers)
        {
            if (categories.Count == MaxCategories) throw new InvalidDataException($"more than {MaxCategories} gazetteer categories");
            int bit = 1 << (categories.Count + 1);
            categories.Add(category);
            foreach (var entry in entries)
                foreach (var tokens in Tokenizations(entry))
                {
                    maxLength = Math.Max(maxLength, tokens.Count);
                    ulong h = FeatureHash.Seed;
                    for (int i = 0; i < tokens.Count; i++)
                    {
                        h = FeatureHash.Combine(h, TokenHashes.LowerOf(tokens[i]));
                        ngrams.TryGetValue(h, out int v);
                        ngrams[h] = v | (i == tokens.Count - 1 ? bit : 1);
                    }
                }
        }
        var table = new KeyTable(ngrams.Count);
        foreach (var (key, value) in ngrams) table.Set(key, value);
        return new EntityLexicon([.. pathIndex.Keys], clusterOfWord, [.. categories], table, maxLength);
    }

    /// <summary>An entry split at whitespace, and as the segmenter splits it when that differs ("St. Louis").</summary>
    private static IEnumerable<IReadOnlyList<string>> Tokenizations(string entry)
    {
        var words = entry.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0) yield return words;
        var segmented = Pipeline.Text.Segmenter.Default.Segment(entry).Tokens.Select(t => entry.Substring(t.Span.Start, t.Span.Length)).ToArray();
        if (segmented.Length > 0 && !segmented.SequenceEqual(words)) yield return segmented;
    }

    /// <summary>The cluster of a token (by exact form, then lower case), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int ClusterOf(ulong word, ulong lower) =>
        _clusterOfWord.TryGet(word, out int c) || _clusterOfWord.TryGet(lower, out c) ? c : -1;

    /// <summary>Hash of the <paramref name="k"/>-th path prefix of a cluster.</summary>
    public ulong ClusterPrefix(int cluster, int k) => _prefixHashes[cluster * ClusterPrefixLengths.Length + k];

    /// <summary>
    /// Marks gazetteer matches in one sentence: bit 4*category + position (B, I, L, U) of each
    /// token's mask. Every match is marked, overlapping ones included.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void MarkGazetteers(ReadOnlySpan<ulong> lower, ReadOnlySpan<CapPattern> caps, Span<ulong> masks)
    {
        if (_maxLength == 0) return;
        for (int i = 0; i < lower.Length; i++)
        {
            if (!StartsUpper(caps[i])) continue;
            ulong h = FeatureHash.Seed;
            for (int length = 1; length <= _maxLength && i + length <= lower.Length; length++)
            {
                h = FeatureHash.Combine(h, lower[i + length - 1]);
                if (!_ngrams.TryGet(h, out int value)) break;
                int categories = value >> 1;
                if (categories != 0 && StartsUpper(caps[i + length - 1]))
                    Mark(categories, i, length, masks);
                if ((value & 1) == 0) break;
            }
        }
    }

    private static bool StartsUpper(CapPattern cap) => cap is CapPattern.Initial or CapPattern.SingleUpper or CapPattern.AllUpper or CapPattern.MixedUpperFirst;

    private static void Mark(int categories, int start, int length, Span<ulong> masks)
    {
        for (int c = 0; categories != 0; c++, categories >>= 1)
        {
            if ((categories & 1) == 0) continue;
            ulong b = 1UL << (4 * c);
            if (length == 1) { masks[start] |= b << EntityLabels.Unit; continue; }
            masks[start] |= b << EntityLabels.Begin;
            for (int j = start + 1; j < start + length - 1; j++) masks[j] |= b << EntityLabels.Inside;
            masks[start + length - 1] |= b << EntityLabels.Last;
        }
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_paths.Length);
        foreach (var p in _paths) w.Write(p);
        WriteTable(w, _clusterOfWord);
        w.Write(_categories.Length);
        foreach (var c in _categories) w.Write(c);
        w.Write(_maxLength);
        WriteTable(w, _ngrams);
    }

    public static EntityLexicon Read(BinaryReader r)
    {
        var paths = new string[r.ReadInt32()];
        for (int i = 0; i < paths.Length; i++) paths[i] = r.ReadString();
        var clusterOfWord = ReadTable(r);
        var categories = new string[r.ReadInt32()];
        for (int i = 0; i < categories.Length; i++) categories[i] = r.ReadString();
        int maxLength = r.ReadInt32();
        return new EntityLexicon(paths, clusterOfWord, categories, ReadTable(r), maxLength);
    }

    private static void WriteTable(BinaryWriter w, KeyTable table)
    {
        w.Write(table.Count);
        foreach (var key in table.Keys)
        {
            table.TryGet(key, out int value);
            w.Write(key);
            w.Write(value);
        }
    }

    private static KeyTable ReadTable(BinaryReader r)
    {
        int count = r.ReadInt32();
        var table = new KeyTable(count);
        for (int i = 0; i < count; i++) table.Set(r.ReadUInt64(), r.ReadInt32());
        return table;
    }
}
