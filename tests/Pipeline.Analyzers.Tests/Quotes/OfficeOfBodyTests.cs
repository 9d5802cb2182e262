using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// "The Culture Secretary said", "the Salford MP told": a description that names a body or place
/// and an office of it is a person (the story's own, or the one written with that title), not the
/// body; a spokesman still speaks for the body.
/// </summary>
public sealed class OfficeOfBodyTests
{
    [Fact]
    public void An_office_of_a_body_is_the_story_s_person_not_the_body()
    {
        var run = QuoteTestKit.Analyze(
            "Tessa Jowell has announced plans to limit the number of new casinos.\n\n" +
            "It puts an end to plans outlined in the government's Gambling Bill. " +
            "The Culture Secretary said the move showed she listened to critics.",
            new Seed("Tessa Jowell", EntityTypes.Person, "jowell"), new Seed("Culture", EntityTypes.Organization, "culture"),
            new Seed("Gambling Bill", EntityTypes.Person, "bill"));
        var speaker = run.QuoteWith("the move showed she listened").Speaker;
        Assert.Equal(SpeakerKind.Named, speaker.Kind);
        Assert.Equal("jowell", speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_member_for_a_place_is_a_person()
    {
        var run = QuoteTestKit.Analyze(
            "Hazel Blears spoke to the committee about the threat.\n\n" +
            "\"The threat is most likely to come from extremists,\" the Salford MP told the Commons home affairs committee.",
            new Seed("Hazel Blears", EntityTypes.Person, "blears"), new Seed("Salford", EntityTypes.Location, "salford"));
        Assert.Equal("blears", run.QuoteWith("most likely to come from extremists").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void Someone_titled_for_another_body_is_not_the_holder()
    {
        var run = QuoteTestKit.Analyze(
            "Norfolk police chief Andy Hayman said he did not agree with those who have objected. " +
            "Among those who have criticised the plans is the UK's top policeman Sir John Stevens.\n\n" +
            "Andy Hayman said the plans were sound. " +
            "The Metropolitan police chief said last week that the plans should be re-examined.",
            new Seed("Andy Hayman", EntityTypes.Person, "hayman"), new Seed("John Stevens", EntityTypes.Person, "stevens"),
            new Seed("Metropolitan", EntityTypes.Organization, "met"), new Seed("Norfolk", EntityTypes.Location, "norfolk"));
        Assert.Equal("stevens", run.QuoteWith("should be re-examined").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_spokesman_of_a_body_still_speaks_for_it()
    {
        var run = QuoteTestKit.Analyze(
            "Charles Clarke defended the plans.\n\n" +
            "The Home Office spokesman said the scheme would go ahead.",
            new Seed("Charles Clarke", EntityTypes.Person, "clarke"), new Seed("Home Office", EntityTypes.Organization, "ho"));
        Assert.Equal("ho", run.QuoteWith("the scheme would go ahead").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_capitalised_executive_is_a_body()
    {
        var run = QuoteTestKit.Analyze(
            "Brendan Barber welcomed the report.\n\n" +
            "The Health and Safety Executive said it had launched an initiative.",
            new Seed("Brendan Barber", EntityTypes.Person, "barber"), new Seed("Health and Safety", EntityTypes.Organization, "hs"));
        Assert.Equal("hs", run.QuoteWith("it had launched an initiative").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_lead_s_description_is_the_person_the_next_sentence_names()
    {
        var run = QuoteTestKit.AnalyzeArticle(
            "Tories leave door open for Archer",
            "The Conservative Party would deal sympathetically with any application by Lord Archer to rejoin its ranks, its co-chairman has said.\n\n" +
            "Dr Liam Fox told BBC One there was no place for vindictiveness in politics.",
            new Seed("Lord Archer", EntityTypes.Person, "archer"), new Seed("Archer", EntityTypes.Person, "archer"),
            new Seed("Liam Fox", EntityTypes.Person, "fox"), new Seed("Conservative Party", EntityTypes.Organization, "tories"));
        Assert.Equal("fox", run.QuoteWith("deal sympathetically").Speaker.Entity?.ClusterId);
    }
}
