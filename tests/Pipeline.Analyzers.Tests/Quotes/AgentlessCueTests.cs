using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>A passive, impersonal or raising cue names no speaker, so no earlier speaker is carried over to it.</summary>
public sealed class AgentlessCueTests
{
    [Fact]
    public void Passive_cue_keeps_no_carried_over_speaker()
    {
        var run = QuoteTestKit.Analyze(
            "Mike Tomlinson said the reforms would take ten years to complete.\n\n" +
            "The government was said to be still rewriting its response on Friday.",
            new Seed("Mike Tomlinson", EntityTypes.Person, "tomlinson"));
        Assert.Equal("tomlinson", run.QuoteWith("the reforms would take").Speaker.Entity?.ClusterId);
        var passive = run.QuoteWith("rewriting its response");
        Assert.Null(passive.Speaker.Entity);
        Assert.Equal(SpeakerKind.Unknown, passive.Speaker.Kind);
    }

    [Fact]
    public void Raising_cue_keeps_no_carried_over_speaker()
    {
        var run = QuoteTestKit.Analyze(
            "Abubakar Shekau said the girls had been married off.\n\n" +
            "This strategy appears to be playing out in parts of Nigeria, where the group controls several towns.",
            new Seed("Abubakar Shekau", EntityTypes.Person, "shekau"));
        var raising = run.Results.Where(r => r.Quote.Quote.Cue is { } c && run.Text(c).StartsWith("appear", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(raising);
        Assert.All(raising, r => Assert.Null(r.Speaker.Entity));
    }

    [Fact]
    public void Active_cue_after_a_quote_still_carries_the_speaker_over()
    {
        var run = QuoteTestKit.Analyze(
            "Mike Tomlinson said the reforms would take ten years to complete.\n\n" +
            "He warned that schools would need more money.",
            new Seed("Mike Tomlinson", EntityTypes.Person, "tomlinson"));
        Assert.Equal("tomlinson", run.QuoteWith("schools would need").Speaker.Entity?.ClusterId);
    }
}
