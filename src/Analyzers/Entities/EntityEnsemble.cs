using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.Analyzers.Entities;

/// <summary>A model of an ensemble and the weight of its probabilities in the joint decoding.</summary>
internal readonly record struct EnsembleMember(EntityModel Model, float Weight);

/// <summary>
/// The models an entity model folder stands for: the folder's own <c>entities.model</c>, or the
/// members an <c>ensemble.json</c> lists (model folders next to it) with their weights, decoded
/// jointly (<see cref="JointDecoder"/>). Members may read different encoders; each encoder runs
/// once per document for all the members that read it.
/// </summary>
internal sealed class EntityEnsemble
{
    public const string FileName = "ensemble.json";

    private EntityEnsemble(string tier, IReadOnlyList<EnsembleMember> members, string id)
    {
        Tier = tier;
        Members = members;
        Id = id;
    }

    /// <summary>"fast" or "accurate": the tier of the members, accurate when any member reads the encoder.</summary>
    public string Tier { get; }
    public IReadOnlyList<EnsembleMember> Members { get; }
    /// <summary>Folder name and a hash, for provenance (the model's own id when there is one member).</summary>
    public string Id { get; }
    /// <summary>The encoders the members read (model ids), each once, in member order.</summary>
    public IReadOnlyList<string> Encoders => [.. Members.Where(m => m.Model.ReadsEncoder).Select(m => m.Model.Encoder!).Distinct()];
    public bool ReadsEncoder => Members.Any(m => m.Model.ReadsEncoder);

    /// <summary>A single model.</summary>
    public static EntityEnsemble Of(EntityModel model) => new(model.Tier, [new EnsembleMember(model, 1)], model.Id);

    /// <summary>
    /// Loads the model in <paramref name="directory"/>. <paramref name="resolve"/> turns a member's
    /// folder path into the folder to read (the run's model store records it).
    /// </summary>
    public static EntityEnsemble Load(string directory, Func<string, string>? resolve = null)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return Of(EntityModel.Load(directory));
        var bytes = File.ReadAllBytes(path);
        var listed = Parse(path, bytes);
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)))!;
        var members = listed.Select(m => new EnsembleMember(EntityModel.Load((resolve ?? (p => p))(Path.Combine(parent, m.Model))), m.Weight)).ToList();
        float total = members.Sum(m => m.Weight);
        members = members.ConvertAll(m => m with { Weight = m.Weight / total });
        var tier = members.Any(m => m.Model.ReadsEncoder) ? EntitiesAnalyzer.AccurateTier : EntitiesAnalyzer.FastTier;
        // The id hashes the list and the members' ids, so retraining a member changes it.
        var key = Encoding.UTF8.GetBytes(string.Join("\n", members.Select(m => m.Model.Id + " " + m.Weight.ToString("R", CultureInfo.InvariantCulture))));
        var id = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)))
                 + "@" + Convert.ToHexStringLower(SHA256.HashData([.. bytes, .. key]))[..8];
        return new EntityEnsemble(tier, members, id);
    }

    /// <summary>Writes an ensemble.json listing <paramref name="members"/> (folder names next to <paramref name="directory"/>).</summary>
    public static void Write(string directory, IReadOnlyList<(string Model, float Weight)> members)
    {
        Directory.CreateDirectory(directory);
        var json = JsonSerializer.Serialize(new EnsembleFile { Members = members.Select(m => new MemberEntry { Model = m.Model, Weight = m.Weight }).ToList() },
            new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        File.WriteAllText(Path.Combine(directory, FileName), json + "\n");
    }

    private static List<(string Model, float Weight)> Parse(string path, byte[] bytes)
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
        return members.ConvertAll(m => (m.Model!, m.Weight));
    }

    private sealed class EnsembleFile
    {
        public List<MemberEntry>? Members { get; set; }
    }

    private sealed class MemberEntry
    {
        public string? Model { get; set; }
        public float Weight { get; set; }
    }
}
