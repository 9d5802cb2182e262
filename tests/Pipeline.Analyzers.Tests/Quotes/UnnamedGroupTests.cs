using Pipeline.Analyzers.Quotes;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// "Analysts said" and "one analyst said" name no one, as "officials said" does: an anonymous
/// source with its finding. "Analysts at Citigroup" speak for a named body; "a Labour source" stays
/// anonymous though its party is named; "the airline" is the airline the story is about.
/// </summary>
public sealed class UnnamedGroupTests
{
    private static readonly Seed[] Bodies =
    [
        new("Citigroup", EntityTypes.Organization, "citi"),
        new("Labour", EntityTypes.Organization, "labour"),
        new("Ryanair", EntityTypes.Organization, "ryanair"),
    ];

    [Theory]
    [InlineData("Analysts said the company would struggle to keep its prices down next year.")]
    [InlineData("Many economists said the company would struggle to keep its prices down next year.")]
    [InlineData("One analyst said the company would struggle to keep its prices down next year.")]
    [InlineData("One foreign banker said the company would struggle to keep its prices down next year.")]
    [InlineData("A high-ranking source said the company would struggle to keep its prices down next year.")]
    // One of a group, or the others of it, with no name at all.
    [InlineData("Residents were angry. \"The company would struggle to keep its prices down,\" one said.")]
    [InlineData("Some backed the plan. Others said the company would struggle to keep its prices down next year.")]
    public void A_group_or_one_of_it_with_no_name_is_an_anonymous_source(string text)
    {
        var run = QuoteTestKit.Analyze(text, Bodies);
        var r = run.QuoteWith("would struggle to keep its prices");
        Assert.Equal(SpeakerKind.Anonymous, r.Speaker.Kind);
        Assert.Contains(run.Findings, f => f.RuleId == QuoteRules.AnonymousSource.Id);
    }

    [Theory]
    [InlineData("MPs said the company would struggle to keep its prices down next year.")]
    [InlineData("A senior Iraqi lawmaker said the company would struggle to keep its prices down next year.")]
    public void A_demonym_or_a_house_names_no_one(string text)
    {
        var run = QuoteTestKit.Analyze(text, new Seed("Iraqi", EntityTypes.Miscellaneous, "iraqi"));
        Assert.Equal(SpeakerKind.Anonymous, run.QuoteWith("would struggle to keep its prices").Speaker.Kind);
    }

    [Fact]
    public void A_group_at_a_named_body_speaks_for_it()
    {
        var run = QuoteTestKit.Analyze("Analysts at Citigroup said the company would struggle to keep its prices down next year.", Bodies);
        var r = run.QuoteWith("would struggle to keep its prices");
        Assert.Equal(SpeakerKind.Named, r.Speaker.Kind);
        Assert.Equal("citi", r.Speaker.Entity?.ClusterId);
        Assert.DoesNotContain(run.Findings, f => f.RuleId == QuoteRules.AnonymousSource.Id);
    }

    [Fact]
    public void A_source_of_a_named_party_is_still_anonymous()
    {
        var run = QuoteTestKit.Analyze("A Labour source said the minister would be given no formal title in the campaign.", Bodies);
        Assert.Equal(SpeakerKind.Anonymous, run.QuoteWith("would be given no formal title").Speaker.Kind);
    }

    [Fact]
    public void The_airline_is_the_airline_named_before()
    {
        var run = QuoteTestKit.Analyze(
            "Ryanair has ordered 70 new planes from Boeing.\n\n" +
            "The airline said the new planes would let it carry 70 million passengers a year by 2012.", Bodies);
        var r = run.QuoteWith("would let it carry");
        Assert.Equal("ryanair", r.Speaker.Entity?.ClusterId);
    }
}
