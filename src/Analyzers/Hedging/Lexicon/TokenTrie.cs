namespace Pipeline.Analyzers.Hedging.Lexicon;

/// <summary>
/// A trie over lower-cased tokens. Lookups take the token as a span, so matching allocates nothing.
/// Built once, then read-only and safe to share between threads.
/// </summary>
public sealed class TokenTrie<T> where T : class
{
    private readonly Node _root = new();

    public int Count { get; private set; }

    /// <summary>Adds a token sequence; returns false (and keeps the first) when it is already present.</summary>
    public bool Add(IReadOnlyList<string> tokens, T value)
    {
        if (tokens.Count == 0) throw new ArgumentException("an entry needs at least one token", nameof(tokens));
        var node = _root;
        foreach (var token in tokens)
        {
            if (!node.Children.TryGetValue(token, out var child))
                node.Children.Add(token, child = new Node());
            node = child;
        }
        if (node.Value is not null) return false;
        node.Value = value;
        Count++;
        return true;
    }

    /// <summary>The root, from which a match walks one token at a time.</summary>
    public Cursor Start => new(_root);

    /// <summary>A position in the trie.</summary>
    public readonly struct Cursor
    {
        private readonly Node? _node;
        internal Cursor(Node? node) => _node = node;

        public bool IsValid => _node is not null;
        /// <summary>The entry ending here, if any.</summary>
        public T? Value => _node?.Value;

        /// <summary>The cursor after one more (lower-cased) token; invalid when no entry continues so.</summary>
        public Cursor Next(ReadOnlySpan<char> lowerToken) =>
            _node is not null && _node.Lookup.TryGetValue(lowerToken, out var child) ? new Cursor(child) : default;
    }

    internal sealed class Node
    {
        public readonly Dictionary<string, Node> Children;
        public readonly Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> Lookup;
        public T? Value;

        public Node()
        {
            Children = new Dictionary<string, Node>(StringComparer.Ordinal);
            Lookup = Children.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }
}
