using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>A passive or impersonal cue names no speaker, so no earlier speaker is carried over to it.</summary>
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
    public void Active_cue_after_a_quote_still_carries_the_speaker_over()
    {
        var run = QuoteTestKit.Analyze(
            "Mike Tomlinson said the reforms would take ten years to complete.\n\n" +
            "He warned that schools would need more money.",
            new Seed("Mike Tomlinson", EntityTypes.Person, "tomlinson"));
        Assert.Equal("tomlinson", run.QuoteWith("schools would need").Speaker.Entity?.ClusterId);
    }
}
