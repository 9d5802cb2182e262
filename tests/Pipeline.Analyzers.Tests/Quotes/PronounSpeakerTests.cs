using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// "It said", "they said": the last organisation or place that spoke, else an organisation that
/// was the subject of its clause; a firm or place named in passing is not the speaker. "He said":
/// a person who was the subject of a clause before one named in passing.
/// </summary>
public sealed class PronounSpeakerTests
{
    [Fact]
    public void He_is_the_person_who_was_the_subject_rather_than_one_named_after()
    {
        var run = QuoteTestKit.Analyze(
            "Mr Johnson was asked on the Today programme why Mr Smith had been allowed to resign rather than be sacked. " +
            "He replied that the chief executive had done the honourable thing.",
            new Seed("Johnson", EntityTypes.Person, "johnson"), new Seed("Smith", EntityTypes.Person, "smith"));
        Assert.Equal("johnson", run.QuoteWith("done the honourable thing").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_speaker_is_never_one_named_in_the_quote_itself()
    {
        var run = QuoteTestKit.Analyze(
            "The New York Daily News first reported the arrest on Monday. " +
            "He is believed to have travelled to Syria in 2012 before joining ISIL, the paper reported.",
            new Seed("New York Daily News", EntityTypes.Organization, "news"), new Seed("ISIL", EntityTypes.Organization, "isil"));
        Assert.Equal("news", run.QuoteWith("travelled to Syria").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void She_is_not_a_man()
    {
        var run = QuoteTestKit.Analyze(
            "Clare Short criticised the plan on Monday. Tony Blair answered questions in the Commons on Tuesday. " +
            "She said the war had been illegal.",
            new Seed("Clare Short", EntityTypes.Person, "short"), new Seed("Tony Blair", EntityTypes.Person, "blair"));
        Assert.Equal("short", run.QuoteWith("had been illegal").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_title_tells_the_gender_of_a_family_name()
    {
        var run = QuoteTestKit.Analyze(
            "Mrs Kelly criticised the plan on Monday. Mr Clarke answered questions in the Commons on Tuesday. " +
            "She said the schools had been let down.",
            new Seed("Kelly", EntityTypes.Person, "kelly"), new Seed("Clarke", EntityTypes.Person, "clarke"));
        Assert.Equal("kelly", run.QuoteWith("had been let down").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void The_first_part_of_a_hyphenated_surname_is_no_first_name()
    {
        var run = QuoteTestKit.Analyze(
            "Leigh-Pemberton called on companies to improve ties with investors. He said boards could not expect protection.",
            new Seed("Leigh-Pemberton", EntityTypes.Person, "lp"));
        Assert.Equal("lp", run.QuoteWith("could not expect protection").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_hyphenated_first_name_tells_the_gender()
    {
        var run = QuoteTestKit.Analyze(
            "Jean-Paul Martin opened the meeting. Eva-Marie Ayala asked about the budget. He said the plan was sound.",
            new Seed("Jean-Paul Martin", EntityTypes.Person, "martin"), new Seed("Eva-Marie Ayala", EntityTypes.Person, "ayala"));
        Assert.Equal("martin", run.QuoteWith("the plan was sound").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_name_that_tells_no_gender_agrees_with_either_pronoun()
    {
        var run = QuoteTestKit.Analyze(
            "Kim Jong-un inspected a missile base on Monday. He said the country would not give up its weapons.",
            new Seed("Kim Jong-un", EntityTypes.Person, "kim"));
        Assert.Equal("kim", run.QuoteWith("would not give up").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void They_goes_on_with_the_group_described_before()
    {
        var run = QuoteTestKit.Analyze(
            "But the tobacco companies denied that they illegally conspired to promote smoking. " +
            "They also said they had already met many of the government's demands.");
        var r = run.QuoteWith("already met many");
        Assert.Equal("the tobacco companies", r.Speaker.Text);
        Assert.Equal(SpeakerKind.Unknown, r.Speaker.Kind);
        Assert.DoesNotContain(run.Findings, f => f.RuleId == "QTE003");
    }

    [Fact]
    public void It_is_the_firm_that_opened_the_sentence_after_its_description()
    {
        var run = QuoteTestKit.Analyze(
            "German investment bank Deutsche Bank has challenged the right of Yukos to claim bankruptcy protection in the US.\n\n" +
            "In a court filing on Tuesday, it said the Russian oil giant has few ties to Texas.",
            new Seed("Deutsche Bank", EntityTypes.Organization, "deutsche"), new Seed("Yukos", EntityTypes.Organization, "yukos"));
        Assert.Equal("deutsche", run.QuoteWith("few ties to Texas").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void It_is_the_organisation_that_was_the_subject_not_one_named_in_passing()
    {
        var run = QuoteTestKit.Analyze(
            "Gen-Probe Inc has signed a contract to supply testing kits to J.C. Penney Co Inc for its stores. " +
            "It said deliveries would begin in May.",
            new Seed("Gen-Probe Inc", EntityTypes.Organization, "genprobe"), new Seed("J.C. Penney Co Inc", EntityTypes.Organization, "penney"));
        Assert.Equal("genprobe", run.QuoteWith("deliveries would begin").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_place_named_in_passing_is_not_they()
    {
        var run = QuoteTestKit.Analyze(
            "Mills in Pakistan are likely to use 3.4 mln bales of cotton this year, up from 2.96 mln last year. " +
            "They said consumption would increase further.",
            new Seed("Pakistan", EntityTypes.Location, "pakistan"));
        Assert.NotEqual("pakistan", run.QuoteWith("consumption would increase").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_place_that_spoke_is_it()
    {
        var run = QuoteTestKit.Analyze(
            "Russia said on Monday that the talks had failed. It added that new talks would be held in May.",
            new Seed("Russia", EntityTypes.Location, "russia"));
        Assert.Equal("russia", run.QuoteWith("new talks would be held").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_name_after_a_lower_case_title_that_opens_the_sentence_is_its_subject()
    {
        var run = QuoteTestKit.Analyze(
            "Newcastle boss Graeme Souness is lining up a summer move for striker Michael Owen. " +
            "\"Michael is in the category of players who would excite the fans,\" he told BBC Newcastle.",
            new Seed("Graeme Souness", EntityTypes.Person, "souness"), new Seed("Michael Owen", EntityTypes.Person, "owen"));
        Assert.Equal("souness", run.QuoteWith("would excite the fans").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_name_after_a_lower_case_title_inside_a_clause_is_no_subject()
    {
        var run = QuoteTestKit.Analyze(
            "Mr Wilson had said that president Luiz Lula has decided to step in. " +
            "\"In practice, it will be an intervention,\" he said.",
            new Seed("Mr Wilson", EntityTypes.Person, "wilson"), new Seed("Luiz Lula", EntityTypes.Person, "lula"));
        Assert.Equal("wilson", run.QuoteWith("it will be an intervention").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void An_age_stands_for_the_person_the_story_is_about()
    {
        var run = QuoteTestKit.Analyze(
            "Kelly Holmes won the 800m title in Birmingham on Sunday, beating Maria Mutola. " +
            "\"I am delighted to win here again,\" said the 34-year-old.",
            new Seed("Kelly Holmes", EntityTypes.Person, "holmes"), new Seed("Maria Mutola", EntityTypes.Person, "mutola"));
        var r = run.QuoteWith("delighted to win here");
        Assert.Equal("holmes", r.Speaker.Entity?.ClusterId);
        Assert.Equal(SpeakerKind.Named, r.Speaker.Kind);
    }

    [Fact]
    public void A_nationality_stands_for_the_person_the_story_is_about()
    {
        var run = QuoteTestKit.Analyze(
            "Andre Agassi beat Nicolas Massu in his first match for two months. \"I felt pretty good,\" said the American.",
            new Seed("Andre Agassi", EntityTypes.Person, "agassi"), new Seed("Nicolas Massu", EntityTypes.Person, "massu"));
        Assert.Equal("agassi", run.QuoteWith("I felt pretty good").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void He_after_an_unnamed_spokesman_is_the_spokesman_not_a_person_named_before()
    {
        var run = QuoteTestKit.Analyze(
            "Mark Oaten said the plans would fail. A Labour Party spokesman criticised Michael Howard's record. " +
            "He said: \"Today the Tories are making more extravagant promises on the police.\"",
            new Seed("Mark Oaten", EntityTypes.Person, "oaten"), new Seed("Labour Party", EntityTypes.Organization, "labour"),
            new Seed("Michael Howard", EntityTypes.Person, "howard"));
        Assert.Equal("labour", run.QuoteWith("more extravagant promises").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void He_after_the_spokesman_is_the_person_that_spokesman_is()
    {
        var run = QuoteTestKit.Analyze(
            "Shadow foreign secretary Michael Ancram told MPs the paper was propaganda. " +
            "The Tory spokesman also criticised the government for its claims. " +
            "\"The government had to publish a commentary of 500 pages,\" he said.",
            new Seed("Michael Ancram", EntityTypes.Person, "ancram"), new Seed("Tory", EntityTypes.Organization, "tory"));
        Assert.Equal("ancram", run.QuoteWith("a commentary of 500 pages").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void They_after_a_described_group_is_the_group_not_a_body_that_spoke_before()
    {
        var run = QuoteTestKit.Analyze(
            "CNN said it had obtained an email sent to Sony executives.\n\n" +
            "In the email, the hackers say Sony made the right decision. They promise not to leak any more private Sony data.",
            new Seed("CNN", EntityTypes.Organization, "cnn"), new Seed("Sony", EntityTypes.Organization, "sony"));
        var they = run.QuoteWith("not to leak any more");
        Assert.Null(they.Speaker.Entity);
        Assert.Equal("the hackers", they.Speaker.Text);
    }

    [Fact]
    public void He_after_a_person_described_goes_on_with_the_description()
    {
        var run = QuoteTestKit.Analyze(
            "A primary school teacher has come out as gay to his class, Pink News reports.\n\n" +
            "\"The reaction was fantastic,\" the teacher said. He added that the pupils had written letters of support.",
            new Seed("Pink News", EntityTypes.Organization, "pink"));
        var he = run.QuoteWith("written letters of support");
        Assert.Null(he.Speaker.Entity);
        Assert.Equal(SpeakerKind.Unknown, he.Speaker.Kind);
        Assert.Equal("the teacher", he.Speaker.Text);
        Assert.DoesNotContain(run.Findings, f => f.RuleId == Pipeline.Analyzers.Quotes.QuoteRules.UnresolvedPronoun.Id);
    }

    [Fact]
    public void It_with_no_organisation_goes_on_with_the_report_described()
    {
        var run = QuoteTestKit.Analyze(
            "Music, images and texts are being hoarded on mobiles, the report found. It found that more than 60% kept thousands of music files.");
        var it = run.QuoteWith("more than 60% kept");
        Assert.Null(it.Speaker.Entity);
        Assert.Equal(SpeakerKind.Unknown, it.Speaker.Kind);
        Assert.Equal("the report", it.Speaker.Text);
    }
}
