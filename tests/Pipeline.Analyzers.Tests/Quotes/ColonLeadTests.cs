using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// A quotation after a colon whose lead is a whole clause: the speaker is the clause's subject, not
/// the clause ("He warned his supporters against complacency:" is said by "He").
/// </summary>
public sealed class ColonLeadTests
{
    [Fact]
    public void A_pronoun_subject_is_the_speaker_and_resolves_to_the_person()
    {
        var run = QuoteTestKit.Analyze(
            "Tony Blair spoke to party members in Gateshead on Sunday.\n\n" +
            "He warned his supporters against complacency, saying: \"This election is not won until the votes are counted.\"",
            new Seed("Tony Blair", EntityTypes.Person, "blair"));
        var r = run.QuoteWith("This election is not won");
        Assert.Equal("He", r.Speaker.Text);
        Assert.Equal("blair", r.Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void The_subject_after_an_opening_phrase_is_the_speaker()
    {
        var run = QuoteTestKit.Analyze(
            "Michael Howard set out his tax plans on Monday.\n\n" +
            "Pointing to national insurance, he said: \"Families are paying more every year for less.\"",
            new Seed("Michael Howard", EntityTypes.Person, "howard"));
        Assert.Equal("he", run.QuoteWith("Families are paying more").Speaker.Text);
    }

    [Fact]
    public void A_described_speaker_is_the_noun_phrase_of_its_head()
    {
        var run = QuoteTestKit.Analyze(
            "The row over the leaked memo went on for a third day.\n\n" +
            "The prime minister's official spokesman also rejected the claims, saying: \"There is no truth in them whatsoever.\"");
        Assert.Equal("The prime minister's official spokesman", run.QuoteWith("There is no truth").Speaker.Text);
    }

    [Fact]
    public void A_reporting_noun_after_its_determiner_stays_in_the_lead()
    {
        var run = QuoteTestKit.Analyze(
            "The charity published its findings on Monday.\n\n" +
            "The report said: \"For rich countries, providing aid to help poor ones is an investment.\"");
        Assert.Equal("The report", run.QuoteWith("providing aid").Speaker.Text);
    }

    [Fact]
    public void A_pronoun_in_a_relative_clause_is_not_the_subject()
    {
        var run = QuoteTestKit.Analyze(
            "The Conservatives published their immigration plans on Tuesday.\n\n" +
            "The Tory leader, who argues he is ensuring honesty, said: \"We will set a limit and we will keep to it.\"");
        Assert.Equal("The Tory leader", run.QuoteWith("We will set a limit").Speaker.Text);
    }

    [Fact]
    public void A_noun_after_a_preposition_is_not_the_subject()
    {
        var run = QuoteTestKit.Analyze(
            "The interview ran on Sunday.\n\n" +
            "The piece used one of the woman's quotes as its headline: \"Finally, someone listened to us.\"");
        var r = run.QuoteWith("someone listened to us");
        Assert.NotEqual("the woman", r.Speaker.Text);
    }

    [Fact]
    public void The_noun_after_with_is_the_subject_of_its_participle()
    {
        var run = QuoteTestKit.Analyze(
            "The campaign has been joined by dozens of groups.\n\n" +
            "Its organisers say more will follow, with a spokesperson saying: \"This is only the beginning.\"");
        Assert.Equal("a spokesperson", run.QuoteWith("only the beginning").Speaker.Text);
    }

    [Fact]
    public void A_spokesman_for_an_organisation_keeps_the_phrase_of_its_preposition()
    {
        var run = QuoteTestKit.Analyze(
            "Talks between the two sides broke down on Friday.\n\n" +
            "In a statement released after the meeting, a spokesman for the union said: \"We are not going back to work for less.\"");
        Assert.Equal("a spokesman for the union", run.QuoteWith("We are not going back").Speaker.Text);
    }

    [Fact]
    public void A_named_body_before_a_speaker_noun_keeps_the_noun()
    {
        var run = QuoteTestKit.Analyze(
            "The embassy was closed on Monday.\n\n" +
            "A Foreign Office spokesperson said: \"We are aware of reports and are looking into them.\"",
            new Seed("Foreign Office", EntityTypes.Organization, "fco"));
        var r = run.QuoteWith("We are aware of reports");
        Assert.Equal("A Foreign Office spokesperson", r.Speaker.Text);
        Assert.Equal("fco", r.Speaker.Entity?.ClusterId);
    }

    [Theory]
    [InlineData("Image: Meetings between the two presidents have increased in frequency since the protests began.")]
    [InlineData("Photo: The prime minister said the talks would resume next week in Brussels.")]
    [InlineData("Claim: A ghost ship filled with Ebola-ridden rats is heading towards Florida.")]
    [InlineData("BREAKING: Three army officers who vanished from a military base have been found at the border.")]
    public void A_caption_label_before_a_colon_is_no_speaker(string caption)
    {
        var run = QuoteTestKit.Analyze("The summit ended without an agreement.\n\n" + caption);
        Assert.DoesNotContain(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == ":");
    }

    [Fact]
    public void After_a_clause_and_a_comma_the_speaker_is_the_subject_before_the_cue()
    {
        var run = QuoteTestKit.Analyze(
            "Trump will probably use the encounter to make some kind of news, Kall said: \"I feel like he has got a surprise up his sleeve.\"",
            new Seed("Trump", EntityTypes.Person, "trump"), new Seed("Kall", EntityTypes.Person, "kall"));
        Assert.Equal("kall", run.QuoteWith("I feel like").Speaker.Entity?.ClusterId);
    }

    [Theory]
    // A name and its description are one subject, the comma notwithstanding.
    [InlineData("Colin Asplin, chairman of the Blackpool Hotel Association said: \"The town needs the conference trade.\"", "asplin")]
    // The relative pronoun's antecedent stands before the comma.
    [InlineData("The plan was rejected by Colin Asplin, who said: \"The town needs the conference trade.\"", "asplin")]
    public void A_comma_that_closes_no_clause_leaves_the_lead_whole(string text, string speaker)
    {
        var run = QuoteTestKit.Analyze(text, new Seed("Colin Asplin", EntityTypes.Person, "asplin"),
            new Seed("Blackpool Hotel Association", EntityTypes.Organization, "association"));
        Assert.Equal(speaker, run.QuoteWith("The town needs").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void The_words_before_a_colon_cue_are_the_speakers_not_the_quote()
    {
        var run = QuoteTestKit.Analyze(
            "Mr. Butterfield, noting that the party's \"down-ballot races are not comfortable,\" added: \"I'm concerned about the vote.\"",
            new Seed("Butterfield", EntityTypes.Person, "butterfield"));
        var added = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == "added:");
        Assert.Equal("\"I'm concerned about the vote.\"", run.Content(added));
        Assert.Equal("butterfield", added.Speaker.Entity?.ClusterId);

        // A quotation closed right before the speaker is still the cue's.
        var wrote = QuoteTestKit.Analyze("\"We know many of you are looking for answers,\" the Find James Foley page wrote: \"Please be patient.\"");
        var both = Assert.Single(wrote.Results, r => r.Quote.Quote.Cue is { } c && wrote.Text(c) == "wrote:");
        Assert.Equal(2, both.Quote.Quote.Content.Length);
    }

    [Fact]
    public void A_name_inside_the_relative_clause_of_a_colon_lead_is_not_the_speaker()
    {
        var run = QuoteTestKit.Analyze(
            "Liam Neeson has backed a campaign to save the Lyric Theatre.\n\n" +
            "The Oscar-nominated actor, whose films include Schindler's List, Michael Collins and Star Wars, said: \"The Lyric is too important to crumble.\"",
            new Seed("Liam Neeson", EntityTypes.Person, "neeson"), new Seed("Michael Collins", EntityTypes.Person, "collins"));
        var r = run.QuoteWith("too important to crumble");
        Assert.Equal("neeson", r.Speaker.Entity?.ClusterId);
        Assert.StartsWith("The Oscar-nominated actor, whose films include", r.Speaker.Text);
    }

    [Fact]
    public void A_relative_clause_followed_by_another_predicate_leaves_the_lead_to_the_name()
    {
        var run = QuoteTestKit.Analyze(
            "However, Mr Haji-Ioannou, who plans to launch Easymobile next month, vowed to fight back, saying: \"We have nothing to be afraid of.\"",
            new Seed("Haji-Ioannou", EntityTypes.Person, "stelios"), new Seed("Easymobile", EntityTypes.Organization, "easymobile"));
        var r = run.QuoteWith("nothing to be afraid of");
        Assert.Equal("stelios", r.Speaker.Entity?.ClusterId);
        Assert.DoesNotContain("vowed", r.Speaker.Text);
    }
}
