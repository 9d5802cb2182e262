using Pipeline.Analyzers.Entities;
using Pipeline.Learning.Encoders;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

/// <summary>The shipped accurate tier: an ensemble whose encoder-reading members read the MiniLM layer variant they name.</summary>
public class AccurateTierTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepoRoot, "models", "entities-accurate");

    [Fact]
    public void The_accurate_ensemble_loads_its_members_and_their_encoders_and_types_names()
    {
        var model = EntityEnsemble.Load(Folder);
        Assert.Equal(EntitiesAnalyzer.AccurateTier, model.Tier);
        Assert.Equal(["entities-accurate-arctic", "entities-accurate-clusters", "entities-accurate-lexical"],
            model.Members.Select(m => m.Model.Id[..m.Model.Id.IndexOf('@')]));
        Assert.Equal(["snowflake-arctic-embed-xs@L2+3+4", "all-MiniLM-L6-v2@L2+3+4"], model.Encoders);
        Assert.All(model.Encoders, id => Assert.Equal(id, MiniLmEncoder.ForModel(id, () => null)?.ModelId));

        var doc = DocumentFactory.Create("Vladimir Putin met Alyaksandr Lukashenka in Sochi on Friday, the Kremlin said.");
        var found = new EntityRecognizer(model, id => MiniLmEncoder.ForModel(id, () => null)).Recognize(doc).Select(e => (doc.GetString(e.Span), e.Type)).ToList();
        Assert.Contains(("Vladimir Putin", "PER"), found);
        Assert.Contains(("Alyaksandr Lukashenka", "PER"), found);
        Assert.Contains(("Sochi", "LOC"), found);
    }

    [Fact]
    public void With_8_bit_encoders_the_accurate_ensemble_reads_their_int8_variants_and_finds_the_same_names()
    {
        var model = EntityEnsemble.Load(Folder);
        var encoders = model.Encoders.Select(id => MiniLmEncoder.ForModel(id, () => null, int8: true)!).ToList();
        Assert.Equal(model.Encoders.Select(id => id + "+int8"), encoders.Select(e => e.ModelId));

        var doc = DocumentFactory.Create("Vladimir Putin met Alyaksandr Lukashenka in Sochi on Friday, the Kremlin said.");
        var found = new EntityRecognizer(model, id => MiniLmEncoder.ForModel(id, () => null, int8: true)).Recognize(doc).Select(e => (doc.GetString(e.Span), e.Type)).ToList();
        Assert.Contains(("Vladimir Putin", "PER"), found);
        Assert.Contains(("Alyaksandr Lukashenka", "PER"), found);
        Assert.Contains(("Sochi", "LOC"), found);
    }

    [Fact]
    public void The_accurate_ensemble_names_the_encoder_it_needs_when_given_another()
    {
        var model = EntityEnsemble.Load(Folder);
        var error = Assert.Throws<InvalidOperationException>(() => new EntityRecognizer(model, MiniLmEncoder.Shared));
        Assert.Contains(model.Encoders[0], error.Message);
    }
}
