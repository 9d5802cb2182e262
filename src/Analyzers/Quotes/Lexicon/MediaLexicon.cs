namespace Pipeline.Analyzers.Quotes.Lexicon;

/// <summary>
/// News outlets (media.tsv): the description heads that stand for one ("the newspaper", "the
/// magazine") and the words that mark an organisation's name as one ("The Sunday Times", "CNN",
/// "Vedomosti"). "The paper said" is the outlet that was named, not the nearest organisation.
/// </summary>
public sealed class MediaLexicon
{
    public const string FileName = "media.tsv";

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _heads, _names;

    private MediaLexicon(HashSet<string> heads, HashSet<string> names)
    {
        _heads = heads.GetAlternateLookup<ReadOnlySpan<char>>();
        _names = names.GetAlternateLookup<ReadOnlySpan<char>>();
        HeadCount = heads.Count;
        NameCount = names.Count;
    }

    /// <summary>No outlets: descriptions of outlets resolve as any organisation's (a lexicon folder without the file).</summary>
    public static readonly MediaLexicon None = new([], []);

    public int HeadCount { get; }
    public int NameCount { get; }

    /// <summary>Whether a description's head stands for a news outlet ("newspaper", "paper", "magazine").</summary>
    public bool IsOutletHead(ReadOnlySpan<char> word) => _heads.Contains(word);

    /// <summary>Whether an organisation's name holds a word that marks a news outlet ("Financial Times", "BBC News").</summary>
    public bool IsOutletName(string name)
    {
        foreach (var part in name.Split([' ', '-', '\'', '’', '.', ','], StringSplitOptions.RemoveEmptyEntries))
            if (_names.Contains(part)) return true;
        return false;
    }

    /// <exception cref="LexiconException">A line is not `head|name TAB word`, or lists a word twice.</exception>
    public static MediaLexicon Load(string path)
    {
        var heads = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, f) in LexiconFile.Read(path, 2))
        {
            var set = f[0] switch
            {
                "head" => heads,
                "name" => names,
                _ => throw new LexiconException(path, line, $"unknown class '{f[0]}' (head or name)"),
            };
            if (!set.Add(f[1])) throw new LexiconException(path, line, $"'{f[1]}' is listed twice");
        }
        return new MediaLexicon(heads, names);
    }
}
