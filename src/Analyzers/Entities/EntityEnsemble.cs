using Pipeline.Learning.Training;

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
        if (EnsembleList.Read(directory, resolve) is not { } listed) return Of(EntityModel.Load(directory));
        var members = listed.ConvertAll(m => new EnsembleMember(EntityModel.Load(m.Model), m.Weight));
        var tier = members.Any(m => m.Model.ReadsEncoder) ? EntitiesAnalyzer.AccurateTier : EntitiesAnalyzer.FastTier;
        return new EntityEnsemble(tier, members, EnsembleList.Id(directory, members.Select(m => (m.Model.Id, m.Weight))));
    }
}
