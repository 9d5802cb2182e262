using Pipeline.Analyzers.Entities;
using Pipeline.Learning.Encoders;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

/// <summary>The shipped accurate model reads the MiniLM layer variant it names.</summary>
public class AccurateTierTests
{
    [Fact]
    public void The_accurate_model_loads_its_encoder_variant_and_types_names()
    {
        var model = EntityModel.Load(Path.Combine(TestPaths.RepoRoot, "models", "entities-accurate"));
        var encoder = MiniLmEncoder.ForModel(model.Encoder, () => null);
        Assert.Equal(model.Encoder, encoder?.ModelId);
        Assert.NotEqual(MiniLmEncoder.Id, model.Encoder);

        var doc = DocumentFactory.Create("Vladimir Putin met Alyaksandr Lukashenka in Sochi on Friday, the Kremlin said.");
        var found = new EntityRecognizer(model, encoder).Recognize(doc).Select(e => (doc.GetString(e.Span), e.Type)).ToList();
        Assert.Contains(("Vladimir Putin", "PER"), found);
        Assert.Contains(("Alyaksandr Lukashenka", "PER"), found);
        Assert.Contains(("Sochi", "LOC"), found);
    }

    [Fact]
    public void The_accurate_model_names_the_encoder_it_needs_when_given_another()
    {
        var model = EntityModel.Load(Path.Combine(TestPaths.RepoRoot, "models", "entities-accurate"));
        var error = Assert.Throws<InvalidOperationException>(() => new EntityRecognizer(model, MiniLmEncoder.Shared));
        Assert.Contains(model.Encoder!, error.Message);
    }
}
