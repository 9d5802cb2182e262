using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Lexicon;

/// <summary>What a reporting cue reports.</summary>
public enum CueCategory { Speech, Writing, Thought, Evidence, Sourcing }

/// <summary>One reporting verb or phrase: its lemma ("say") and category.</summary>
public sealed record CueEntry(string Lemma, CueCategory Category)
{
    /// <summary>Participles ("adding", "citing") report for the subject of the clause they hang on.</summary>
    public bool IsSourcing => Category == CueCategory.Sourcing;
}

/// <summary>The reporting-cue lexicon (cues.tsv): every inflected form of a few hundred verbs and phrases.</summary>
public sealed class CueLexicon
{
    private readonly PhraseTable<CueEntry> _forms;

    private CueLexicon(PhraseTable<CueEntry> forms, int entryCount)
    {
        _forms = forms;
        EntryCount = entryCount;
    }

    public int EntryCount { get; }

    /// <summary>Reads cues.tsv: lemma, category, forms separated by '|'.</summary>
    public static CueLexicon Load(string path)
    {
        var forms = new List<(string[], CueEntry)>();
        int entries = 0;
        foreach (var (line, f) in LexiconFile.Read(path, 3))
        {
            if (!Enum.TryParse<CueCategory>(f[1], ignoreCase: true, out var category))
                throw new LexiconException(path, line, $"unknown category '{f[1]}' (speech, writing, thought, evidence, sourcing)");
            var entry = new CueEntry(f[0].ToLowerInvariant(), category);
            foreach (var form in f[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                forms.Add((LexiconFile.Words(form), entry));
            entries++;
        }
        if (entries == 0) throw new LexiconException(path, 0, "no entries");
        return new CueLexicon(new PhraseTable<CueEntry>(forms), entries);
    }

    /// <summary>The longest cue form starting at token <paramref name="index"/> (not crossing <paramref name="end"/>).</summary>
    public bool TryMatch(Document doc, int index, int end, out int length, out CueEntry entry) =>
        _forms.TryMatch(doc, index, end, out length, out entry);

    /// <summary>The same, given the first token's lower-cased hash.</summary>
    internal bool TryMatch(Document doc, int index, int end, int firstLowerHash, out int length, out CueEntry entry) =>
        _forms.TryMatch(doc, index, end, firstLowerHash, out length, out entry);
}
