using Pipeline.Analyzers.Entities;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

/// <summary>
/// Names the tagger cuts, with the shipped fast model: joined by a hyphen, which the segmenter splits
/// into parts and <see cref="HyphenatedNames"/> joins again, or with a particle before the surname
/// (<see cref="ParticleNames"/>).
/// </summary>
public class HyphenatedNameTests
{
    private static List<(string Text, string Type)> Recognize(string text) => FastTier.Recognize(text);

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
    public void A_hyphenated_name_written_alone_is_one_mention()
    {
        var mentions = Recognize("The gunman, Michael Zehaf-Bibeau, was shot dead. Police said Zehaf-Bibeau had a criminal record. " +
            "Wal-Mart said sales rose.");
        Assert.Equal(2, mentions.Count(m => m == ("Zehaf-Bibeau", "PER") || m == ("Michael Zehaf-Bibeau", "PER")));
        Assert.Contains(mentions, m => m.Text == "Wal-Mart");
        Assert.DoesNotContain(mentions, m => m.Text is "Zehaf" or "Bibeau" or "Wal" or "Mart");
    }

    [Fact]
    public void The_syllables_of_a_korean_given_name_stay_in_the_name()
    {
        var mentions = Recognize("North Korean leader Kim Jong-un visited the factory on Tuesday.");
        Assert.Contains(("Kim Jong-un", "PER"), mentions);
    }

    [Fact]
    public void An_arabic_article_stays_on_the_name()
    {
        var mentions = Recognize("The attack was claimed by al-Qaeda in the Arabian Peninsula.");
        Assert.Contains(mentions, m => m.Text == "al-Qaeda");
    }

    [Fact]
    public void A_lower_case_word_after_a_place_is_no_part_of_it()
    {
        var mentions = Recognize("A UK-based charity and the US-led coalition responded.");
        Assert.Contains(mentions, m => m.Text == "UK");
        Assert.Contains(mentions, m => m.Text == "US");
    }

    [Theory]
    [InlineData("Mayor Bill de Blasio said the city was ready.", "de Blasio")]
    public void A_surname_after_a_particle_stays_in_the_persons_name(string text, string surname)
    {
        var mentions = Recognize(text);
        Assert.Contains(mentions, m => m.Type == "PER" && m.Text.EndsWith(surname, StringComparison.Ordinal) && m.Text.Contains(' ' + surname));
        Assert.DoesNotContain(mentions, m => m.Text == surname[(surname.IndexOf(' ') + 1)..]);
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
