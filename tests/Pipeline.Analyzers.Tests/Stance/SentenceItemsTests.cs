using Pipeline.Analyzers.Stance.Targets;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Stance;

/// <summary>
/// A sentence seen from its target: the target and other people become placeholders, and other
/// names stay words, as in the training data, which marks people only.
/// </summary>
public sealed class SentenceItemsTests
{
    [Fact]
    public void The_target_and_other_people_are_placeholders_and_other_names_stay_words()
    {
        var doc = StanceTestHost.WithEntities(
            DocumentFactory.Create("Kommersant said the Kremlin leader Vladimir Putin would fly to Minsk."),
            ("kommersant", EntityTypes.Organization, ["Kommersant"]),
            ("kremlin", EntityTypes.Organization, ["Kremlin"]),
            ("putin", EntityTypes.Person, ["Vladimir Putin"]),
            ("minsk", EntityTypes.Location, ["Minsk"]));
        var entities = doc.GetLayer(Layers.Entities);
        var site = TargetSite.Find(doc, entities).First(s => s.ClusterId == "kommersant");
        var items = new SentenceItems();
        items.Build(doc, site, entities);

        Assert.Equal(["<T>", "said", "the", "kremlin", "leader", "<PER>", "would", "fly", "to", "minsk", "."], items.Items.Select(i => i.Text));
        Assert.Equal([0], items.Targets);
        Assert.Equal(ItemKind.Word, items[3].Kind);
        Assert.Equal(ItemKind.Person, items[5].Kind);
    }
}
