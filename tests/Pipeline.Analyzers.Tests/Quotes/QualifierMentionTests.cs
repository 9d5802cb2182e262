using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// A party, firm or person written before a person noun only qualifies it: "Lib Dem leader Charles
/// Kennedy said" is Kennedy's, "The Tory leader said" the leader's. An unnamed spokesman or member
/// ("a Home Office spokesman", "a spokesman for the Home Office") still speaks for the body, and
/// "a spokesman" alone for the body that opens a clause of its sentence or the one before; "a
/// company spokesman" for the body "the company" would be, one that opens its clause first.
/// </summary>
public sealed class QualifierMentionTests
{
    [Fact]
    public void A_party_typed_as_a_person_before_a_title_and_name_is_not_the_speaker()
    {
        var run = QuoteTestKit.Analyze("Lib Dem leader Charles Kennedy said voters had lost all trust in the government.",
            new Seed("Lib Dem", EntityTypes.Person, "libdem"), new Seed("Charles Kennedy", EntityTypes.Person, "kennedy"));
        Assert.Equal("kennedy", run.QuoteWith("voters had lost all trust").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void The_party_leader_is_the_person_the_article_gives_that_title()
    {
        var run = QuoteTestKit.Analyze(
            "Tory leader Michael Howard visited Leeds on Monday.\n\n" +
            "The Tory leader said the asylum system had cost councils more than three billion pounds.",
            new Seed("Tory", EntityTypes.Organization, "tory"), new Seed("Michael Howard", EntityTypes.Person, "howard"));
        Assert.Equal("howard", run.QuoteWith("the asylum system had cost").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_spokesman_named_after_his_principal_is_the_speaker()
    {
        var run = QuoteTestKit.Analyze("Hunter spokesman Joe Kasper said the congressman had spoken with border agents.",
            new Seed("Hunter", EntityTypes.Person, "hunter"), new Seed("Joe Kasper", EntityTypes.Person, "kasper"));
        Assert.Equal("kasper", run.QuoteWith("the congressman had spoken").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void An_unnamed_spokesman_speaks_for_the_body()
    {
        var run = QuoteTestKit.Analyze("A Home Office spokesman said the figures would be published next month.",
            new Seed("Home Office", EntityTypes.Organization, "home-office"));
        Assert.Equal("home-office", run.QuoteWith("the figures would be published").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_spokesman_for_a_body_speaks_for_it()
    {
        var run = QuoteTestKit.Analyze("Charles Clarke defended the plan. A spokesman for the Home Office said it was wholly wrong to suggest that children would be abandoned.",
            new Seed("Charles Clarke", EntityTypes.Person, "clarke"), new Seed("Home Office", EntityTypes.Organization, "home-office"));
        Assert.Equal("home-office", run.QuoteWith("wholly wrong to suggest").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_spokesman_alone_speaks_for_the_body_that_opens_the_sentence_before()
    {
        var run = QuoteTestKit.Analyze(
            "The League Against Cruel Sports said it would monitor hunts. " +
            "The Association of Chief Police Officers has issued guidance to forces on the new rules. " +
            "A spokesman said: \"It is not going to be police officers chasing about in cars across fields.\"",
            new Seed("League Against Cruel Sports", EntityTypes.Organization, "league"),
            new Seed("Association of Chief Police Officers", EntityTypes.Organization, "acpo"));
        Assert.Equal("acpo", run.QuoteWith("chasing about in cars").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_spokesman_alone_takes_no_body_named_in_passing()
    {
        var run = QuoteTestKit.Analyze(
            "Ministers met the RSPCA on Monday. Talks went on for hours. A spokesman said no deal had been done.",
            new Seed("RSPCA", EntityTypes.Organization, "rspca"));
        Assert.Null(run.QuoteWith("no deal had been done").Speaker.Entity);
    }

    [Fact]
    public void A_company_spokesman_speaks_for_the_firm_of_the_story_not_one_named_in_passing()
    {
        var run = QuoteTestKit.Analyze(
            "Montedison Spa said it has concluded its negotiations with Spanish pharmaceuticals company Antibioticos SA. " +
            "A company spokesman said the price would be announced next week.",
            new Seed("Montedison Spa", EntityTypes.Organization, "montedison"), new Seed("Antibioticos SA", EntityTypes.Organization, "antibioticos"));
        Assert.Equal("montedison", run.QuoteWith("the price would be announced").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_party_spokesman_speaks_for_the_party_named_before()
    {
        var run = QuoteTestKit.Analyze(
            "The leader of the British National Party has been arrested. A party spokesman said the arrest was politically motivated.",
            new Seed("British National Party", EntityTypes.Organization, "bnp"));
        Assert.Equal("bnp", run.QuoteWith("the arrest was politically motivated").Speaker.Entity?.ClusterId);
    }
}
