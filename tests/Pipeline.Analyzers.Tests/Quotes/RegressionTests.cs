using Pipeline.Analyzers.Quotes;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>Cases other quote tools got wrong, as reported in their issue trackers (our own wording).</summary>
public sealed class RegressionTests
{
    /// <summary>CoreNLP #905: an appositive after the name, a paragraph break inside the quote, then "he added".</summary>
    [Fact]
    public void Appositive_then_paragraph_break_then_she_added_keeps_the_named_speaker()
    {
        var run = QuoteTestKit.Analyze(
            "Maria Lopez, a nurse at the county hospital, said: \"Patients are waiting far too long for a bed.\n\n" +
            "\"If nothing changes this winter, people will die in the corridors,\" she added.",
            new Seed("Maria Lopez", EntityTypes.Person, "lopez"));
        Assert.All(run.Results, r => Assert.Equal("lopez", r.Speaker.Entity?.ClusterId));
        Assert.Contains(run.Results, r => run.Content(r).Contains("waiting far too long", StringComparison.Ordinal));
        Assert.Contains(run.Results, r => run.Content(r).Contains("people will die", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Findings, f => f.RuleId == QuoteRules.Unattributed.Id);
    }

    /// <summary>CoreNLP #905, second case: the appositive and the quote are separate sentences.</summary>
    [Fact]
    public void Appositive_in_the_sentence_before_the_quote()
    {
        var run = QuoteTestKit.Analyze(
            "On Monday Tom Harris, a Labour councillor, said he was worried. \"What they have done is split the town in two,\" he said.",
            new Seed("Tom Harris", EntityTypes.Person, "harris"));
        var r = run.QuoteWith("split the town in two");
        Assert.Equal(QuoteKind.Direct, r.Quote.Quote.Kind);
        Assert.Equal("harris", r.Speaker.Entity?.ClusterId);
    }

    /// <summary>CoreNLP #1251: a nickname in quotation marks inside the speaker's description is not a quote.</summary>
    [Fact]
    public void Nickname_in_quotation_marks_is_not_a_quote()
    {
        var run = QuoteTestKit.Analyze(
            "\"Another long night. More sirens. Nobody slept,\" said a volunteer at the shelter who goes by the name \"Sunny.\"");
        var r = Assert.Single(run.Results);
        Assert.Contains("Nobody slept", run.Content(r));
        Assert.DoesNotContain("Sunny", run.Content(r));
        Assert.Equal("said", run.Text(r.Quote.Quote.Cue!.Value));
        Assert.StartsWith("a volunteer", r.Speaker.Text);
    }

    /// <summary>textacy #383, first format: the speaker after a dash that follows the quotation.</summary>
    [Theory]
    [InlineData(" — Commissioner Ana Ruiz")]
    [InlineData(" -Commissioner Ana Ruiz")]
    public void Dash_trailer_names_the_speaker(string trailer)
    {
        var run = QuoteTestKit.Analyze(
            "\u201CAs I said when she was nominated, her experience will serve the agency and the public we all serve.\u201D" + trailer + "\n\nThe vote is on Friday.",
            new Seed("Ana Ruiz", EntityTypes.Person, "ruiz"));
        var r = run.QuoteWith("her experience will serve the agency");
        Assert.Equal("sieve:dash-trailer", r.Method);
        Assert.Equal("ruiz", r.Speaker.Entity?.ClusterId);
        Assert.Equal(SpeakerKind.Named, r.Speaker.Kind);
    }

    /// <summary>textacy #383, second format: a lead ending in a colon, the quotation in the next paragraph.</summary>
    [Fact]
    public void Colon_lead_in_the_paragraph_before_names_the_speaker()
    {
        var run = QuoteTestKit.Analyze(
            "The board confirmed the appointment on Tuesday.\n\nAnd from Chairwoman Lee:\n\n" +
            "\u201CShe brings a wealth of experience, a record of public service and a history of keeping us all connected.\u201D",
            new Seed("Lee", EntityTypes.Person, "lee"));
        var r = run.QuoteWith("She brings a wealth of experience");
        Assert.Equal(":", run.Text(r.Quote.Quote.Cue!.Value));
        Assert.Equal("lee", r.Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void The_company_said_resolves_to_the_nearest_organisation_and_he_to_the_nearest_person()
    {
        var run = QuoteTestKit.Analyze(
            "Acme Corp fired its chief executive, Dan Brook, on Monday.\n\n" +
            "The company said it would appoint a successor within a month.\n\n" +
            "\"I was not given a reason,\" he said.",
            new Seed("Acme Corp", EntityTypes.Organization, "acme"), new Seed("Dan Brook", EntityTypes.Person, "brook"));
        var company = run.QuoteWith("appoint a successor");
        Assert.Equal("acme", company.Speaker.Entity?.ClusterId);
        Assert.Equal("The company", company.Speaker.Text);
        var he = run.QuoteWith("I was not given a reason");
        Assert.Equal(SpeakerKind.Pronoun, he.Speaker.Kind);
        Assert.Equal("brook", he.Speaker.Entity?.ClusterId);
    }

    /// <summary>A long description before the name between commas: the name is the speaker.</summary>
    [Fact]
    public void Description_then_name_between_commas_names_the_speaker()
    {
        var run = QuoteTestKit.Analyze(
            "Charles Clarke defended the new powers in the Commons on Monday.\n\n" +
            "But the Liberal Democrats' shadow home secretary, Mark Oaten, accused Mr Clarke of dodging the main issue.",
            new Seed("Charles Clarke", EntityTypes.Person, "clarke"), new Seed("Mark Oaten", EntityTypes.Person, "oaten"));
        var r = run.QuoteWith("dodging the main issue");
        Assert.Equal("Mark Oaten", r.Speaker.Text);
        Assert.Equal("oaten", r.Speaker.Entity?.ClusterId);
    }

    /// <summary>A named speaker, then an unnamed source, then "He said ...".</summary>
    private static QuoteRun NameThenUnnamedThenHe(string unnamed) => QuoteTestKit.Analyze(
        $"Jack Straw said the talks would resume in March. {unnamed} said the date was not fixed. " +
        "He said the delegations had not yet agreed on an agenda.",
        new Seed("Jack Straw", EntityTypes.Person, "straw"));

    /// <summary>A pronoun after an unnamed source goes on with that source, not with the person named before it.</summary>
    [Fact]
    public void A_pronoun_after_an_unnamed_speaker_is_not_linked_to_an_earlier_name()
    {
        var run = NameThenUnnamedThenHe("A senior official");
        Assert.Equal("straw", run.QuoteWith("resume in March").Speaker.Entity?.ClusterId);
        Assert.Equal(SpeakerKind.Anonymous, run.QuoteWith("was not fixed").Speaker.Kind);
        // "He" goes on with the unnamed official: an anonymous source, reported once, at the official.
        var he = run.QuoteWith("agreed on an agenda");
        Assert.Equal((SpeakerKind.Anonymous, "He"), (he.Speaker.Kind, he.Speaker.Text));
        Assert.Null(he.Speaker.Entity);
        Assert.DoesNotContain(run.Findings, f => f.RuleId == QuoteRules.UnresolvedPronoun.Id);
        Assert.Equal("A senior official", run.Text(Assert.Single(run.Findings, f => f.RuleId == QuoteRules.AnonymousSource.Id).Span));
    }

    /// <summary>He or she after a spokesman's words goes on with the spokesman, for the body he speaks for.</summary>
    [Fact]
    public void A_pronoun_after_a_spokeswoman_speaks_for_her_body()
    {
        var run = QuoteTestKit.Analyze(
            "Labour denied the claims. A Conservative spokeswoman said the party stuck to the rules when it rang voters. " +
            "She said the calls had been checked by lawyers.",
            new Seed("Conservative", EntityTypes.Organization, "tories"), new Seed("Labour", EntityTypes.Organization, "labour"));
        var she = run.QuoteWith("checked by lawyers");
        Assert.Equal((SpeakerKind.Pronoun, "tories"), (she.Speaker.Kind, she.Speaker.Entity?.ClusterId));
        Assert.DoesNotContain(run.Findings, f => f.RuleId == QuoteRules.UnresolvedPronoun.Id);
    }

    [Fact]
    public void A_pronoun_of_another_number_than_the_unnamed_speaker_still_finds_the_name() =>
        Assert.Equal("straw", NameThenUnnamedThenHe("Officials").QuoteWith("agreed on an agenda").Speaker.Entity?.ClusterId);

    [Fact]
    public void Anonymous_sources_and_unattributed_quotes_are_reported()
    {
        var run = QuoteTestKit.Analyze(
            "The talks collapsed late on Sunday, people familiar with the negotiations said.\n\n" +
            "\u201CNobody at the table believed a deal was still possible after the second round of talks ended without a date.\u201D");
        var anonymous = Assert.Single(run.Findings, f => f.RuleId == QuoteRules.AnonymousSource.Id);
        Assert.Equal("people familiar with the negotiations", run.Text(anonymous.Span));
        Assert.Equal(SpeakerKind.Anonymous, run.QuoteWith("The talks collapsed").Speaker.Kind);
    }

    /// <summary>A demonym before the speaker noun names no speaker: the ministers spoke, not "Scottish".</summary>
    [Fact]
    public void A_demonym_is_not_linked_as_the_speaker()
    {
        var run = QuoteTestKit.Analyze(
            "Scottish ministers insist they will still have the final say on whether a casino is built in Glasgow.",
            new Seed("Scottish", EntityTypes.Miscellaneous, "scottish"), new Seed("Glasgow", EntityTypes.Location, "glasgow"));
        var r = run.QuoteWith("final say");
        Assert.Equal("Scottish ministers", r.Speaker.Text);
        Assert.Null(r.Speaker.Entity);
    }
}
