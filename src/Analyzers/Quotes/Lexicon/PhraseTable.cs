using System.Collections.Frozen;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Lexicon;

/// <summary>
/// Multi-word phrases matched token by token, case-insensitively, longest match first.
/// Lookups go through the token's text span: no allocation per token.
/// </summary>
internal sealed class PhraseTable<T>
{
    private readonly FrozenDictionary<string, (string[] Tail, T Value)[]> _byFirstWord;
    private readonly FrozenDictionary<string, (string[] Tail, T Value)[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    // Hashes of the lower-cased first words: most tokens open no phrase, and one probe of this flat set says so.
    private readonly HashSet32 _firstWords;

    public PhraseTable(IEnumerable<(string[] Words, T Value)> phrases)
    {
        _byFirstWord = phrases
            .GroupBy(p => p.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.Select(p => (p.Words[1..], p.Value)).OrderByDescending(p => p.Item1.Length).ToArray(),
                StringComparer.OrdinalIgnoreCase);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWords = new HashSet32(_byFirstWord.Keys.Select(w => Hashing.Lower(w)));
    }

    public int Count => _byFirstWord.Count;

    /// <summary>The longest phrase starting at token <paramref name="index"/> and ending before <paramref name="end"/>.</summary>
    public bool TryMatch(Document doc, int index, int end, out int length, out T value) =>
        TryMatch(doc, index, end, Hashing.Lower(doc.TokenText(index)), out length, out value);

    /// <summary>The same, given <see cref="Hashing.Lower"/> of the first token (a token view computes it once for every lexicon).</summary>
    public bool TryMatch(Document doc, int index, int end, int firstLowerHash, out int length, out T value)
    {
        var first = doc.TokenText(index);
        if (_firstWords.Contains(firstLowerHash) && _lookup.TryGetValue(first, out var candidates))
        {
            foreach (var (rest, v) in candidates)
            {
                if (index + 1 + rest.Length > end) continue;
                int k = 0;
                while (k < rest.Length && doc.TokenText(index + 1 + k).Equals(rest[k], StringComparison.OrdinalIgnoreCase)) k++;
                if (k == rest.Length)
                {
                    length = rest.Length + 1;
                    value = v;
                    return true;
                }
            }
        }
        length = 0;
        value = default!;
        return false;
    }
}
