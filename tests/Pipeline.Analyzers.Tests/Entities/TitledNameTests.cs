using Pipeline.Analyzers.Entities;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

/// <summary>
/// A name the tagger ran together with the body and office before it is split as CoNLL-2003 writes
/// it, with the shipped fast model (<see cref="TitledNames"/>): the body keeps its type, the office
/// is left out, the name is a person.
/// </summary>
public class TitledNameTests
{
    private static List<(string Text, string Type)> Recognize(string text) => FastTier.Recognize(text);

    [Theory]
    [InlineData("Saudi Arabian Oil Minister Hisham Nazer said output would stay below the quota.", "Hisham Nazer")]
    [InlineData("European Commission President Jacques Delors said a European solution was needed.", "Jacques Delors")]
    [InlineData("UN Secretary General Kofi Annan said the talks would resume.", "Kofi Annan")]
    public void The_name_after_an_office_is_a_person(string text, string name)
    {
        var mentions = Recognize(text);
        Assert.Contains((name, "PER"), mentions);
        Assert.DoesNotContain(mentions, m => m.Text.Contains("Minister", StringComparison.Ordinal) || m.Text.Contains("President", StringComparison.Ordinal)
            || m.Text.Contains("General", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Daily Mail and General Trust said profits rose.", "General Trust")]
    [InlineData("Supermarkets General Corp said sales fell.", "General Corp")]
    public void A_body_whose_name_holds_an_office_word_stays_whole(string text, string tail)
    {
        var mentions = Recognize(text);
        Assert.DoesNotContain(mentions, m => m.Type == "PER" && tail.Contains(m.Text, StringComparison.Ordinal));
    }
}
