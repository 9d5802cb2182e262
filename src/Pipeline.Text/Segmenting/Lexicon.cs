using System.Collections.Frozen;
using System.Reflection;

namespace Pipeline.Text.Segmenting;

internal enum AbbreviationKind : byte
{
    None,
    /// <summary>May end a sentence (Inc., U.S., an initial).</summary>
    General,
    /// <summary>Comes before a name or a number (Mr., Gen., Jan.): never ends a sentence before a capitalised word.</summary>
    Title,
    /// <summary>An abbreviation only before a number (No. 10).</summary>
    BeforeNumber,
}

/// <summary>The word lists of the segmenter, read once from the data files embedded next to it.</summary>
internal static class Lexicon
{
    private static readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> s_abbreviations =
        Load("abbreviations.txt").ToFrozenDictionary(
            line => line.Split(' ')[0],
            line => line.Split(' ') switch
            {
                [_] => AbbreviationKind.General,
                [_, "title"] => AbbreviationKind.Title,
                [_, "number"] => AbbreviationKind.BeforeNumber,
                _ => throw new InvalidDataException($"abbreviations.txt: bad line '{line}'"),
            },
            StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_hyphenPrefixes =
        Load("hyphen-prefixes.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_sentenceOpeners =
        Load("sentence-openers.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How <paramref name="word"/> (without its period) behaves as an abbreviation.</summary>
    public static AbbreviationKind Abbreviation(ReadOnlySpan<char> word) =>
        s_abbreviations.TryGetValue(word, out var kind) ? kind : AbbreviationKind.None;

    /// <summary>
    /// A hyphenated word starting with this part stays one token (e-mail, re-election, X-ray);
    /// a lone "a" or "I" is a word of its own (quarter-of-a-century).
    /// </summary>
    public static bool IsHyphenPrefix(ReadOnlySpan<char> part) =>
        part.Length == 1 ? part[0] is not ('a' or 'I') : s_hyphenPrefixes.Contains(part);

    /// <summary>A three-letter month abbreviation (Jan ... Dec), any case.</summary>
    public static bool IsMonth(ReadOnlySpan<char> word)
    {
        if (word.Length != 3) return false;
        Span<char> lower = stackalloc char[3];
        word.ToLowerInvariant(lower);
        int at = "janfebmaraprmayjunjulaugsepoctnovdec".AsSpan().IndexOf(lower);
        return at >= 0 && at % 3 == 0;
    }

    /// <summary>A word that usually opens a sentence (The, He, But...).</summary>
    public static bool IsSentenceOpener(ReadOnlySpan<char> word) => s_sentenceOpeners.Contains(word);

    private static IEnumerable<string> Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Pipeline.Text.Segmenting." + name)
            ?? throw new InvalidOperationException($"embedded word list {name} is missing");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#') lines.Add(line);
        }
        return lines;
    }
}
