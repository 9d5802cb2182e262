using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// "X, who said ..." and "His claims ...": the written source is a relative pronoun or a
/// possessive, and the speaker it stands for is resolved like a name or a pronoun; with no name
/// before it, "who" speaks for the noun phrase it hangs on.
/// </summary>
public sealed class RelativePronounSpeakerTests
{
    [Fact]
    public void Who_after_a_name_is_that_person()
    {
        var run = QuoteTestKit.Analyze(
            "The claims were denied by Foreign Secretary Jack Straw, who said the Tories were running a scare campaign.",
            new Seed("Jack Straw", EntityTypes.Person, "straw"));
        var r = run.QuoteWith("running a scare campaign");
        Assert.Equal("who", r.Speaker.Text);
        Assert.Equal("straw", r.Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void Who_after_an_apposition_is_the_person_named_before_it()
    {
        var run = QuoteTestKit.Analyze(
            "He was introduced by his son Nick, a trainee vicar, who said his father had always been honest with voters.",
            new Seed("Nick", EntityTypes.Person, "nick"));
        Assert.Equal("nick", run.QuoteWith("always been honest").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void Which_after_an_organisation_is_that_organisation()
    {
        var run = QuoteTestKit.Analyze(
            "The event is held by the Muslim Association of Britain (MAB), which said Muslim voters could decide the result in 50 seats.",
            new Seed("Muslim Association of Britain", EntityTypes.Organization, "mab"));
        Assert.Equal("mab", run.QuoteWith("could decide the result").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void Who_after_a_noun_that_names_no_one_speaks_for_that_noun()
    {
        var run = QuoteTestKit.Analyze(
            "Gordon Brown has criticised a union leader who said the row would cost Labour the election.",
            new Seed("Gordon Brown", EntityTypes.Person, "brown"));
        var r = run.QuoteWith("cost Labour the election");
        Assert.NotEqual("brown", r.Speaker.Entity?.ClusterId);
        Assert.Equal(SpeakerKind.Anonymous, r.Speaker.Kind);
        Assert.Equal("a union leader", r.Speaker.Text);
    }

    [Fact]
    public void Who_after_an_unnamed_source_with_its_body_is_that_source()
    {
        var run = QuoteTestKit.Analyze("Gordon Brown has criticised sources within the party who said the plan would fail.",
            new Seed("Gordon Brown", EntityTypes.Person, "brown"));
        var r = run.QuoteWith("the plan would fail");
        Assert.Equal("sources within the party", r.Speaker.Text);
        Assert.Equal(SpeakerKind.Anonymous, r.Speaker.Kind);
    }

    [Fact]
    public void A_name_that_only_qualifies_an_unknown_head_is_not_the_speaker()
    {
        var run = QuoteTestKit.Analyze("Blair met a Comcast customer who says the company blocked the browser.",
            new Seed("Comcast", EntityTypes.Organization, "comcast"));
        var r = run.QuoteWith("blocked the browser");
        Assert.Equal("a Comcast customer", r.Speaker.Text);
        Assert.Null(r.Speaker.Entity);
    }

    [Fact]
    public void A_possessive_source_resolves_like_its_pronoun()
    {
        var run = QuoteTestKit.Analyze(
            "Shadow foreign secretary Michael Ancram told MPs a new White Paper was part of trying to soften up opinion ahead of the referendum. " +
            "His claims were denied by Foreign Secretary Jack Straw, who accused the Tories of running scare stories.",
            new Seed("Michael Ancram", EntityTypes.Person, "ancram"), new Seed("Jack Straw", EntityTypes.Person, "straw"));
        var his = run.Results.Single(r => r.Speaker.Text == "His");
        Assert.Equal("ancram", his.Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_participle_after_a_relative_clause_reports_for_the_sentence_subject_not_the_relative()
    {
        var run = QuoteTestKit.Analyze(
            "Trump was similarly defensive when forced to defend not paying an architect who said he was stiffed after he designed " +
            "a clubhouse at one of Trump's golf courses, saying, \"Maybe he didn't do a good job, and I wasn't satisfied with his work.\"",
            new Seed("Trump", EntityTypes.Person, "trump"));
        var saying = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == "saying");
        Assert.Equal("trump", saying.Speaker.Entity?.ClusterId);
    }
}
