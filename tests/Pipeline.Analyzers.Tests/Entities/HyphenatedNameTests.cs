using Pipeline.Analyzers.Entities;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

/// <summary>Names joined by a hyphen, which the segmenter splits into parts, with the shipped fast model.</summary>
public class HyphenatedNameTests
{
    private static readonly Lazy<EntityRecognizer> Recognizer = new(() =>
        new EntityRecognizer(EntityModel.Load(Path.Combine(TestPaths.RepoRoot, "models", "entities-fast")), encoder: null));

    private static List<(string Text, string Type)> Recognize(string text)
    {
        var doc = DocumentFactory.Create(text);
        return Recognizer.Value.Recognize(doc).Select(e => (doc.GetString(e.Span), e.Type)).ToList();
    }

    [Theory]
    [InlineData("The film starred Daniel Day-Lewis in the lead role.", "Daniel Day-Lewis")]
    [InlineData("\"The option is still on the table,\" chief executive Peter Brabeck-Letmathe said.", "Peter Brabeck-Letmathe")]
    public void A_double_barrelled_surname_stays_in_the_persons_name(string text, string name)
    {
        var mentions = Recognize(text);
        Assert.Contains((name, "PER"), mentions);
        var surname = name[(name.IndexOf('-') + 1)..];
        Assert.DoesNotContain(mentions, m => m.Text == surname);
    }

    [Fact]
    public void Two_people_joined_by_a_hyphen_stay_two_people()
    {
        var mentions = Recognize("Vladimir Putin met Alyaksandr Lukashenka in Sochi. The Putin-Lukashenka talks went on for hours.");
        Assert.Contains(("Putin", "PER"), mentions);
        Assert.Contains(("Lukashenka", "PER"), mentions);
        Assert.DoesNotContain(mentions, m => m.Text.Contains('-'));
    }
}
