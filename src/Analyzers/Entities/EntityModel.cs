using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// A trained entity recognizer: the lexicon it was trained with, the first pass (local
/// features, plus encoder states in the accurate tier) and the second pass (document context).
/// Read-only once loaded; one instance serves every thread of a run.
/// </summary>
internal sealed class EntityModel
{
    public const string FileName = "entities.model";
    private const string Magic = "pipeline.entities/1";

    public EntityModel(string tier, string? encoder, EntityLexicon lexicon, LinearWeights firstPass, LinearWeights secondPass)
    {
        Tier = tier;
        Encoder = encoder;
        Lexicon = lexicon;
        FirstPass = firstPass;
        SecondPass = secondPass;
    }

    /// <summary>"fast" or "accurate".</summary>
    public string Tier { get; }
    /// <summary>Id of the text encoder whose word vectors the first pass reads (accurate tier), else null.</summary>
    public string? Encoder { get; }
    public EntityLexicon Lexicon { get; }
    public LinearWeights FirstPass { get; }
    public LinearWeights SecondPass { get; }
    /// <summary>Folder name and the first 8 hex digits of the model file's SHA-256, for provenance.</summary>
    public string Id { get; private set; } = "";

    public static EntityModel Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: entity model file not found", path);
        var bytes = File.ReadAllBytes(path);
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        if (reader.ReadString() != Magic) throw new InvalidDataException($"{path}: not an entity model (expected {Magic})");
        string tier = reader.ReadString();
        string encoder = reader.ReadString();
        var model = new EntityModel(tier, encoder.Length == 0 ? null : encoder,
            EntityLexicon.Read(reader), LinearWeights.Read(reader), LinearWeights.Read(reader));
        model.Id = IdOf(directory, bytes);
        return model;
    }

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        using (var writer = new BinaryWriter(File.Create(path), Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(Tier);
            writer.Write(Encoder ?? "");
            Lexicon.Write(writer);
            FirstPass.Write(writer);
            SecondPass.Write(writer);
        }
        Id = IdOf(directory, File.ReadAllBytes(path));
    }

    private static string IdOf(string directory, byte[] bytes) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)))
        + "@" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..8];
}
