namespace Pipeline.Learning.Clustering;

/// <summary>
/// Collects token sequences (sentences) and turns them into the word and bigram counts that
/// clustering needs. Words are case-sensitive; bigrams never cross a sequence end.
/// </summary>
public sealed class CorpusCounter
{
    private const int SequenceEnd = -1;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _words = [];
    private readonly List<long> _counts = [];
    private readonly List<int> _stream = [];

    public CorpusCounter() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public long TokenCount { get; private set; }
    public int SequenceCount { get; private set; }
    public int VocabularySize => _words.Count;

    /// <summary>
    /// Adds the next token of the current sequence. A token that is not well-formed UTF-16 (a lone
    /// surrogate split off by a tokenizer) cannot be written out, so it ends the sequence instead.
    /// </summary>
    public void AddToken(ReadOnlySpan<char> token)
    {
        if (!IsWellFormed(token)) { EndSequence(); return; }
        if (!_lookup.TryGetValue(token, out int id))
        {
            id = _words.Count;
            string word = token.ToString();
            _ids.Add(word, id);
            _words.Add(word);
            _counts.Add(0);
        }
        _counts[id]++;
        _stream.Add(id);
        TokenCount++;
    }

    private static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (!char.IsHighSurrogate(text[i]) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
            i++;
        }
        return true;
    }

    /// <summary>Ends the current sequence: no bigram joins its last token to the next token.</summary>
    public void EndSequence()
    {
        if (_stream.Count == 0 || _stream[^1] == SequenceEnd) return;
        _stream.Add(SequenceEnd);
        SequenceCount++;
    }

    /// <summary>
    /// The words seen at least <paramref name="minCount"/> times, most frequent first (ties in
    /// ordinal order), and the bigrams between them. A dropped word breaks its sequence.
    /// </summary>
    public WordBigrams Build(int minCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        var kept = Enumerable.Range(0, _words.Count).Where(i => _counts[i] >= minCount)
            .OrderByDescending(i => _counts[i]).ThenBy(i => _words[i], StringComparer.Ordinal).ToArray();
        var rank = new int[_words.Count];
        Array.Fill(rank, -1);
        for (int r = 0; r < kept.Length; r++) rank[kept[r]] = r;

        var pairs = new Dictionary<long, int>();
        int previous = -1;
        foreach (int id in _stream)
        {
            int current = id == SequenceEnd ? -1 : rank[id];
            if (previous >= 0 && current >= 0)
            {
                long key = ((long)previous << 32) | (uint)current;
                pairs[key] = pairs.GetValueOrDefault(key) + 1;
            }
            previous = current;
        }
        return WordBigrams.Create(
            kept.Select(i => _words[i]).ToArray(),
            kept.Select(i => _counts[i]).ToArray(),
            pairs.Select(p => ((int)(p.Key >> 32), (int)(uint)p.Key, p.Value)));
    }
}
