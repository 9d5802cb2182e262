using System.Collections.Immutable;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Learning.Gold;

/// <summary>
/// FNC-1 (Fake News Challenge stage 1): a stances file of (headline, body id, stance) pairs plus
/// a bodies file. One document per body, in order of first appearance: the body is the text,
/// its headlines are the metadata claims, and each pair is a claim-stance annotation. Reads the
/// official CSV files (train_stances.csv with train_bodies.csv) and the JSON Lines conversion
/// ({"target", "body_id", "label", "split", "baseline_split"} with bodies_&lt;split&gt;.jsonl
/// holding {"body_id", "body"}). The bodies file is found next to the stances file unless given.
/// </summary>
public sealed class FncReader : IGoldReader
{
    public string Format => "fnc1";
    public string Description => "FNC-1 stances + bodies (official CSV or JSONL): headline stance toward an article body";
    public ImmutableArray<LayerKey> Layers => [Sdk.Layers.ClaimStance];

    public bool Recognizes(string path, string firstLine) =>
        firstLine.Contains("\"body_id\"", StringComparison.Ordinal) && firstLine.Contains("\"target\"", StringComparison.Ordinal)
        || firstLine.StartsWith("Headline,Body ID", StringComparison.Ordinal);

    private sealed record Pair(int Line, string Headline, string BodyId, ClaimStanceLabel Label);

    public IEnumerable<Document> Read(string path, GoldReadOptions options, Action<string> onError)
    {
        bool csv = Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase);
        string bodiesPath = options.BodiesPath ?? FindBodies(path, csv);
        var bodies = csv ? ReadCsvBodies(bodiesPath) : ReadJsonBodies(bodiesPath, onError);
        var pairs = (csv ? ReadCsvPairs(path, onError) : ReadJsonPairs(path, options.Split, onError)).ToList();
        foreach (var group in pairs.GroupBy(p => p.BodyId)) // GroupBy keeps the order of first appearance
        {
            if (!bodies.TryGetValue(group.Key, out var body))
            {
                onError($"{path}:{group.First().Line}: body {group.Key} is not in {bodiesPath}");
                continue;
            }
            var doc = DocumentFactory.Create(body, new DocumentMetadata
            {
                SourcePath = $"{path}:{group.First().Line}", ExternalId = group.Key,
                Claims = group.Select(p => p.Headline).ToImmutableArray(),
            });
            yield return doc.WithLayer(Sdk.Layers.ClaimStance, group.Select((p, i) => new ClaimStance
            {
                Id = $"c{i + 1}", Span = doc.FullSpan, Claim = p.Headline, Label = p.Label,
            }).ToImmutableArray());
        }
    }

    /// <summary>train_stances.csv → train_bodies.csv; train.jsonl → bodies_train.jsonl.</summary>
    private static string FindBodies(string path, bool csv)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(path))!, name = Path.GetFileNameWithoutExtension(path);
        string candidate = csv
            ? Path.Combine(dir, name.Replace("stances", "bodies", StringComparison.OrdinalIgnoreCase) + ".csv")
            : Path.Combine(dir, $"bodies_{name}.jsonl");
        if (candidate != Path.GetFullPath(path) && File.Exists(candidate)) return candidate;
        throw new GoldFormatException($"{path}: FNC-1 bodies file not found (looked for {candidate}); give it with the bodies option");
    }

    private static ClaimStanceLabel ParseLabel(string label) => label.Trim().ToLowerInvariant() switch
    {
        "agree" => ClaimStanceLabel.Agree,
        "disagree" => ClaimStanceLabel.Disagree,
        "discuss" => ClaimStanceLabel.Discuss,
        "unrelated" => ClaimStanceLabel.Unrelated,
        var other => throw new FormatException($"stance \"{other}\" is not agree, disagree, discuss or unrelated"),
    };

    private static IEnumerable<Pair> ReadJsonPairs(string path, string? split, Action<string> onError)
    {
        foreach (var (line, r) in JsonRecords.Read(path, onError))
        {
            if (!JsonRecords.InSplit(r, split)) continue;
            Pair pair;
            try { pair = new Pair(line, JsonRecords.String(r, "target"), JsonRecords.Id(r, "body_id"), ParseLabel(JsonRecords.String(r, "label"))); }
            catch (FormatException ex) { onError($"{path}:{line}: {ex.Message}"); continue; }
            yield return pair;
        }
    }

    private static IEnumerable<Pair> ReadCsvPairs(string path, Action<string> onError)
    {
        foreach (var (line, f) in CsvRecords.Read(path).Skip(1))
        {
            if (f.Count == 1 && f[0].Length == 0) continue;
            Pair pair;
            try
            {
                if (f.Count < 3) throw new FormatException($"expected Headline,Body ID,Stance; found {f.Count} fields");
                pair = new Pair(line, f[0], f[1].Trim(), ParseLabel(f[2]));
            }
            catch (FormatException ex) { onError($"{path}:{line}: {ex.Message}"); continue; }
            yield return pair;
        }
    }

    private static Dictionary<string, string> ReadJsonBodies(string path, Action<string> onError)
    {
        var bodies = new Dictionary<string, string>();
        foreach (var (line, r) in JsonRecords.Read(path, onError))
        {
            try { bodies[JsonRecords.Id(r, "body_id")] = JsonRecords.String(r, "body"); }
            catch (FormatException ex) { onError($"{path}:{line}: {ex.Message}"); }
        }
        return bodies;
    }

    private static Dictionary<string, string> ReadCsvBodies(string path)
    {
        var bodies = new Dictionary<string, string>();
        foreach (var (_, f) in CsvRecords.Read(path).Skip(1))
            if (f.Count >= 2) bodies[f[0].Trim()] = f[1];
        return bodies;
    }
}
