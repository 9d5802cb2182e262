using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// A trained entity recognizer: the lexicon it was trained with, the first pass (local
/// features, plus encoder states and their contextual clusters in the accurate tier) and the
/// second pass (document context).
/// Read-only once loaded; one instance serves every thread of a run.
/// </summary>
internal sealed class EntityModel
{
    public const string FileName = "entities.model";
    /// <summary>Version 2 added the contextual clusters; a version 1 file has none.</summary>
    private const string Magic = "pipeline.entities/2", MagicVersion1 = "pipeline.entities/1";

    public EntityModel(string tier, string? encoder, EntityLexicon lexicon, LinearWeights firstPass, LinearWeights secondPass,
        ContextualClusters? contextualClusters = null)
    {
        Tier = tier;
        Encoder = encoder;
        Lexicon = lexicon;
        FirstPass = firstPass;
        SecondPass = secondPass;
        ContextualClusters = contextualClusters;
    }

    /// <summary>"fast" or "accurate".</summary>
    public string Tier { get; }
    /// <summary>Id of the text encoder whose word vectors the first pass reads (accurate tier), else null.</summary>
    public string? Encoder { get; }
    public EntityLexicon Lexicon { get; }
    public LinearWeights FirstPass { get; }
    public LinearWeights SecondPass { get; }
    /// <summary>Clusters of the encoder's word vectors whose ids are first-pass features (accurate tier), else null.</summary>
    public ContextualClusters? ContextualClusters { get; }
    /// <summary>Whether tagging needs one encoder vector per token (a dense first-pass part or contextual clusters).</summary>
    public bool ReadsEncoder => FirstPass.DenseDimension > 0 || ContextualClusters is not null;
    /// <summary>The length of the encoder vectors the model reads (0 when it reads none).</summary>
    public int EncoderDimension => FirstPass.DenseDimension > 0 ? FirstPass.DenseDimension : ContextualClusters?.Dimension ?? 0;
    /// <summary>Folder name and the first 8 hex digits of the model file's SHA-256, for provenance.</summary>
    public string Id { get; private set; } = "";

    public static EntityModel Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: entity model file not found", path);
        var bytes = File.ReadAllBytes(path);
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        string magic = reader.ReadString();
        if (magic is not (Magic or MagicVersion1)) throw new InvalidDataException($"{path}: not an entity model (expected {Magic})");
        string tier = reader.ReadString();
        string encoder = reader.ReadString();
        var lexicon = EntityLexicon.Read(reader);
        var first = LinearWeights.Read(reader);
        var second = LinearWeights.Read(reader);
        var clusters = magic == Magic && reader.ReadBoolean() ? ContextualClusters.Read(reader) : null;
        var model = new EntityModel(tier, encoder.Length == 0 ? null : encoder, lexicon, first, second, clusters);
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
            writer.Write(ContextualClusters is not null);
            ContextualClusters?.Write(writer);
        }
        Id = IdOf(directory, File.ReadAllBytes(path));
    }

    private static string IdOf(string directory, byte[] bytes) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)))
        + "@" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..8];
}
