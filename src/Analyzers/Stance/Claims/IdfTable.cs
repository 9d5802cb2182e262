using System.Globalization;
using System.Text;
using Pipeline.Learning;

namespace Pipeline.Analyzers.Stance.Claims;

/// <summary>
/// Inverse document frequencies of words over the training texts (bodies and claims), stored
/// with the claim model as idf.tsv. Smoothed as idf = ln((N + 1) / (df + 1)) + 1, so a word never
/// seen gets the highest weight. A content word is one found in fewer than a fifth of the texts.
/// </summary>
public sealed class IdfTable
{
    public const string FileName = "idf.tsv";
    private static readonly float ContentThreshold = MathF.Log(5f) + 1f;

    private readonly Dictionary<string, float> _idf;
    private readonly float _unseen;

    private IdfTable(Dictionary<string, float> idf, int documents)
    {
        _idf = idf;
        Documents = documents;
        _unseen = MathF.Log(documents + 1f) + 1f;
    }

    public int Documents { get; }
    public int Count => _idf.Count;

    public float Weight(string word) => _idf.TryGetValue(word, out float w) ? w : _unseen;
    public bool IsContent(string word) => Weight(word) > ContentThreshold;

    /// <summary>Counts document frequencies; words in fewer than <paramref name="minDocuments"/> texts are left out (they weigh as unseen).</summary>
    public static IdfTable Build(IEnumerable<IEnumerable<string>> texts, int minDocuments = 2)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        int n = 0;
        foreach (var words in texts)
        {
            n++;
            foreach (var w in words.Distinct()) df[w] = df.GetValueOrDefault(w) + 1;
        }
        var idf = df.Where(p => p.Value >= minDocuments)
            .ToDictionary(p => p.Key, p => MathF.Log((n + 1f) / (p.Value + 1f)) + 1f, StringComparer.Ordinal);
        return new IdfTable(idf, n);
    }

    public void Save(string folder)
    {
        var sb = new StringBuilder();
        sb.Append("# documents\t").Append(Documents.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (word, weight) in _idf.OrderBy(p => p.Key, StringComparer.Ordinal))
            sb.Append(word).Append('\t').Append(weight.ToString("0.####", CultureInfo.InvariantCulture)).Append('\n');
        File.WriteAllText(Path.Combine(folder, FileName), sb.ToString());
    }

    /// <exception cref="InvalidModelException">Missing file or malformed line.</exception>
    public static IdfTable Load(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new InvalidModelException(path, "IDF table not found");
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].StartsWith("# documents\t", StringComparison.Ordinal)
            || !int.TryParse(lines[0].AsSpan(12), NumberStyles.Integer, CultureInfo.InvariantCulture, out int documents))
            throw new InvalidModelException(path, "line 1: expected \"# documents<TAB>count\"");
        var idf = new Dictionary<string, float>(lines.Length, StringComparer.Ordinal);
        for (int i = 1; i < lines.Length; i++)
        {
            int tab = lines[i].IndexOf('\t');
            if (tab <= 0 || !float.TryParse(lines[i].AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out float w))
                throw new InvalidModelException(path, $"line {i + 1}: expected word<TAB>weight");
            idf[lines[i][..tab]] = w;
        }
        return new IdfTable(idf, documents);
    }
}
