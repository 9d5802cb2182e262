namespace Pipeline.Analyzers.Quotes.Lexicon;

/// <summary>
/// How descriptions of bodies resolve (bodies.tsv): the heads that may stand for a body named
/// without them ("the company" for BAA), and news outlets, by the heads that stand for one ("the
/// newspaper", "the magazine") and the words that mark an organisation's name as one ("The Sunday
/// Times", "CNN", "Vedomosti"). "The paper said" is the outlet that was named, not the nearest
/// organisation; "the police said" is no one when no police force is named.
/// </summary>
public sealed class BodyLexicon
{
    public const string FileName = "bodies.tsv";

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _firms, _heads, _names;

    private BodyLexicon(HashSet<string> firms, HashSet<string> heads, HashSet<string> names)
    {
        _firms = firms.GetAlternateLookup<ReadOnlySpan<char>>();
        _heads = heads.GetAlternateLookup<ReadOnlySpan<char>>();
        _names = names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>No file: every description may stand for the nearest organisation, and none for an outlet alone.</summary>
    public static readonly BodyLexicon None = new(new HashSet<string>(["*"]), [], []);

    /// <summary>Whether a description's head may stand for a body named without it ("company", "bank"): else only a body whose name holds it.</summary>
    public bool MayGoUnnamed(ReadOnlySpan<char> head) => _firms.Contains("*") || _firms.Contains(head);

    /// <summary>Whether a description's head stands for a news outlet ("newspaper", "paper", "magazine").</summary>
    public bool IsOutletHead(ReadOnlySpan<char> word) => _heads.Contains(word);

    /// <summary>Whether an organisation's name holds a word that marks a news outlet ("Financial Times", "BBC News").</summary>
    public bool IsOutletName(string name)
    {
        foreach (var part in NameWords.Of(name))
            if (_names.Contains(part)) return true;
        return false;
    }

    /// <exception cref="LexiconException">A line is not `firm|outlet|outlet-name TAB word`, or lists a word twice.</exception>
    public static BodyLexicon Load(string path)
    {
        var firms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var heads = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, f) in LexiconFile.Read(path, 2))
        {
            var set = f[0] switch
            {
                "firm" => firms,
                "outlet" => heads,
                "outlet-name" => names,
                _ => throw new LexiconException(path, line, $"unknown class '{f[0]}' (firm, outlet or outlet-name)"),
            };
            if (!set.Add(f[1])) throw new LexiconException(path, line, $"'{f[1]}' is listed twice");
        }
        return new BodyLexicon(firms, heads, names);
    }
}
