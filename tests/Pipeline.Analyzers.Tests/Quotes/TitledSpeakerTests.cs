using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// "The chancellor said": the person the article gives that title, not the nearest person; with
/// no one so titled, not a person of another office; "the spokesman", the spokesman who spoke before.
/// </summary>
public sealed class TitledSpeakerTests
{
    private static readonly Seed[] People =
    [
        new("Gordon Brown", EntityTypes.Person, "brown"),
        new("Oliver Letwin", EntityTypes.Person, "letwin"),
        new("Jack Straw", EntityTypes.Person, "straw"),
        new("Condoleezza Rice", EntityTypes.Person, "rice"),
        new("Tony Blair", EntityTypes.Person, "blair"),
        new("Charles Clarke", EntityTypes.Person, "clarke"),
        new("Home Office", EntityTypes.Organization, "home-office"),
    ];

    [Fact]
    public void Title_before_the_name_wins_over_the_nearest_person_and_a_shadow_title()
    {
        var run = QuoteTestKit.Analyze(
            "Chancellor Gordon Brown presented his budget on Wednesday. Shadow chancellor Oliver Letwin attacked the plans.\n\n" +
            "The chancellor said the economy was stronger than at any time in a generation.", People);
        Assert.Equal("brown", run.QuoteWith("the economy was stronger").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void Title_in_apposition_after_the_name()
    {
        var run = QuoteTestKit.Analyze(
            "Jack Straw, the foreign secretary, flew to Washington. He met Condoleezza Rice on Monday.\n\n" +
            "The foreign secretary said the talks had been useful for both countries.", People);
        Assert.Equal("straw", run.QuoteWith("the talks had been useful").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void Without_a_titled_holder_a_person_of_another_office_is_not_the_referent()
    {
        var run = QuoteTestKit.Analyze(
            "Tony Blair has rejected calls for an inquiry into the war.\n\n" +
            "Chancellor Gordon Brown was also in Edinburgh. The prime minister said the report was a fair summary of the advice.", People);
        Assert.Equal("blair", run.QuoteWith("the report was a fair summary").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void The_spokesman_is_the_spokesman_who_spoke_before_not_his_minister()
    {
        var run = QuoteTestKit.Analyze(
            "The plans were announced by Home Secretary Charles Clarke on Monday.\n\n" +
            "\"We will consult widely on the changes,\" a Home Office spokesman said. The spokesman added that no decision had been taken.", People);
        Assert.Equal("home-office", run.QuoteWith("no decision had been taken").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void An_unnamed_spokesman_names_no_one()
    {
        var run = QuoteTestKit.Analyze(
            "Charles Clarke defended the plans in the Commons on Monday.\n\nThe spokesman added that no decision had been taken.", People);
        Assert.Null(run.QuoteWith("no decision had been taken").Speaker.Entity);
    }
}
