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

    public int HashBits { get; } = hashBits;
    public IReadOnlySet<string> AmbiguousStems { get; } = ambiguousStems;

    /// <summary>Writes the feature indices of token <paramref name="i"/> into <paramref name="into"/>; returns their count.</summary>
    public int Extract(TokenTable t, in Sentence s, int i, Span<int> into)
    {
        int n = 0, bits = HashBits;
        var w = t.Lower(i);
        var stem = t.Stem(i);
        var doc = t.Document;
        Span<char> shape = stackalloc char[4];
        int shapeLength = Shape(doc.TokenText(i), shape);

        into[n++] = FeatureHash.Of(1).Add(w).Index(bits);
        into[n++] = FeatureHash.Of(2).Add(stem).Index(bits);
        into[n++] = FeatureHash.Of(3).Add(shape[..shapeLength]).Index(bits);
        into[n++] = FeatureHash.Of(4).Add(w.Length > 3 ? w[^3..] : w).Index(bits);
        into[n++] = FeatureHash.Of(5).Add(Word(t, s, i - 1)).Index(bits);
        into[n++] = FeatureHash.Of(6).Add(Word(t, s, i + 1)).Index(bits);
        into[n++] = FeatureHash.Of(7).Add(Word(t, s, i - 2)).Index(bits);
        into[n++] = FeatureHash.Of(8).Add(Word(t, s, i + 2)).Index(bits);
        into[n++] = FeatureHash.Of(9).Add(Word(t, s, i - 1)).Add(w).Index(bits);
        into[n++] = FeatureHash.Of(10).Add(w).Add(Word(t, s, i + 1)).Index(bits);
        into[n++] = FeatureHash.Of(11).Add(w).Add(Word(t, s, i + 1)).Add(Word(t, s, i + 2)).Index(bits);
        into[n++] = FeatureHash.Of(12).Add(StemAt(t, s, i - 1)).Add(stem).Index(bits);
        into[n++] = FeatureHash.Of(13).Add(stem).Add(StemAt(t, s, i + 1)).Index(bits);
        into[n++] = FeatureHash.Of(14).Add(StemAt(t, s, i - 1)).Index(bits);
        into[n++] = FeatureHash.Of(15).Add(StemAt(t, s, i + 1)).Index(bits);

        int lex = t.LexiconTags[i];
        into[n++] = FeatureHash.Of(20).Add(lex).Index(bits);
        into[n++] = FeatureHash.Of(21).Add(lex).Add(stem).Index(bits);
        into[n++] = FeatureHash.Of(22).Add(Tag(t, s, i - 1)).Add(lex).Add(Tag(t, s, i + 1)).Index(bits);
        into[n++] = FeatureHash.Of(23).Add(i == s.FirstToken ? 1 : 0).Add(char.IsUpper(doc.TokenText(i)[0]) ? 1 : 0).Index(bits);

        if (_ambiguous.Contains(stem))
        {
            into[n++] = FeatureHash.Of(30).Add(stem).Add(Word(t, s, i - 1)).Index(bits);
            into[n++] = FeatureHash.Of(31).Add(stem).Add(Word(t, s, i + 1)).Index(bits);
            into[n++] = FeatureHash.Of(32).Add(stem).Add(Word(t, s, i - 2)).Index(bits);
            into[n++] = FeatureHash.Of(33).Add(stem).Add(Word(t, s, i + 2)).Index(bits);
            into[n++] = FeatureHash.Of(34).Add(stem).Add(StemAt(t, s, i + 1)).Add(StemAt(t, s, i + 2)).Index(bits);
            into[n++] = FeatureHash.Of(35).Add(stem).Add(Word(t, s, i - 1)).Add(Word(t, s, i + 1)).Index(bits);
            into[n++] = FeatureHash.Of(36).Add(stem).Add(ShapeClass(t, s, i + 1)).Add(ShapeClass(t, s, i - 1)).Index(bits);
            into[n++] = FeatureHash.Of(37).Add(stem).Add(w).Add(i == s.FirstToken ? 1 : 0).Add(char.IsUpper(doc.TokenText(i)[0]) ? 1 : 0).Index(bits);
            into[n++] = FeatureHash.Of(38).Add(stem).Add(StemAt(t, s, i - 1)).Index(bits);
            into[n++] = FeatureHash.Of(39).Add(stem).Add(Tag(t, s, i - 1)).Add(Tag(t, s, i + 1)).Index(bits);
        }
        return n;
    }

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
