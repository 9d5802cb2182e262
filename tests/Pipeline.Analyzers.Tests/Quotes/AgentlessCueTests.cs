using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// A passive, impersonal or raising cue names no speaker, so no earlier speaker is carried over to
/// it; an evidential adverb ("reportedly") carries over only an outlet or an unnamed source.
/// </summary>
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

    [Fact]
    public void Reportedly_takes_no_speaker_named_before_it()
    {
        var run = QuoteTestKit.Analyze(
            "Barclays said profits had risen by a fifth.\n\n" +
            "The two banks reportedly held talks in October and November.",
            new Seed("Barclays", EntityTypes.Organization, "barclays"));
        var reportedly = run.QuoteWith("held talks in October");
        Assert.Null(reportedly.Speaker.Entity);
        Assert.Equal(SpeakerKind.Unknown, reportedly.Speaker.Kind);
    }

    [Fact]
    public void Reportedly_goes_on_with_the_outlet_that_reported()
    {
        var run = QuoteTestKit.Analyze(
            "The New York Post reported that the couple had planned the wedding for months.\n\n" +
            "Burton reportedly had not planned to marry him for love.",
            new Seed("New York Post", EntityTypes.Organization, "post"), new Seed("Burton", EntityTypes.Person, "burton"));
        Assert.Equal("post", run.QuoteWith("had not planned to marry").Speaker.Entity?.ClusterId);
    }
}
