using Pipeline.Learning.Linear;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging.Ml;

/// <summary>
/// Hashed features of one token for the cue tagger: the word, its lower case and stem, shape and
/// suffix, the words and stems around it (±2), bigrams and a trigram, the lexicon tag of the token and
/// its neighbours, and — for frequent ambiguous cue stems ("may", "or", "suggest", "appear"...) —
/// conjunctions of the stem with its context, so each such word gets its own learned decision.
/// </summary>
public sealed class CueFeatures(int hashBits, IReadOnlySet<string> ambiguousStems)
{
    /// <summary>Upper bound of the features one token produces.</summary>
    public const int MaxPerToken = 40;

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _ambiguous =
        new HashSet<string>(ambiguousStems, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly FeatureHasher _hash = new(hashBits);

    public int HashBits { get; } = hashBits;
    public IReadOnlySet<string> AmbiguousStems { get; } = ambiguousStems;

    /// <summary>Whether token <paramref name="i"/> has an ambiguous cue stem: the tokens the encoder tier reads a context vector for.</summary>
    public bool IsCandidate(TokenTable t, int i) => _ambiguous.Contains(t.Stem(i));

    /// <summary>Writes the feature indices of token <paramref name="i"/> into <paramref name="into"/>; returns their count.</summary>
    public int Extract(TokenTable t, in Sentence s, int i, Span<int> into)
    {
        int n = 0;
        var w = t.Lower(i);
        var stem = t.Stem(i);
        var doc = t.Document;
        Span<char> shape = stackalloc char[4];
        int shapeLength = Shape(doc.TokenText(i), shape);

        into[n++] = _hash.Hash(1, w);
        into[n++] = _hash.Hash(2, stem);
        into[n++] = _hash.Hash(3, shape[..shapeLength]);
        into[n++] = _hash.Hash(4, w.Length > 3 ? w[^3..] : w);
        into[n++] = _hash.Hash(5, Word(t, s, i - 1));
        into[n++] = _hash.Hash(6, Word(t, s, i + 1));
        into[n++] = _hash.Hash(7, Word(t, s, i - 2));
        into[n++] = _hash.Hash(8, Word(t, s, i + 2));
        into[n++] = _hash.Hash(9, Word(t, s, i - 1), w);
        into[n++] = _hash.Hash(10, w, Word(t, s, i + 1));
        into[n++] = Chain(11, w, Word(t, s, i + 1), Word(t, s, i + 2));
        into[n++] = _hash.Hash(12, StemAt(t, s, i - 1), stem);
        into[n++] = _hash.Hash(13, stem, StemAt(t, s, i + 1));
        into[n++] = _hash.Hash(14, StemAt(t, s, i - 1));
        into[n++] = _hash.Hash(15, StemAt(t, s, i + 1));

        int lex = t.LexiconTags[i];
        into[n++] = _hash.Hash(20, lex);
        into[n++] = _hash.Hash(Pack(21, lex), stem);
        into[n++] = _hash.Hash(22, (Tag(t, s, i - 1) << 16) | (lex << 8) | Tag(t, s, i + 1));
        into[n++] = _hash.Hash(23, Position(t, s, i));

        if (_ambiguous.Contains(stem))
        {
            into[n++] = _hash.Hash(30, stem, Word(t, s, i - 1));
            into[n++] = _hash.Hash(31, stem, Word(t, s, i + 1));
            into[n++] = _hash.Hash(32, stem, Word(t, s, i - 2));
            into[n++] = _hash.Hash(33, stem, Word(t, s, i + 2));
            into[n++] = Chain(34, stem, StemAt(t, s, i + 1), StemAt(t, s, i + 2));
            into[n++] = Chain(35, stem, Word(t, s, i - 1), Word(t, s, i + 1));
            into[n++] = _hash.Hash(Pack(36, ShapeClass(t, s, i - 1) * 8 + ShapeClass(t, s, i + 1)), stem);
            into[n++] = _hash.Hash(Pack(37, Position(t, s, i)), w);
            into[n++] = _hash.Hash(38, stem, StemAt(t, s, i - 1));
            into[n++] = _hash.Hash(Pack(39, (Tag(t, s, i - 1) << 8) | Tag(t, s, i + 1)), stem);
        }
        return n;
    }

    /// <summary>A feature over three texts: the hash of the first two, chained with the third.</summary>
    private int Chain(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c) =>
        _hash.Hash(_hash.Hash(template, a, b), c);

    /// <summary>A template id carrying a small number (a tag, a position code) in its upper bits.</summary>
    private static int Pack(int template, int value) => template | (value << 8);

    /// <summary>Sentence-initial (1) and capitalised (2).</summary>
    private static int Position(TokenTable t, in Sentence s, int i) =>
        (i == s.FirstToken ? 1 : 0) | (char.IsUpper(t.Document.TokenText(i)[0]) ? 2 : 0);

    private static ReadOnlySpan<char> Word(TokenTable t, in Sentence s, int i) =>
        i < s.FirstToken ? "<s>" : i >= s.EndToken ? "</s>" : t.Lower(i);

    private static ReadOnlySpan<char> StemAt(TokenTable t, in Sentence s, int i) =>
        i < s.FirstToken ? "<s>" : i >= s.EndToken ? "</s>" : t.Stem(i);

    private static int Tag(TokenTable t, in Sentence s, int i) =>
        i < s.FirstToken || i >= s.EndToken ? 255 : t.LexiconTags[i];

    /// <summary>A coarse class of a neighbour: number, capitalised, lower-case word, punctuation, edge.</summary>
    private static int ShapeClass(TokenTable t, in Sentence s, int i)
    {
        if (i < s.FirstToken || i >= s.EndToken) return 0;
        var token = t.Document.Tokens[i];
        if (token.Kind == TokenKind.Number) return 1;
        if (token.Kind != TokenKind.Word) return 2;
        return char.IsUpper(t.Document.TokenText(i)[0]) ? 3 : 4;
    }

    /// <summary>Collapsed character classes (X, x, d, or the character itself), at most four.</summary>
    private static int Shape(ReadOnlySpan<char> token, Span<char> shape)
    {
        int n = 0;
        foreach (var c in token)
        {
            char k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (n > 0 && shape[n - 1] == k) continue;
            if (n == shape.Length) break;
            shape[n++] = k;
        }
        return n;
    }
}
