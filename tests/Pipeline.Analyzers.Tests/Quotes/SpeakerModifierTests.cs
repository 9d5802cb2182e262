using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// A speaker phrase with a participle or relative modifier ("The company, based in San Diego,
/// said"): the firms and places in the modifier are not the speaker, unless the modifier names
/// the speaker ("who calls herself ..."); an apposition or a list keeps its name; a person in the
/// possessive gives way to the person the phrase names ("Bolling's cohost, Kimberly Guilfoyle").
/// </summary>
public sealed class SpeakerModifierTests
{
    [Fact]
    public void A_place_in_a_participle_modifier_is_not_the_speaker()
    {
        var run = QuoteTestKit.Analyze(
            "Gen-Probe Inc introduced a new sample preparation column. " +
            "The company, based in San Diego, Calif., said the column dramatically simplifies the isolation of DNA.",
            new Seed("Gen-Probe Inc", EntityTypes.Organization, "genprobe"), new Seed("San Diego", EntityTypes.Location, "sandiego"));
        var r = run.QuoteWith("simplifies the isolation");
        Assert.StartsWith("The company", r.Speaker.Text);
        Assert.Equal("genprobe", r.Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_firm_in_a_relative_modifier_is_not_the_speaker()
    {
        var run = QuoteTestKit.Analyze(
            "The New York Times, which ran a story on Thursday about the comment by Francis, said the Vatican had not denied it.",
            new Seed("New York Times", EntityTypes.Organization, "nyt"), new Seed("Francis", EntityTypes.Person, "francis"));
        Assert.Equal("nyt", run.QuoteWith("had not denied it").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void The_agent_of_a_passive_participle_is_not_the_speaker()
    {
        var run = QuoteTestKit.Analyze(
            "Government analysts polled by Reuters said the bank had a right to a seat on the board.",
            new Seed("Reuters", EntityTypes.Organization, "reuters"));
        var r = run.QuoteWith("had a right to a seat");
        Assert.StartsWith("Government analysts", r.Speaker.Text);
        Assert.Null(r.Speaker.Entity);
    }

    [Theory]
    [InlineData("The mother of James Foley said the government had threatened the family.", "James Foley", null)]
    [InlineData("The head of a Philippine panel charged with recovering wealth accumulated by former President Ferdinand Marcos said the funds were large.",
        "Ferdinand Marcos", null)]
    [InlineData("Merck's head of research Peter Kim said the drug was withdrawn.", "Peter Kim", "named")]
    [InlineData("The director of the central bank, Carlos Langoni, said rates would fall.", "Carlos Langoni", "named")]
    public void A_person_in_the_of_phrase_of_a_relative_or_as_an_agent_is_not_the_speaker(string text, string person, string? speaks)
    {
        var run = QuoteTestKit.Analyze(text, new Seed(person, EntityTypes.Person, "named"));
        Assert.Equal(speaks, run.Results.Single().Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_participle_with_its_preposition_after_people_is_a_modifier_of_theirs()
    {
        var run = QuoteTestKit.Analyze(
            "The 10 authors shortlisted for a Richard and Judy book award are hoping for a boost in sales.",
            new Seed("Richard", EntityTypes.Person, "richard"));
        var r = run.QuoteWith("a boost in sales");
        Assert.StartsWith("The 10 authors", r.Speaker.Text);
        Assert.Null(r.Speaker.Entity);
    }

    [Theory]
    [InlineData("Mexico's attorney general said the students had been killed by a drug gang.", "Mexico", false)]
    [InlineData("A vandal in Seattle said the statue had been asking for it.", "Seattle", false)]
    [InlineData("Washington said the sanctions would stay in place until the talks resumed.", "Washington", true)]
    [InlineData("Nigeria's government said the talks with the group would resume next week.", "Nigeria", true)]
    public void A_place_speaks_only_as_the_head_of_its_phrase_or_through_its_government(string text, string place, bool speaks)
    {
        var run = QuoteTestKit.Analyze(text, new Seed(place, EntityTypes.Location, "place"));
        Assert.Equal(speaks ? "place" : null, run.Results.Single().Speaker.Entity?.ClusterId);
    }

    [Theory]
    [InlineData(EntityTypes.Person)]
    [InlineData(EntityTypes.Organization)] // after a naming word the name is the speaker's, whatever the tagger typed it
    public void A_modifier_that_names_the_speaker_gives_that_name(string type)
    {
        var run = QuoteTestKit.Analyze(
            "The Florida massage therapist, who calls herself Jasmine Tridevil, said she was rejected by more than 50 doctors.",
            new Seed("Florida", EntityTypes.Location, "florida"), new Seed("Jasmine Tridevil", type, "jasmine"));
        Assert.Equal("jasmine", run.QuoteWith("rejected by more than 50 doctors").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void An_apposition_keeps_its_name()
    {
        var run = QuoteTestKit.Analyze(
            "Jim Billington, Democratic member of the FCA board, said the troubles of the system have encouraged the flight of deposits.",
            new Seed("Jim Billington", EntityTypes.Person, "billington"), new Seed("FCA", EntityTypes.Organization, "fca"));
        Assert.Equal("billington", run.QuoteWith("encouraged the flight").Speaker.Entity?.ClusterId);
    }

    [Theory]
    [InlineData("Bolling's cohost, Kimberly Guilfoyle, said the show would go on.", "Eric Bolling", "Kimberly Guilfoyle")]
    [InlineData("Sotloff's mother, Shirley, said her son was a journalist.", "Steven Sotloff", "Shirley")]
    [InlineData("Mr Brown's former adviser Ed Balls said the figures were sound.", "Gordon Brown", "Ed Balls")]
    public void A_person_in_the_possessive_gives_way_to_the_person_named(string sentence, string possessor, string speaker)
    {
        var run = QuoteTestKit.Analyze(possessor + " was in the news this week.\n\n" + sentence,
            new Seed(possessor, EntityTypes.Person, "possessor"), new Seed(possessor.Split(' ')[^1], EntityTypes.Person, "possessor"),
            new Seed(speaker, EntityTypes.Person, "speaker"));
        Assert.Equal("speaker", run.Results.Single(r => r.Quote.Quote.Cue is { } c && run.Text(c) == "said").Speaker.Entity?.ClusterId);
    }
}
