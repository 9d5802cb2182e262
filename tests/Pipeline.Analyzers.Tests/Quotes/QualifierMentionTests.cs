using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// A party, firm or person written before a person noun only qualifies it: "Lib Dem leader Charles
/// Kennedy said" is Kennedy's, "The Tory leader said" the leader's. An unnamed spokesman or member
/// ("a Home Office spokesman") still speaks for the body.
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
}
