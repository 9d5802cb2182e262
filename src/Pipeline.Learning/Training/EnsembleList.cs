using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.Learning.Training;

/// <summary>A member of an ensemble: a trained model folder next to the ensemble's, and its weight.</summary>
public readonly record struct EnsembleEntry(string Model, float Weight);

/// <summary>
/// The member list of an ensemble model folder (<c>ensemble.json</c>): trained model folders
/// next to it, each with a weight, and for an analyzer that decides by a probability threshold
/// (hedging) optionally the threshold the combined probabilities are decided at. Written by
/// `pipeline train ANALYZER --option members=...`; each analyzer decides how its members' outputs
/// are combined.
/// </summary>
public static class EnsembleList
{
    public const string FileName = "ensemble.json";

    /// <summary>The training option naming trained models to combine instead of training one: "name:weight,name,...".</summary>
    public const string MembersOption = "members";

    /// <summary>Parses the members option; a member without a weight weighs 1.</summary>
    /// <exception cref="ArgumentException">Fewer than two members, or a weight that is not a positive number.</exception>
    public static List<EnsembleEntry> ParseOption(string members)
    {
        var listed = members.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ParseMember).ToList();
        if (listed.Count < 2) throw new ArgumentException($"option {MembersOption}: an ensemble needs at least two models, got '{members}'");
        return listed;
    }

    /// <summary>Writes an ensemble.json listing <paramref name="members"/> (folder names next to <paramref name="directory"/>).</summary>
    /// <param name="threshold">The decision threshold of the combined probabilities, when the analyzer has one; null: none written.</param>
    public static void Write(string directory, IReadOnlyList<EnsembleEntry> members, double? threshold = null)
    {
        if (threshold is { } t && !(t > 0 && t < 1)) throw new ArgumentException($"an ensemble's threshold must be between 0 and 1, not {t}", nameof(threshold));
        Directory.CreateDirectory(directory);
        var json = JsonSerializer.Serialize(new EnsembleFile { Members = members.Select(m => new MemberEntry { Model = m.Model, Weight = m.Weight }).ToList(), Threshold = threshold },
            new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        File.WriteAllText(Path.Combine(directory, FileName), json + "\n");
    }

    /// <summary>
    /// The members listed in <paramref name="directory"/>, as folder paths passed through
    /// <paramref name="resolve"/> (the run's model store records them), weights summing to 1;
    /// null when the folder holds no ensemble.json (a single model).
    /// </summary>
    /// <exception cref="InvalidDataException">The list is malformed; the message names the file.</exception>
    public static List<EnsembleEntry>? Read(string directory, Func<string, string>? resolve = null)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        var listed = Parse(path, File.ReadAllBytes(path)).Members;
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)))!;
        float total = listed.Sum(m => m.Weight);
        return listed.ConvertAll(m => new EnsembleEntry((resolve ?? (p => p))(Path.Combine(parent, m.Model)), m.Weight / total));
    }

    /// <summary>The threshold the list gives for the combined probabilities; null when it gives none or the folder holds no list.</summary>
    /// <exception cref="InvalidDataException">The list is malformed; the message names the file.</exception>
    public static double? Threshold(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path) ? Parse(path, File.ReadAllBytes(path)).Threshold : null;
    }

    /// <summary>
    /// The ensemble's id for provenance: its folder name and a hash of its list and of the
    /// members' own ids and weights, so that retraining a member changes it.
    /// </summary>
    public static string Id(string directory, IEnumerable<(string MemberId, float Weight)> members)
    {
        var bytes = File.ReadAllBytes(Path.Combine(directory, FileName));
        var key = Encoding.UTF8.GetBytes(string.Join("\n", members.Select(m => m.MemberId + " " + m.Weight.ToString("R", CultureInfo.InvariantCulture))));
        return Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)))
               + "@" + Convert.ToHexStringLower(SHA256.HashData([.. bytes, .. key]))[..8];
    }

    private static EnsembleEntry ParseMember(string text)
    {
        int colon = text.LastIndexOf(':');
        if (colon < 0) return new(text, 1);
        return float.TryParse(text.AsSpan(colon + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out float weight) && weight > 0
            ? new(text[..colon], weight)
            : throw new ArgumentException($"option {MembersOption}: '{text}' is not model:weight with a positive weight");
    }

    private static (List<EnsembleEntry> Members, double? Threshold) Parse(string path, byte[] bytes)
    {
        EnsembleFile? file;
        try { file = JsonSerializer.Deserialize<EnsembleFile>(bytes, new JsonSerializerOptions { PropertyNameCaseInsensitive = true }); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not an ensemble list ({e.Message})"); }
        if (file?.Members is not { Count: > 0 } members) throw new InvalidDataException($"{path}: lists no members");
        foreach (var m in members)
        {
            if (string.IsNullOrWhiteSpace(m.Model) || m.Model.Contains('/') || m.Model.Contains('\\') || m.Model is "." or "..")
                throw new InvalidDataException($"{path}: member '{m.Model}' is not a folder name (members are folders next to the ensemble's)");
            if (!(m.Weight > 0) || float.IsInfinity(m.Weight))
                throw new InvalidDataException($"{path}: member '{m.Model}' has weight {m.Weight}; weights must be positive");
        }
        if (file.Threshold is { } t && !(t > 0 && t < 1))
            throw new InvalidDataException($"{path}: threshold {t} is not between 0 and 1");
        return (members.ConvertAll(m => new EnsembleEntry(m.Model!, m.Weight)), file.Threshold);
    }

    private sealed class EnsembleFile
    {
        public List<MemberEntry>? Members { get; set; }
        public double? Threshold { get; set; }
    }

    private sealed class MemberEntry
    {
        public string? Model { get; set; }
        public float Weight { get; set; }
    }
}
