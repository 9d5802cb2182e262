using Pipeline.Analyzers.Entities;
using Pipeline.Sdk;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

public class PhotoCreditTests
{
    private static List<(string Text, string Type)> Recognize(string text) => FastTier.Recognize(text);

    [Theory]
    [InlineData("Protesters marched in Minsk on Sunday. (REUTERS/Vasily Fedosenko)", "REUTERS")]
    [InlineData("The president spoke on the lawn. (AP Photo/Evan Vucci)", "AP")]
    [InlineData("Flooding hit the region overnight. (AFP/Getty Images)", "AFP")]
    public void The_agency_of_a_photo_credit_is_an_organisation(string text, string agency) =>
        Assert.Contains((agency, "ORG"), Recognize(text));

    [Fact]
    public void The_photographer_stays_a_person_and_mentions_stay_in_text_order()
    {
        var found = Recognize("Lukashenka met Putin in Sochi. (REUTERS/Vasily Fedosenko)");
        Assert.Contains(("Vasily Fedosenko", "PER"), found);
        Assert.Equal(["Lukashenka", "Putin", "Sochi", "REUTERS", "Vasily Fedosenko"], found.Select(f => f.Text));
    }

    [Fact]
    public void Capitals_in_brackets_without_a_slash_are_left_to_the_tagger() =>
        Assert.DoesNotContain(Recognize("Prices rose (SEE TABLE) on Monday."), f => f.Text is "SEE" or "TABLE");
}
