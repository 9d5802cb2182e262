using System.Buffers;
using System.Text;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Learning.Gazetteers;

/// <summary>A set of gazetteer categories (bit i = category i of the <see cref="Gazetteer"/>).</summary>
public readonly record struct GazetteerCategories(uint Mask)
{
    public bool IsEmpty => Mask == 0;
    public bool Contains(int category) => (Mask & (1u << category)) != 0;
}

/// <summary>A run of tokens found in the gazetteer: its first token, its token count and its categories.</summary>
public readonly record struct GazetteerMatch(int Start, int Length, GazetteerCategories Categories);

/// <summary>
/// Named lists of phrases (countries, cities, first names...) looked up over token sequences, longest
/// match first. Entries are indexed as the segmenter tokenizes them and also split at whitespace only,
/// so that text tokenized either way matches. Immutable and thread-safe once built; lookups allocate
/// nothing for sequences up to 256 tokens.
/// </summary>
public sealed class Gazetteer
{
    public const int MaxCategories = 32;
    private const int StackLimit = 256;

    private readonly Dictionary<string, int> _tokenIds;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tokenLookup;
    private readonly Dictionary<long, int> _edges = [];      // (node << 32 | token id) -> child node
    private readonly List<uint> _nodeCategories = [0];      // categories of the phrase ending at each node; node 0 is the root
    private readonly string[] _categories;

    private Gazetteer(IReadOnlyList<(string Category, IEnumerable<string> Entries)> lists, bool ignoreCase)
    {
        if (lists.Count > MaxCategories) throw new ArgumentException($"at most {MaxCategories} categories, not {lists.Count}", nameof(lists));
        _tokenIds = new Dictionary<string, int>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        _tokenLookup = _tokenIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _categories = lists.Select(l => l.Category).ToArray();
        IgnoreCase = ignoreCase;
        var tokens = new List<string>();
        for (int c = 0; c < lists.Count; c++)
            foreach (var entry in lists[c].Entries)
            {
                foreach (var tokenization in Tokenizations(entry, tokens)) Add(tokenization, 1u << c);
                EntryCount++;
            }
    }

    /// <summary>Category names, in bit order.</summary>
    public IReadOnlyList<string> Categories => _categories;

    public bool IgnoreCase { get; }

    /// <summary>Entries read, over all categories.</summary>
    public int EntryCount { get; private set; }

    /// <summary>The bit index of a category, or -1.</summary>
    public int CategoryIndex(string name) => Array.IndexOf(_categories, name);

    /// <summary>Builds a gazetteer from named lists of phrases.</summary>
    public static Gazetteer Create(IEnumerable<(string Category, IEnumerable<string> Entries)> lists, bool ignoreCase = false) =>
        new(lists.ToList(), ignoreCase);

    /// <summary>
    /// Loads every `*.txt` file of <paramref name="directory"/> as one category named after the file
    /// (one phrase per line, blank lines ignored), in ordinal order of the names.
    /// </summary>
    public static Gazetteer Load(string directory, bool ignoreCase = false) => new(ReadLists(directory), ignoreCase);

    /// <summary>The lists of a gazetteer folder as <see cref="Load"/> reads them (to copy them into a model).</summary>
    public static List<(string Category, IEnumerable<string> Entries)> ReadLists(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"{directory}: gazetteer folder not found");
        var lists = Directory.EnumerateFiles(directory, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f),
                          File.ReadLines(f, Encoding.UTF8).Select(l => l.Trim()).Where(l => l.Length > 0)))
            .ToList();
        if (lists.Count == 0) throw new InvalidDataException($"{directory}: no *.txt lists");
        return lists;
    }

    /// <summary>The categories of exactly this phrase (empty when it is no entry).</summary>
    public GazetteerCategories Lookup(ReadOnlySpan<string> phrase)
    {
        int node = 0;
        foreach (var token in phrase)
            if (!_tokenLookup.TryGetValue(token, out int id) || !_edges.TryGetValue(Key(node, id), out node)) return default;
        return new GazetteerCategories(_nodeCategories[node]);
    }

    /// <summary>
    /// Scans left to right and appends to <paramref name="matches"/> the longest entry starting at each
    /// position, continuing after it (matches do not overlap).
    /// </summary>
    public void FindMatches(ReadOnlySpan<string> tokens, List<GazetteerMatch> matches)
    {
        int[]? rented = null;
        Span<int> ids = tokens.Length <= StackLimit ? stackalloc int[tokens.Length] : (rented = ArrayPool<int>.Shared.Rent(tokens.Length));
        for (int t = 0; t < tokens.Length; t++) ids[t] = TokenId(tokens[t]);
        FindMatches(ids[..tokens.Length], matches);
        if (rented is not null) ArrayPool<int>.Shared.Return(rented);
    }

    /// <summary>As <see cref="FindMatches(ReadOnlySpan{string}, List{GazetteerMatch})"/>, for tokens given as spans of <paramref name="text"/>.</summary>
    public void FindMatches(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, List<GazetteerMatch> matches)
    {
        int[]? rented = null;
        Span<int> ids = tokens.Length <= StackLimit ? stackalloc int[tokens.Length] : (rented = ArrayPool<int>.Shared.Rent(tokens.Length));
        for (int t = 0; t < tokens.Length; t++) ids[t] = TokenId(text.Slice(tokens[t].Span.Start, tokens[t].Span.Length));
        FindMatches(ids[..tokens.Length], matches);
        if (rented is not null) ArrayPool<int>.Shared.Return(rented);
    }

    private void FindMatches(ReadOnlySpan<int> ids, List<GazetteerMatch> matches)
    {
        for (int start = 0; start < ids.Length;)
        {
            int node = 0, length = 0;
            uint categories = 0;
            for (int t = start; t < ids.Length && ids[t] >= 0 && _edges.TryGetValue(Key(node, ids[t]), out node); t++)
                if (_nodeCategories[node] != 0) { length = t - start + 1; categories = _nodeCategories[node]; }
            if (length == 0) { start++; continue; }
            matches.Add(new GazetteerMatch(start, length, new GazetteerCategories(categories)));
            start += length;
        }
    }

    private int TokenId(ReadOnlySpan<char> token) => _tokenLookup.TryGetValue(token, out int id) ? id : -1;

    private static long Key(int node, int tokenId) => ((long)node << 32) | (uint)tokenId;

    private void Add(List<string> tokens, uint category)
    {
        int node = 0;
        foreach (var token in tokens)
        {
            if (!_tokenIds.TryGetValue(token, out int id)) _tokenIds.Add(token, id = _tokenIds.Count);
            long key = Key(node, id);
            if (!_edges.TryGetValue(key, out int child))
            {
                child = _nodeCategories.Count;
                _nodeCategories.Add(0);
                _edges.Add(key, child);
            }
            node = child;
        }
        _nodeCategories[node] |= category;
    }

    /// <summary>
    /// The entry split at whitespace, and as the segmenter splits it when that can differ (the entry
    /// has characters other than letters, digits and spaces).
    /// </summary>
    private static IEnumerable<List<string>> Tokenizations(string entry, List<string> scratch)
    {
        scratch.Clear();
        scratch.AddRange(entry.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (scratch.Count > 0) yield return scratch;
        if (entry.All(c => char.IsLetterOrDigit(c) || c == ' ')) yield break;
        var words = scratch.ToArray();
        scratch.Clear();
        foreach (var token in Segmenter.Default.Segment(entry).Tokens)
            scratch.Add(entry.Substring(token.Span.Start, token.Span.Length));
        if (scratch.Count > 0 && !scratch.SequenceEqual(words)) yield return scratch;
    }
}
