namespace Pipeline.Analyzers.Hedging.Lexicon;

/// <summary>
/// Expands a lexicon pattern such as "(is|was) expected to" or "it (is|remains) (unclear|not clear)"
/// into the token sequences it stands for. Each word is also split at punctuation ("so-called" gives
/// "so-called" and "so - called"), so the entry matches whether or not the segmenter splits it.
/// </summary>
public static class CuePattern
{
    /// <exception cref="FormatException">Unbalanced parentheses or an empty alternative.</exception>
    public static IReadOnlyList<string[]> Expand(string pattern)
    {
        var sequences = new List<List<string>> { new() };
        foreach (var group in Groups(pattern))
        {
            var next = new List<List<string>>();
            foreach (var prefix in sequences)
                foreach (var alternative in group)
                    foreach (var words in WordVariants(alternative))
                        next.Add([.. prefix, .. words]);
            sequences = next;
        }
        return sequences.Select(s => s.ToArray()).DistinctBy(s => string.Join(' ', s)).ToList();
    }

    /// <summary>Splits a pattern into positions, each a list of alternatives (one or more words each).</summary>
    private static IEnumerable<string[]> Groups(string pattern)
    {
        int i = 0;
        var text = pattern.Trim().ToLowerInvariant();
        while (i < text.Length)
        {
            if (text[i] == ' ') { i++; continue; }
            if (text[i] == '(')
            {
                int close = text.IndexOf(')', i);
                if (close < 0) throw new FormatException($"unclosed '(' in \"{pattern}\"");
                var alternatives = text[(i + 1)..close].Split('|', StringSplitOptions.TrimEntries);
                if (alternatives.Any(a => a.Length == 0)) throw new FormatException($"empty alternative in \"{pattern}\"");
                yield return alternatives;
                i = close + 1;
            }
            else
            {
                int end = text.IndexOfAny([' ', '('], i);
                if (end < 0) end = text.Length;
                var word = text[i..end];
                if (word.Contains(')') || word.Contains('|')) throw new FormatException($"stray ')' or '|' in \"{pattern}\"");
                yield return [word];
                i = end;
            }
        }
    }

    /// <summary>The words of an alternative, as written and split at punctuation inside words.</summary>
    private static IEnumerable<string[]> WordVariants(string alternative)
    {
        var words = alternative.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        yield return words;
        var split = words.SelectMany(SplitAtPunctuation).ToArray();
        if (split.Length != words.Length) yield return split;
    }

    private static IEnumerable<string> SplitAtPunctuation(string word)
    {
        int start = 0;
        for (int i = 0; i < word.Length; i++)
        {
            if (char.IsLetterOrDigit(word[i])) continue;
            if (i > start) yield return word[start..i];
            yield return word[i].ToString();
            start = i + 1;
        }
        if (start < word.Length) yield return word[start..];
    }
}
