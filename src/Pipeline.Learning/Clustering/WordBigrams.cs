namespace Pipeline.Learning.Clustering;

/// <summary>
/// Words by decreasing frequency and the bigram counts between them, grouped for Brown clustering:
/// each bigram is stored with the less frequent of its two words (the one that enters the
/// clustering later), so adding a word brings exactly its bigrams with the words already in.
/// </summary>
public sealed class WordBigrams
{
    private readonly int[] _start;
    private readonly int[] _other;
    private readonly int[] _count;

    private WordBigrams(string[] words, long[] counts, int[] start, int[] other, int[] count)
    {
        Words = words;
        Counts = counts;
        _start = start;
        _other = other;
        _count = count;
    }

    /// <summary>Words in rank order (most frequent first).</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Each word's corpus count, in rank order.</summary>
    public IReadOnlyList<long> Counts { get; }

    public int WordCount => Words.Count;

    /// <summary>Distinct bigrams.</summary>
    public int BigramCount => _other.Length;

    /// <summary>
    /// Builds the table from (left rank, right rank, count) triples; words must be in rank order.
    /// </summary>
    public static WordBigrams Create(string[] words, long[] counts, IEnumerable<(int Left, int Right, int Count)> bigrams)
    {
        if (words.Length != counts.Length) throw new ArgumentException("one count per word is needed", nameof(counts));
        var list = bigrams.ToList();
        var start = new int[words.Length + 1];
        foreach (var (l, r, c) in list)
        {
            if ((uint)l >= (uint)words.Length || (uint)r >= (uint)words.Length || c <= 0)
                throw new ArgumentException($"bigram ({l}, {r}, {c}) is outside the vocabulary of {words.Length} words or not positive", nameof(bigrams));
            start[Math.Max(l, r) + 1]++;
        }
        for (int w = 0; w < words.Length; w++) start[w + 1] += start[w];
        var fill = start[..^1].ToArray();
        var other = new int[list.Count];
        var count = new int[list.Count];
        foreach (var (l, r, c) in list.OrderBy(b => b.Left).ThenBy(b => b.Right))
        {
            // The owner is the later word; the sign says on which side of it the other word stands.
            int owner = Math.Max(l, r), at = fill[owner]++;
            other[at] = owner == l ? r : l;
            count[at] = owner == l ? c : -c;
        }
        return new WordBigrams(words, counts, start, other, count);
    }

    /// <summary>
    /// The bigrams of <paramref name="word"/> with words of rank up to its own: the other word, and
    /// a count that is positive when <paramref name="word"/> comes first and negative when it comes second.
    /// A bigram of the word with itself appears once, positive.
    /// </summary>
    internal void BigramsOf(int word, out ReadOnlySpan<int> other, out ReadOnlySpan<int> signedCount)
    {
        int s = _start[word], n = _start[word + 1] - s;
        other = _other.AsSpan(s, n);
        signedCount = _count.AsSpan(s, n);
    }
}
