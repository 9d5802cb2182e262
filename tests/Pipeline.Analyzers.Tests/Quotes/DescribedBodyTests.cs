using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// "The bank said": the organisation whose name holds the description's words rather than the
/// nearest one (the body that spoke last, when only bodies named in passing came after it), unless
/// the nearest is named more often in the story (a firm's description only: a
/// public body such as "the police" is named with its head, or is no one); "the paper said": the
/// news outlet named before, or no one.
/// </summary>
public sealed class DescribedBodyTests
{
    [Fact]
    public void The_body_the_words_name_wins_over_a_nearer_one_named_in_passing()
    {
        var run = QuoteTestKit.Analyze(
            "Bank of America has lost computer tapes holding the details of 1.2 million federal workers. " +
            "Bank of America said the tapes went missing in December. Lawmakers in the Senate asked for an inquiry.\n\n" +
            "The bank said there was no evidence that the data had been misused.",
            new Seed("Bank of America", EntityTypes.Organization, "bofa"), new Seed("Senate", EntityTypes.Organization, "senate"));
        Assert.Equal("bofa", run.QuoteWith("no evidence that the data").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void The_story_s_own_body_wins_over_one_whose_name_only_holds_the_word()
    {
        var run = QuoteTestKit.Analyze(
            "ABN Amro is to cut 2,850 jobs. ABN Amro is the third European bank to announce cuts, after Deutsche Bank. " +
            "ABN Amro's operations in the Netherlands will be hit hardest.\n\n" +
            "The bank said it was on course for a 10% rise in net income this year.",
            new Seed("ABN Amro", EntityTypes.Organization, "abn"), new Seed("Deutsche Bank", EntityTypes.Organization, "deutsche"));
        Assert.Equal("abn", run.QuoteWith("on course for a 10% rise").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_qualifier_the_name_does_not_hold_keeps_the_nearest()
    {
        var run = QuoteTestKit.Analyze(
            "The London Stock Exchange rejected the offer. Rival Deutsche Boerse put forward its own bid case.\n\n" +
            "The German exchange said it had the backing of its shareholders.",
            new Seed("London Stock Exchange", EntityTypes.Organization, "lse"), new Seed("Deutsche Boerse", EntityTypes.Organization, "db"));
        Assert.Equal("db", run.QuoteWith("the backing of its shareholders").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void The_company_goes_on_with_the_firm_that_spoke_not_a_body_named_in_passing_after_it()
    {
        var run = QuoteTestKit.Analyze(
            "The Red Lion Inns partnership said it filed a registration statement with the Securities and Exchange Commission.\n\n" +
            "The company said it expects the offering to be priced at 20 dlrs per unit.\n\n" +
            "It said proceeds will finance the purchase of 10 hotels.",
            new Seed("Red Lion Inns", EntityTypes.Organization, "redlion"),
            new Seed("Securities and Exchange Commission", EntityTypes.Organization, "sec"));
        Assert.Equal("redlion", run.QuoteWith("priced at 20 dlrs").Speaker.Entity?.ClusterId);
        Assert.Equal("redlion", run.QuoteWith("finance the purchase").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void The_group_is_the_group_named_in_passing_not_the_body_that_spoke()
    {
        var run = QuoteTestKit.Analyze(
            "The Nigerian army said it had agreed a truce with the extremist group Boko Haram.\n\n" +
            "On Saturday, the group said it had taken the town of Waga.",
            new Seed("The Nigerian army", EntityTypes.Organization, "army"), new Seed("Boko Haram", EntityTypes.Organization, "boko"));
        Assert.Equal("boko", run.QuoteWith("taken the town").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_firm_opening_its_sentence_after_the_speaker_is_the_company()
    {
        var run = QuoteTestKit.Analyze(
            "Acme Corp said it would cut 500 jobs. Beta Corp, its rival, plans to open two plants.\n\n" +
            "The company said the plants would employ 800 people.",
            new Seed("Acme Corp", EntityTypes.Organization, "acme"), new Seed("Beta Corp", EntityTypes.Organization, "beta"));
        Assert.Equal("beta", run.QuoteWith("employ 800 people").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void The_paper_is_the_news_outlet_named_not_the_nearest_body()
    {
        var run = QuoteTestKit.Analyze(
            "Fiat is close to a deal with General Motors, according to the Financial Times. " +
            "Fiat declined to comment.\n\nThe paper said the deal could be announced within days.",
            new Seed("Fiat", EntityTypes.Organization, "fiat"), new Seed("General Motors", EntityTypes.Organization, "gm"),
            new Seed("Financial Times", EntityTypes.Organization, "ft"));
        Assert.Equal("ft", run.QuoteWith("could be announced within days").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void An_outlet_is_known_by_the_description_written_with_it()
    {
        var run = QuoteTestKit.Analyze(
            "Samsung will supply the screens, the South Korean newspaper Electronic Times reported. " +
            "Apple declined to comment.\n\nThe paper said LG would also become a supplier.",
            new Seed("Samsung", EntityTypes.Organization, "samsung"), new Seed("Apple", EntityTypes.Organization, "apple"),
            new Seed("Electronic Times", EntityTypes.Organization, "et"), new Seed("LG", EntityTypes.Organization, "lg"));
        Assert.Equal("et", run.QuoteWith("LG would also become a supplier").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void With_no_outlet_named_the_paper_is_no_one()
    {
        var run = QuoteTestKit.Analyze(
            "Qantas has argued that it needs to make considerable savings.\n\n" +
            "The newspaper said the airline would move more jobs overseas.",
            new Seed("Qantas", EntityTypes.Organization, "qantas"));
        Assert.Null(run.QuoteWith("move more jobs overseas").Speaker.Entity);
    }

    [Fact]
    public void A_public_body_is_named_with_its_head_or_is_no_one()
    {
        var run = QuoteTestKit.Analyze(
            "The Tories and the Lib Dems said the plans were flawed. Labour defended them.\n\n" +
            "The police said the cards would help fight crime.",
            new Seed("Tories", EntityTypes.Organization, "tories"), new Seed("Lib Dems", EntityTypes.Organization, "libdems"),
            new Seed("Labour", EntityTypes.Organization, "labour"));
        Assert.Null(run.QuoteWith("help fight crime").Speaker.Entity);
    }

    [Fact]
    public void A_public_body_named_with_its_head_is_the_speaker()
    {
        var run = QuoteTestKit.Analyze(
            "The Law Commission reviewed the murder laws for the Home Office.\n\n" +
            "The commission said it found support for grading murders.",
            new Seed("Law Commission", EntityTypes.Organization, "lawcom"), new Seed("Home Office", EntityTypes.Organization, "ho"));
        Assert.Equal("lawcom", run.QuoteWith("grading murders").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_newspaper_the_entity_tagger_typed_misc_speaks_as_an_organisation()
    {
        var run = QuoteTestKit.Analyze(
            "Manchester United's owners are ready to accept the offer, according to the Financial Times.",
            new Seed("Financial Times", EntityTypes.Miscellaneous, "ft"), new Seed("Manchester United", EntityTypes.Organization, "united"));
        Assert.Equal("ft", run.QuoteWith("ready to accept the offer").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_firm_s_description_is_not_the_outlet_that_reported_the_story()
    {
        var run = QuoteTestKit.Analyze(
            "Reuters reported on Monday that profits at the carmaker had doubled. Analysts expect more cuts.\n\n" +
            "The company said it would hire 2,000 workers next year.",
            new Seed("Reuters", EntityTypes.Organization, "reuters"));
        Assert.NotEqual("reuters", run.QuoteWith("hire 2,000 workers").Speaker.Entity?.ClusterId);
    }

    [Fact]
    public void A_firm_named_with_an_outlet_word_may_still_be_the_company()
    {
        var run = QuoteTestKit.Analyze(
            "Electronic Mail Corp of America is in talks to sell its network. Analysts expect a bid.\n\n" +
            "The company said it had received three offers.",
            new Seed("Electronic Mail Corp of America", EntityTypes.Organization, "emca"));
        Assert.Equal("emca", run.QuoteWith("received three offers").Speaker.Entity?.ClusterId);
    }
}
