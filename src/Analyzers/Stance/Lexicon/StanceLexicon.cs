using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Learning;

namespace Pipeline.Analyzers.Stance.Lexicon;

/// <summary>
/// The word lists stance features read, as data files of a lexicon folder (models/stance-lexicon):
/// sentiment.tsv (word, valence in [-4, 4]), negators.txt, refuting.txt (words that reject a
/// claim) and discuss.txt (hedging and reporting words). Lines starting with # are comments.
/// Words are matched in lower case with typographic apostrophes made straight.
/// </summary>
public sealed class StanceLexicon
{
    public const string DefaultName = "stance-lexicon";
    public const string SentimentFile = "sentiment.tsv", NegatorsFile = "negators.txt", RefutingFile = "refuting.txt", DiscussFile = "discuss.txt";

    private readonly Dictionary<string, float> _valence;
    private readonly HashSet<string> _negators, _refuting, _discuss;

    public StanceLexicon(Dictionary<string, float> valence, IEnumerable<string> negators, IEnumerable<string> refuting, IEnumerable<string> discuss, string fingerprint)
    {
        _valence = valence;
        _negators = new HashSet<string>(negators, StringComparer.Ordinal);
        _refuting = new HashSet<string>(refuting, StringComparer.Ordinal);
        _discuss = new HashSet<string>(discuss, StringComparer.Ordinal);
        Fingerprint = fingerprint;
    }

    /// <summary>Short hash of the lists' contents; a model records the lexicon it was trained with.</summary>
    public string Fingerprint { get; }
    public int SentimentWords => _valence.Count;

    /// <summary>Valence of a normalised word, 0 when the lexicon has none.</summary>
    public float Valence(string word) => _valence.GetValueOrDefault(word);
    public bool IsNegator(string word) => _negators.Contains(word);
    public bool IsRefuting(string word) => _refuting.Contains(word);
    public bool IsDiscuss(string word) => _discuss.Contains(word);

    /// <summary>The form words are matched in: lower case, typographic apostrophes made straight.</summary>
    public static string Normalize(string lower) => lower.Contains('’') ? lower.Replace('’', '\'') : lower;

    /// <exception cref="InvalidModelException">A file is missing or a line is malformed (the message names file and line).</exception>
    public static StanceLexicon Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new InvalidModelException(folder, "stance lexicon folder not found");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var valence = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (line, number, path) in Lines(folder, SentimentFile, sha))
        {
            var parts = line.Split('\t');
            if (parts.Length < 2 || !float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out float v) || v is < -4 or > 4)
                throw new InvalidModelException(path, $"line {number}: expected word<TAB>valence in [-4, 4]");
            valence[Normalize(parts[0].Trim().ToLowerInvariant())] = v;
        }
        var negators = Words(folder, NegatorsFile, sha);
        var refuting = Words(folder, RefutingFile, sha);
        var discuss = Words(folder, DiscussFile, sha);
        return new StanceLexicon(valence, negators, refuting, discuss, Convert.ToHexStringLower(sha.GetHashAndReset())[..12]);
    }

    private static List<string> Words(string folder, string file, IncrementalHash sha) =>
        Lines(folder, file, sha).Select(l => Normalize(l.Line.Trim().ToLowerInvariant())).ToList();

    private static IEnumerable<(string Line, int Number, string Path)> Lines(string folder, string file, IncrementalHash sha)
    {
        string path = Path.Combine(folder, file);
        if (!File.Exists(path)) throw new InvalidModelException(path, "stance lexicon file not found");
        var lines = File.ReadAllLines(path);
        sha.AppendData(Encoding.UTF8.GetBytes(file + "\n" + string.Join('\n', lines) + "\n"));
        for (int i = 0; i < lines.Length; i++)
            if (lines[i].Trim() is { Length: > 0 } l && l[0] != '#')
                yield return (lines[i], i + 1, path);
    }
}
