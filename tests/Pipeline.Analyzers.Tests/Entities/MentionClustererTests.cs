using Pipeline.Analyzers.Entities;

namespace Pipeline.Analyzers.Tests.Entities;

public class MentionClustererTests
{
    private const int Per = 0, Org = 1, Loc = 2, Misc = 3;

    private static ClusterInput M(int type, string text) =>
        new(type, text.Split(' '), text);

    private static (int[] Of, string[] Canonical) Cluster(params ClusterInput[] mentions) => MentionClusterer.Cluster(mentions);

    [Fact]
    public void A_later_surname_joins_the_full_name()
    {
        var (of, canonical) = Cluster(M(Per, "Vladimir Putin"), M(Loc, "Moscow"), M(Per, "Putin"));
        Assert.Equal(of[0], of[2]);
        Assert.NotEqual(of[0], of[1]);
        Assert.Equal("Vladimir Putin", canonical[of[2]]);
    }

    [Fact]
    public void An_earlier_surname_joins_the_full_name_that_follows()
    {
        var (of, canonical) = Cluster(M(Per, "Putin"), M(Per, "Lukashenka"), M(Per, "Alyaksandr Lukashenka"), M(Per, "Vladimir Putin"));
        Assert.Equal(of[0], of[3]);
        Assert.Equal(of[1], of[2]);
        Assert.NotEqual(of[0], of[1]);
        Assert.Equal("Alyaksandr Lukashenka", canonical[of[1]]);
        Assert.Equal([0, 1, 1, 0], of); // cluster ids follow first mentions
    }

    [Theory]
    [InlineData("Alyaksandr Lukashenka", "Lukashenko")]
    [InlineData("Mikhail Khodorkovsky", "Hodorkovskiy")]
    [InlineData("Yevgeny Prigozhin", "Prigozhin")]
    [InlineData("Alexei Navalny", "Navalniy")]
    public void Transliteration_variants_of_a_surname_join(string full, string variant)
    {
        var (of, canonical) = Cluster(M(Per, full), M(Per, variant));
        Assert.Equal(of[0], of[1]);
        Assert.Equal(full, canonical[of[1]]);
    }

    [Fact]
    public void Full_name_variants_join_but_different_first_names_do_not()
    {
        var (of, _) = Cluster(M(Per, "Yevgeniy Primakov"), M(Per, "Evgeny Primakov"), M(Per, "Mario Rossi"), M(Per, "Maria Rossi"));
        Assert.Equal(of[0], of[1]);
        Assert.NotEqual(of[2], of[3]);
    }

    [Fact]
    public void Types_must_agree()
    {
        var (of, _) = Cluster(M(Loc, "Belarus"), M(Misc, "Belarusian"), M(Per, "Washington"), M(Loc, "Washington"));
        Assert.Equal(4, of.Distinct().Count());
    }

    [Fact]
    public void The_Kremlin_stays_an_institution()
    {
        var (of, canonical) = Cluster(M(Per, "Vladimir Putin"), M(Org, "Kremlin"), M(Org, "the Kremlin"), M(Per, "Putin"));
        Assert.Equal(of[1], of[2]);
        Assert.NotEqual(of[0], of[1]);
        Assert.Equal(of[0], of[3]);
        Assert.Equal("Kremlin", canonical[of[1]]);
    }

    [Fact]
    public void A_bare_surname_joins_the_nearest_preceding_bearer()
    {
        var (of, _) = Cluster(M(Per, "Alyaksandr Lukashenka"), M(Per, "Viktor Lukashenka"), M(Per, "Lukashenka"), M(Per, "Viktor"));
        Assert.Equal(of[1], of[2]);
        Assert.NotEqual(of[0], of[1]);
        Assert.NotEqual(of[1], of[3]); // a first name alone joins no one
    }

    [Fact]
    public void An_acronym_joins_the_organisation_it_abbreviates()
    {
        var (of, canonical) = Cluster(M(Org, "European Central Bank"), M(Org, "ECB"), M(Org, "Security Council"), M(Org, "SC"));
        Assert.Equal(of[0], of[1]);
        Assert.Equal(of[2], of[3]);
        Assert.Equal("European Central Bank", canonical[of[1]]);
        Assert.NotEqual(of[0], of[2]);
    }

    [Fact]
    public void Canonical_name_is_the_longest_mention()
    {
        var (of, canonical) = Cluster(M(Org, "Atlantic Council"), M(Org, "The Atlantic Council"));
        Assert.Equal(of[0], of[1]);
        Assert.Equal("Atlantic Council", canonical[0]);
    }

    [Fact]
    public void A_titled_surname_joins_the_full_name()
    {
        var (of, canonical) = Cluster(M(Per, "Patricia Hewitt"), M(Org, "GMTV"), M(Per, "Ms Hewitt"), M(Per, "Hewitt"), M(Per, "Mr. Blair"), M(Per, "Tony Blair"));
        Assert.Equal(of[0], of[2]);
        Assert.Equal(of[0], of[3]);
        Assert.Equal("Patricia Hewitt", canonical[of[2]]);
        Assert.Equal(of[4], of[5]);
        Assert.Equal("Tony Blair", canonical[of[4]]);
    }

    [Fact]
    public void Without_a_full_name_a_titled_surname_and_the_bare_surname_are_one_person()
    {
        var (of, canonical) = Cluster(M(Per, "Mr Kennedy"), M(Per, "Kennedy"), M(Per, "Dr Fox"), M(Per, "Fox"));
        Assert.Equal(of[0], of[1]);
        Assert.Equal("Mr Kennedy", canonical[of[1]]);
        Assert.Equal(of[2], of[3]);
        Assert.NotEqual(of[0], of[2]);
    }

    [Fact]
    public void Titles_of_both_sexes_keep_two_people_apart()
    {
        var (of, _) = Cluster(M(Per, "Mr. Clinton"), M(Per, "Mrs. Clinton"), M(Per, "Clinton"), M(Per, "Mrs. Clinton"));
        Assert.NotEqual(of[0], of[1]);
        Assert.Equal(of[1], of[3]);
        Assert.NotEqual(of[0], of[2]);
        Assert.NotEqual(of[1], of[2]); // a bare surname between the two stays undecided
    }

    [Fact]
    public void A_titled_double_barrelled_surname_joins_the_full_name()
    {
        var (of, canonical) = Cluster(new ClusterInput(Per, ["Robert", "Kilroy", "-", "Silk"], "Robert Kilroy-Silk"),
            new ClusterInput(Per, ["Mr", "Kilroy", "-", "Silk"], "Mr Kilroy-Silk"));
        Assert.Equal(of[0], of[1]);
        Assert.Equal("Robert Kilroy-Silk", canonical[of[1]]);
    }

    [Fact]
    public void A_surname_after_a_particle_joins_with_or_without_the_particle()
    {
        var (of, canonical) = Cluster(new ClusterInput(Per, ["Bill", "de", "Blasio"], "Bill de Blasio"),
            new ClusterInput(Per, ["De", "Blasio"], "De Blasio"), new ClusterInput(Per, ["Blasio"], "Blasio"));
        Assert.Equal(of[0], of[1]);
        Assert.Equal(of[0], of[2]);
        Assert.Equal("Bill de Blasio", canonical[of[1]]);
    }

    [Fact]
    public void Al_first_is_a_given_name_not_a_particle()
    {
        var (of, _) = Cluster(new ClusterInput(Per, ["Al", "Sharpton"], "Al Sharpton"), new ClusterInput(Per, ["Sharpton"], "Sharpton"));
        Assert.Equal(of[0], of[1]);
    }

    [Fact]
    public void A_surname_with_a_prefix_joins_with_or_without_it()
    {
        var (of, canonical) = Cluster(new ClusterInput(Per, ["Mohammed", "al", "-", "Momani"], "Mohammed al-Momani"),
            new ClusterInput(Per, ["Momani"], "Momani"), new ClusterInput(Per, ["al", "-", "Momani"], "al-Momani"));
        Assert.Equal(of[0], of[1]);
        Assert.Equal(of[0], of[2]);
        Assert.Equal("Mohammed al-Momani", canonical[of[1]]);
    }

    [Fact]
    public void Mrs_and_Miss_of_one_surname_are_two_people_and_a_word_before_the_title_is_dropped()
    {
        var (of, canonical) = Cluster(new ClusterInput(Per, ["Delighted", "Mrs", "Smith"], "Delighted Mrs Smith"),
            M(Per, "Miss Smith"), M(Per, "Mrs Smith"));
        Assert.NotEqual(of[0], of[1]);
        Assert.Equal(of[0], of[2]);
        Assert.Equal("Mrs Smith", canonical[of[0]]);
    }
}
