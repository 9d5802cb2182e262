using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>"The chancellor said": the person the article gives that title, not the nearest person.</summary>
public sealed class TitledSpeakerTests
{
    private static readonly Seed[] People =
    [
        new("Gordon Brown", EntityTypes.Person, "brown"),
        new("Oliver Letwin", EntityTypes.Person, "letwin"),
        new("Jack Straw", EntityTypes.Person, "straw"),
        new("Condoleezza Rice", EntityTypes.Person, "rice"),
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
}
