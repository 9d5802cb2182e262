using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging.Lexicon;

/// <summary>A lexicon line: a cue (with its type) or an exception (no type), and where it came from.</summary>
public sealed record LexiconEntry(string Pattern, HedgeType? Type, ContextRule Rule, string Source)
{
    public bool IsException => Type is null;
}

/// <summary>
/// The hedge lexicon: cues.tsv (cue, type, notes, optional context rule) and exceptions.tsv
/// (sequences in which a cue word is no hedge), loaded into one trie of lower-cased tokens.
/// </summary>
public sealed class HedgeLexicon
{
    public const string CuesFile = "cues.tsv";
    public const string ExceptionsFile = "exceptions.tsv";

    private HedgeLexicon(TokenTrie<LexiconEntry> trie, int maxTokenLength, string folder)
    {
        Trie = trie;
        MaxTokenLength = maxTokenLength;
        Folder = folder;
    }

    public TokenTrie<LexiconEntry> Trie { get; }
    /// <summary>Length of the longest token of any entry: longer tokens cannot match.</summary>
    public int MaxTokenLength { get; }
    public string Folder { get; }

    /// <exception cref="InvalidDataException">A line is malformed; the message names the file and line.</exception>
    public static HedgeLexicon Load(string folder)
    {
        var trie = new TokenTrie<LexiconEntry>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        int maxLength = 0;
        foreach (var (file, isException) in new[] { (CuesFile, false), (ExceptionsFile, true) })
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path)) throw new InvalidDataException($"{path}: lexicon file not found");
            int lineNumber = 0;
            foreach (var line in File.ReadLines(path))
            {
                lineNumber++;
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var source = $"{file}:{lineNumber}";
                var entry = ParseLine(line, isException, $"{path}:{lineNumber}") with { Source = source };
                IReadOnlyList<string[]> sequences;
                try { sequences = CuePattern.Expand(entry.Pattern); }
                catch (FormatException e) { throw new InvalidDataException($"{path}:{lineNumber}: {e.Message}"); }
                foreach (var tokens in sequences)
                {
                    var key = string.Join(' ', tokens);
                    if (!trie.Add(tokens, entry))
                        throw new InvalidDataException($"{path}:{lineNumber}: \"{key}\" is already listed at {seen[key]}");
                    seen[key] = source;
                    maxLength = Math.Max(maxLength, tokens.Max(t => t.Length));
                }
            }
        }
        return new HedgeLexicon(trie, maxLength, folder);
    }

    private static LexiconEntry ParseLine(string line, bool isException, string where)
    {
        var columns = line.Split('\t');
        var pattern = columns[0].Trim();
        if (pattern.Length == 0) throw new InvalidDataException($"{where}: empty cue");
        if (isException) return new LexiconEntry(pattern, null, ContextRule.None, where);
        if (columns.Length < 2 || !Enum.TryParse<HedgeType>(columns[1].Trim(), ignoreCase: true, out var type))
            throw new InvalidDataException($"{where}: type must be one of {string.Join(", ", Enum.GetNames<HedgeType>()).ToLowerInvariant()}");
        var rule = ContextRule.None;
        if (columns.Length >= 4 && columns[3].Trim() is { Length: > 0 } ruleName && !ContextRules.TryParse(ruleName, out rule))
            throw new InvalidDataException($"{where}: unknown context rule '{ruleName}' (known: {string.Join(", ", ContextRules.Names)})");
        return new LexiconEntry(pattern, type, rule, where);
    }
}
