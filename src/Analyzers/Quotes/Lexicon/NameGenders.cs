namespace Pipeline.Analyzers.Quotes.Lexicon;

/// <summary>The gender a first name or title tells, for he/she agreement.</summary>
public enum Gender : byte { Unknown, Male, Female }

/// <summary>First names and titles with the gender they tell (first-names.tsv); any other word tells nothing.</summary>
public sealed class NameGenders
{
    public const string FileName = "first-names.tsv";

    private readonly Dictionary<string, Gender> _words;
    private readonly Dictionary<string, Gender>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private NameGenders(Dictionary<string, Gender> words)
    {
        _words = words;
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>No names: every pronoun agrees with every person (a lexicon folder without the file).</summary>
    public static readonly NameGenders None = new(new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase));

    public int Count => _words.Count;

    public Gender Of(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var gender) ? gender : Gender.Unknown;

    public static NameGenders Load(string path)
    {
        var words = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, f) in LexiconFile.Read(path, 2))
        {
            var gender = f[0] switch
            {
                "male" => Gender.Male,
                "female" => Gender.Female,
                _ => throw new LexiconException(path, line, $"unknown gender '{f[0]}' (male or female)"),
            };
            if (!words.TryAdd(f[1], gender)) throw new LexiconException(path, line, $"'{f[1]}' is listed twice");
        }
        return new NameGenders(words);
    }
}
