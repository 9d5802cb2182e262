using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Analyzers.Entities;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Training;
using Pipeline.Sdk;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

/// <summary>Entity model folders that list several models, decoded jointly.</summary>
public sealed class EnsembleTests : IDisposable
{
    private static readonly string FastModel = Path.Combine(TestPaths.RepoRoot, "models", "entities-fast");
    private const string Text = "Vladimir Putin met Alyaksandr Lukashenka in Sochi on Friday. " +
        "Lukashenko told Kommersant that Belarus would not join Russia, and the Kremlin said the talks would go on.";

    private readonly string _models = Directory.CreateTempSubdirectory("pipeline-ensemble-").FullName;

    public EnsembleTests()
    {
        Directory.CreateSymbolicLink(Path.Combine(_models, "fast-a"), FastModel);
        Directory.CreateSymbolicLink(Path.Combine(_models, "fast-b"), FastModel);
    }

    public void Dispose() => Directory.Delete(_models, recursive: true);

    private string Ensemble(params (string Model, float Weight)[] members)
    {
        var folder = Path.Combine(_models, "ensemble");
        EnsembleList.Write(folder, [.. members.Select(m => new EnsembleEntry(m.Model, m.Weight))]);
        return folder;
    }

    private static List<(string, string, int)> Recognize(EntityRecognizer recognizer)
    {
        var doc = DocumentFactory.Create(Text);
        return recognizer.Recognize(doc).Select(e => (doc.GetString(e.Span), e.Type, e.Cluster)).ToList();
    }

    [Fact]
    public void An_ensemble_of_one_model_twice_finds_what_the_model_finds()
    {
        var ensemble = EntityEnsemble.Load(Ensemble(("fast-a", 3), ("fast-b", 1)));
        Assert.Equal(2, ensemble.Members.Count);
        Assert.Equal([0.75f, 0.25f], ensemble.Members.Select(m => m.Weight));
        Assert.Equal(EntitiesAnalyzer.FastTier, ensemble.Tier);

        var alone = Recognize(new EntityRecognizer(EntityModel.Load(FastModel), encoder: null));
        var joint = Recognize(new EntityRecognizer(ensemble, encoder: null));
        Assert.Contains(("Vladimir Putin", "PER", alone[0].Item3), alone);
        Assert.Equal(alone, joint);
    }

    [Fact]
    public void A_folder_without_an_ensemble_list_is_its_own_model()
    {
        var single = EntityEnsemble.Load(FastModel);
        Assert.Single(single.Members);
        Assert.Equal(EntityModel.Load(FastModel).Id, single.Id);
    }

    [Fact]
    public void The_ensemble_id_changes_with_its_weights()
    {
        var first = EntityEnsemble.Load(Ensemble(("fast-a", 1), ("fast-b", 1))).Id;
        var second = EntityEnsemble.Load(Ensemble(("fast-a", 2), ("fast-b", 1))).Id;
        Assert.StartsWith("ensemble@", first);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("""{"members": [{"model": "../fast-a", "weight": 1}]}""", "is not a folder name")]
    [InlineData("""{"members": [{"model": "fast-a", "weight": 0}]}""", "weights must be positive")]
    [InlineData("""{"members": []}""", "lists no members")]
    [InlineData("""{"members": [""", "not an ensemble list")]
    public void A_bad_ensemble_list_is_refused_naming_the_file(string json, string reason)
    {
        var folder = Path.Combine(_models, "bad");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, EnsembleList.FileName);
        File.WriteAllText(path, json);
        var error = Assert.Throws<InvalidDataException>(() => EntityEnsemble.Load(folder));
        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Training_with_members_writes_the_ensemble_without_reading_the_documents()
    {
        var output = Path.Combine(_models, "combined");
        var options = new AnalyzerOptions(new Dictionary<string, string> { ["members"] = "fast-a:0.6, fast-b:0.4" }
            .ToImmutableDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)));
        var result = new EntitiesAnalyzer().CreateTrainer()!.Train(new TrainingContext { Train = [], Dev = [], OutputDirectory = output, Seed = 1, Options = options });

        Assert.Equal(EntityLabels.Count, result.Labels.Length);
        var ensemble = EntityEnsemble.Load(output);
        Assert.Equal([0.6f, 0.4f], ensemble.Members.Select(m => m.Weight));
        Assert.StartsWith("fast-a@", ensemble.Members[0].Model.Id);
        Assert.False(File.Exists(Path.Combine(output, EntityModel.FileName)));
    }

    [Theory]
    [InlineData("fast-a")]
    [InlineData("fast-a:2,fast-b:heavy")]
    public void Training_with_fewer_than_two_members_or_a_bad_weight_is_refused(string members)
    {
        var options = new AnalyzerOptions(new Dictionary<string, string> { ["members"] = members }
            .ToImmutableDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)));
        var trainer = new EntitiesAnalyzer().CreateTrainer()!;
        var error = Assert.Throws<ArgumentException>(() => trainer.Train(new TrainingContext { Train = [], Dev = [], OutputDirectory = Path.Combine(_models, "x"), Seed = 1, Options = options }));
        Assert.StartsWith("option members: ", error.Message);
    }

    [Fact]
    public void Training_with_a_missing_member_names_it_and_leaves_no_ensemble_list()
    {
        var output = Path.Combine(_models, "combined");
        var options = new AnalyzerOptions(new Dictionary<string, string> { ["members"] = "fast-a:0.5,gone:0.5" }
            .ToImmutableDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)));
        var trainer = new EntitiesAnalyzer().CreateTrainer()!;
        var error = Assert.Throws<FileNotFoundException>(() => trainer.Train(new TrainingContext { Train = [], Dev = [], OutputDirectory = output, Seed = 1, Options = options }));
        Assert.Contains(Path.Combine(_models, "gone"), error.Message);
        Assert.False(File.Exists(Path.Combine(output, EnsembleList.FileName)));
    }

    [Fact]
    public void Members_reading_different_encoders_each_read_their_own_once_per_document()
    {
        var member = EntityModel.Load(Path.Combine(TestPaths.RepoRoot, "models", "entities-accurate-arctic"));
        new EntityModel(member.Tier, "other-encoder", member.Lexicon, member.FirstPass, member.SecondPass).Save(Path.Combine(_models, "other"));
        Directory.CreateSymbolicLink(Path.Combine(_models, "member"), Path.Combine(TestPaths.RepoRoot, "models", "entities-accurate-arctic"));
        var ensemble = EntityEnsemble.Load(Ensemble(("member", 1), ("other", 1)));
        Assert.Equal([member.Encoder!, "other-encoder"], ensemble.Encoders);

        // "other-encoder" gives the same vectors under another id, so the joint result is the model's own.
        var encoder = MiniLmEncoder.ForModelId(member.Encoder!)!;
        var own = new CountingEncoder(encoder, member.Encoder!);
        var other = new CountingEncoder(encoder, "other-encoder");
        var joint = Recognize(new EntityRecognizer(ensemble, id => id == own.ModelId ? own : id == other.ModelId ? other : null));
        Assert.Equal(Recognize(new EntityRecognizer(member, encoder)), joint);
        Assert.Contains(("Vladimir Putin", "PER", joint[0].Item3), joint);
        Assert.Equal((1, 1), (own.Documents, other.Documents));

        var error = Assert.Throws<InvalidOperationException>(() => new EntityRecognizer(ensemble, id => id == own.ModelId ? own : null));
        Assert.Contains("reads other-encoder states", error.Message);
    }

    /// <summary>Another encoder's vectors under a given id, counting the documents it encodes.</summary>
    private sealed class CountingEncoder(ITextEncoder inner, string id) : ITextEncoder
    {
        public int Documents { get; private set; }
        public string ModelId => id;
        public int Dimension => inner.Dimension;
        public float[] EncodeSentence(string text) => inner.EncodeSentence(text);
        public float[][] EncodeSentences(IReadOnlyList<string> texts) => inner.EncodeSentences(texts);
        public float[][] EncodeWords(string text, IReadOnlyList<TextSpan> words)
        {
            Documents++;
            return inner.EncodeWords(text, words);
        }
    }

    [Fact]
    public void A_missing_member_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => EntityEnsemble.Load(Ensemble(("fast-a", 1), ("gone", 1))));
        Assert.Contains(Path.Combine(_models, "gone"), error.Message);
    }
}
