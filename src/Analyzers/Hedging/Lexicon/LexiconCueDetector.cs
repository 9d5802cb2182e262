using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging.Lexicon;

/// <summary>
/// The lexicon tier: longest match of cue and exception entries over each sentence's lower-cased
/// tokens, then the entry's context rule. An exception consumes its tokens, so no cue starts inside it.
/// </summary>
public sealed class LexiconCueDetector(HedgeLexicon lexicon, string modelId) : ICueDetector
{
    public const string Method = "lexicon";

    public string ModelId { get; } = modelId;
    public HedgeLexicon Lexicon { get; } = lexicon;

    public void Detect(Document doc, List<CueSpan> cues)
    {
        Span<char> buffer = stackalloc char[Lexicon.MaxTokenLength];
        foreach (var sentence in doc.Sentences)
        {
            int i = sentence.FirstToken;
            while (i < sentence.EndToken)
            {
                var (entry, end) = LongestMatch(doc, sentence, i, buffer);
                if (entry is null) { i++; continue; }
                if (!entry.IsException) cues.Add(new CueSpan(i, end, entry.Type!.Value, 1.0, Method));
                i = end;
            }
        }
    }

    /// <summary>The longest entry starting at token <paramref name="start"/> whose context rule passes.</summary>
    public (LexiconEntry? Entry, int End) LongestMatch(Document doc, in Sentence sentence, int start, Span<char> buffer)
    {
        LexiconEntry? best = null;
        int bestEnd = start;
        var cursor = Lexicon.Trie.Start;
        for (int j = start; j < sentence.EndToken; j++)
        {
            var token = doc.TokenText(j);
            if (token.Length > buffer.Length) break;
            var lower = buffer[..token.Length];
            LowerCase(token, lower);
            cursor = cursor.Next(lower);
            if (!cursor.IsValid) break;
            if (cursor.Value is { } entry && (entry.IsException || ContextRules.Accept(entry.Rule, doc, sentence, start, j + 1)))
            {
                best = entry;
                bestEnd = j + 1;
            }
        }
        return (best, bestEnd);
    }

    /// <summary>Lower-cases a token and folds typographic apostrophes to "'", as lexicon entries are written.</summary>
    public static void LowerCase(ReadOnlySpan<char> token, Span<char> lower)
    {
        token.ToLowerInvariant(lower);
        for (int k = 0; k < lower.Length; k++)
            if (lower[k] is '\u2019' or '\u2018') lower[k] = '\'';
    }
}
