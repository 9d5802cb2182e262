using Pipeline.Analyzers.Entities;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

public class PersonTitleTests
{
    private static List<(string Text, string Type)> Recognize(string text) => FastTier.Recognize(text);

    [Theory]
    [InlineData("Lord Falconer said the changes would be made next year.", "Falconer")]
    [InlineData("The attorney general, Lord Goldsmith, denied the claim on Tuesday.", "Goldsmith")]
    [InlineData("Another peer meanwhile, Lord Skidelsky, said the advice should be published.", "Skidelsky")]
    [InlineData("Baroness Boothroyd told the BBC the rules were clear.", "Boothroyd")]
    public void A_peer_is_a_person(string text, string name)
    {
        var found = Recognize(text);
        Assert.Contains(found, f => f.Text.Contains(name) && f.Type == "PER");
        Assert.DoesNotContain(found, f => f.Text.Contains(name) && f.Type != "PER");
    }

    [Fact]
    public void A_courtesy_title_and_a_double_barrelled_surname_make_one_person()
    {
        var found = Recognize("UKIP officials said they were glad to see the back of Mr Kilroy-Silk.");
        Assert.Contains(("Mr Kilroy-Silk", "PER"), found);
        Assert.DoesNotContain(found, f => f.Text == "Silk");
    }

    [Fact]
    public void An_office_named_with_the_title_is_not_a_peer() =>
        Assert.DoesNotContain(Recognize("The Lord Chancellor will sit in the House of Lords until May."), f => f.Text.StartsWith("Lord Chancellor") && f.Type == "PER");
}
