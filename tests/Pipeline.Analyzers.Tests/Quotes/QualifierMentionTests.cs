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

    [Theory]
    [InlineData("a company spokesman")]
    [InlineData("a bank spokesman")]
    [InlineData("a central bank spokesman")]
    public void A_spokesman_after_the_news_speaks_for_the_body_it_opens_with_and_goes_on_for_it(string spokesman)
    {
        var run = QuoteTestKit.Analyze(
            $"The Bank of Spain is relaxing exchange controls to help Spanish banks compete, {spokesman} said.\n\n" +
            "He said the measures would take effect by June.\n\n" +
            "The spokesman said the relaxation was part of a broader package of reforms.",
            new Seed("Bank of Spain", EntityTypes.Organization, "bos"), new Seed("Spain", EntityTypes.Location, "spain"));
        Assert.Equal("bos", run.QuoteWith("relaxing exchange controls").Speaker.Entity?.ClusterId);
        Assert.Equal("bos", run.QuoteWith("would take effect by June").Speaker.Entity?.ClusterId);
        Assert.Equal("bos", run.QuoteWith("a broader package of reforms").Speaker.Entity?.ClusterId);
    }

    [Theory]
    [InlineData("The Ballymena-born actor said the theatre was in a very dilapidated condition.", "Ballymena", EntityTypes.Organization)]
    [InlineData("The Ballymena-born actor said the theatre was in a very dilapidated condition.", "Ballymena", EntityTypes.Location)]
    [InlineData("The Oscar-nominated actor said the theatre was in a very dilapidated condition.", "Oscar", EntityTypes.Person)]
    public void A_name_joined_by_a_hyphen_to_a_modifier_is_not_the_speaker(string sentence, string modifier, string type)
    {
        var run = QuoteTestKit.Analyze("Liam Neeson has backed a campaign to save the Lyric Theatre in Belfast.\n\n" + sentence,
            new Seed("Liam Neeson", EntityTypes.Person, "neeson"), new Seed("Lyric Theatre", EntityTypes.Organization, "lyric"),
            new Seed("Belfast", EntityTypes.Location, "belfast"), new Seed(modifier, type, "modifier"));
        Assert.Equal("neeson", run.QuoteWith("very dilapidated condition").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void Two_names_that_qualify_a_title_together_leave_the_speaker_to_the_name_after_it()
    {
        var run = QuoteTestKit.Analyze(
            "\"It was very hard to follow last year,\" said Richard and Judy executive producer Amanda Ross.",
            new Seed("Richard", EntityTypes.Person, "richard"), new Seed("Amanda Ross", EntityTypes.Person, "ross"));
        Assert.Equal("ross", run.QuoteWith("very hard to follow").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void Two_speakers_joined_by_and_keep_the_first()
    {
        var run = QuoteTestKit.Analyze("Obama and Senate Majority Leader Harry Reid said the bill would pass this week.",
            new Seed("Obama", EntityTypes.Person, "obama"), new Seed("Harry Reid", EntityTypes.Person, "reid"));
        Assert.Equal("obama", run.QuoteWith("the bill would pass").Speaker.Entity?.ClusterId);
    }
}
