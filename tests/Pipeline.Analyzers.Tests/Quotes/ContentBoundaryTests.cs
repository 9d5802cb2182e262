using Pipeline.Analyzers.Quotes;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// The repairs of the content tagger's end boundary after a cue: a clause cut off before its
/// verb runs on to the next punctuation; a conjunction (and the next clause's pronoun) taken
/// at the end is dropped; the part of a clause fronted before "source cue," is its first segment;
/// content opened by a circumstance or the hearer starts at "that"; a cue the tagger gave no
/// content takes the clause it reports; a cue inside a more confident reported clause is dropped.
/// </summary>
public sealed class ContentBoundaryTests
{
    private static readonly Lazy<QuotesLexicon> Lexicon = new(() => QuoteComponents.Load(Path.Combine(TestPaths.RepoRoot, "models")).Lexicon);

    [Theory]
    [InlineData("People says that Hillary Clinton called Alicia Machado on Friday to thank her, aides said.", "says", "that Hillary Clinton",
        "that Hillary Clinton called Alicia Machado on Friday to thank her")]
    [InlineData("The mayor said he cannot comment because he has not seen the letter.", "said", "he cannot comment because he",
        "he cannot comment because he has not seen the letter")]
    [InlineData("Trump attacked Machado in early-morning tweets.", "attacked", "Machado", "Machado")]
    [InlineData("She said the plan was sound and voters agreed.", "said", "the plan was sound and", "the plan was sound and")]
    [InlineData("Brown-Forman said its board has approved a three-for-two stock split.", "said", "its board has approved a",
        "its board has approved a three-for-two stock split")]
    public void A_clause_cut_before_its_verb_runs_on(string text, string cue, string content, string expected)
    {
        var (view, quote) = Quote(text, cue, content);
        QuoteDetector.FinishClause(view, quote, new CueMarks(view.Count, []));
        Assert.Equal(expected, ContentText(view, quote));
    }

    [Theory]
    [InlineData("Said the Pew report: \"Americans remain divided on the question.\"", "Said", "the Pew report: \"Americans remain divided on the question.\"",
        "\"Americans remain divided on the question.\"")]
    // Not when the colon comes after a comma, nor for a cue inside its sentence.
    [InlineData("Said the minister, in a letter: \"We will act.\"", "Said", "the minister, in a letter: \"We will act.\"",
        "the minister, in a letter: \"We will act.\"")]
    [InlineData("Officials said the plan: \"a disaster\".", "said", "the plan: \"a disaster\"", "the plan: \"a disaster\"")]
    public void A_cue_opening_its_sentence_reports_what_follows_its_source_and_colon(string text, string cue, string content, string expected)
    {
        var (view, quote) = Quote(text, cue, content);
        QuoteDetector.StartAfterInvertedSource(view, quote);
        Assert.Equal(expected, ContentText(view, quote));
    }

    [Theory]
    [InlineData("The IMF said that, according to data provided by the Liberians, the country's GDP rose by 2% in 2004.", "that",
        "that, according to data provided by the Liberians, the country's GDP rose by 2% in 2004")]
    // A content that goes on after "that" is the tagger's to bound.
    [InlineData("The IMF said that growth would slow, according to its report.", "that growth would slow", "that growth would slow")]
    public void A_clause_opened_by_that_runs_on_past_its_aside(string text, string content, string expected)
    {
        var (view, quote) = Quote(text, "said", content);
        QuoteDetector.RunPastAsideAfterThat(view, quote);
        Assert.Equal(expected, ContentText(view, quote));
    }

    [Theory]
    // Hard-wrapped text: a line break before a lower-case word only wraps the line.
    [InlineData("Gerald Beyer said if the board\naccepts the member's petition this week, a rule change will follow.", "if the board",
        "if the board\naccepts the member's petition this week")]
    // Before a capital it may end a title joined to the sentence.
    [InlineData("Gerald Beyer said prices would rise\nMarkets Fall On Oil News.", "prices would", "prices would rise")]
    public void A_wrapped_line_does_not_end_the_clause(string text, string content, string expected)
    {
        var (view, quote) = Quote(text, "said", content);
        QuoteDetector.FinishClause(view, quote, new CueMarks(view.Count, []));
        Assert.Equal(expected, ContentText(view, quote));
    }

    [Theory]
    [InlineData("BankAmerica stands to lose 200 mln dlrs if Brazil pays no interest for a year, said Joseph Arsenio, analyst with Birr, Wilson and Co.",
        "said", "BankAmerica stands to lose 200 mln dlrs if Brazil pays no interest for a year")]
    [InlineData("Political parties cannot take older voters for granted, says Age Concern.", "says", "Political parties cannot take older voters for granted")]
    [InlineData("The research shows an association, not a cause, says cardiologist Gordon Tomaselli, MD from the American Heart Association.",
        "says", "The research shows an association, not a cause")]
    [InlineData("The NHL has no plans to expand, said NHL commissioner Gary Bettman.", "said", "The NHL has no plans to expand")]
    // A verb of thought trails its clause as one of speech does.
    [InlineData("It could make games production slightly more expensive, thinks Dr Tuffy.", "thinks", "It could make games production slightly more expensive")]
    // A description that ends on a speaker noun, maybe with a participle after it; a partial quotation before makes a mixed quote.
    [InlineData("\"What we've found is that ISIS isn't responsive\" to outreach, said a senior U.S. official, speaking on condition of anonymity and using another name for the group.",
        "said", "\"What we've found is that ISIS isn't responsive\" to outreach")]
    // A name of one word after a determiner or speaker noun; a preposition inside a name or after a speaker noun; an acronym in brackets.
    [InlineData("The budget would hurt pensioners and savers, say the Tories.", "say", "The budget would hurt pensioners and savers")]
    [InlineData("Sales of games rose by a fifth in the year to December, said market analysts Chart-Track.", "said", "Sales of games rose by a fifth in the year to December")]
    [InlineData("Small firms are more optimistic than a year ago, say researchers at BDO Stoy Hayward.", "say", "Small firms are more optimistic than a year ago")]
    [InlineData("Unemployment fell by 20,000 in the quarter, says the Office for National Statistics (ONS).", "says", "Unemployment fell by 20,000 in the quarter")]
    // A full name, then where they are.
    [InlineData("China has seen two decades of blistering economic growth, says the BBC's Louisa Lim in Beijing.", "says",
        "China has seen two decades of blistering economic growth")]
    [InlineData("The talks ended without a deal, said Tuesday in Washington.", "said", null)]
    // A speaker noun with what modifies it after it.
    [InlineData("The company has been scouting a possible location in Seattle, said a person familiar with the project.", "said",
        "The company has been scouting a possible location in Seattle")]
    [InlineData("Cases have soared with the popularity of the product, say doctors writing in the journal Canadian Family Physician.", "say",
        "Cases have soared with the popularity of the product")]
    // A clause after the cue: a verb follows the name, or a past tense follows a speaker noun.
    [InlineData("Taha Idris, director of the council, said his organisation contacted police after receiving complaints.", "said", null)]
    [InlineData("Mitsubishi, the only car firm in the red, confirmed earlier reports of negotiations.", "confirmed", null)]
    [InlineData("The vote was close, said the Tories lost ground.", "said", null)]
    [InlineData("The cost of certificates, said the GAO source, depends on the program's impact.", "said", null)]
    [InlineData("Mr Nash said he thought it was a joke, threatening small claims court.", "threatening", null)]
    // After "told" the name is the hearer.
    [InlineData("The boy made a threat, his father, Jason Steward, told the New York Daily News.", "told", null)]
    [InlineData("Shearson Lehman Brothers, a unit of American Express Co, said Robert Stearns has joined the company.", "said", null)]
    [InlineData("Jo-Renee Formicola, political science professor at Seton Hall, described Trump's approach.", "described", null)]
    public void After_said_and_a_name_the_content_is_the_clause_before(string text, string cue, string? expected)
    {
        var doc = DocumentFactory.Create(text);
        var view = new TokenView(doc, Lexicon.Value);
        var (cueStart, cueEnd) = Tokens(doc, text, cue);
        var clause = QuoteDetector.InvertedTrailerContent(view, cueStart, cueEnd, cueEnd, doc.Sentences[0].EndToken, new CueMarks(view.Count, [(cueStart, cueEnd)]));
        Assert.Equal(expected, clause is { } c ? Text(view, c) : null);
    }

    [Theory]
    [InlineData("As a result, says the committee, the government may need to re-legislate.", "says", "As a result | the government may need to re-legislate")]
    [InlineData("The tone of the campaign, Mr Milburn said, would be more conversational.", "said", "The tone of the campaign | would be more conversational")]
    [InlineData("She was happy to work the phones, she said, but only for local candidates.", "said", "She was happy to work the phones | but only for local candidates")]
    // The cue's own subject before it, set off by an apposition; a source with an apposition after it; a name given.
    [InlineData("David Mizrahi, editor of Mideast reports, expects OPEC to meet before June, although not immediately.", "expects", null)]
    [InlineData("Its first ad could start this week, said Brian Baker, a longtime adviser to the family.", "said", null)]
    [InlineData("A photograph of a giant crab, dubbed Crabzilla, went viral last week.", "dubbed", null)]
    public void A_cue_set_off_by_commas_reports_the_sentence_around_it(string text, string cue, string? expected)
    {
        var doc = DocumentFactory.Create(text);
        var view = new TokenView(doc, Lexicon.Value);
        var (cueStart, cueEnd) = Tokens(doc, text, cue);
        var parts = QuoteDetector.ParentheticalContent(view, cueStart, cueEnd, new CueMarks(view.Count, [(cueStart, cueEnd)]));
        Assert.Equal(expected, parts is var (head, tail) ? Text(view, head) + " | " + Text(view, tail) : null);
    }

    [Theory]
    [InlineData("The government said crude palm oil output is expected to rise.", "crude palm oil output")]
    [InlineData("The government said that output is expected to rise.", "output")]
    public void Content_before_its_cue_starts_after_an_earlier_cue(string text, string expected)
    {
        var (view, quote) = Quote(text, "is expected", text[..text.IndexOf(" is expected", StringComparison.Ordinal)]);
        QuoteDetector.StartAfterEarlierCue(view, quote, new CueMarks(view.Count, [quote.Cue!.Value, Tokens(view.Doc, text, "said")]));
        Assert.Equal(expected, ContentText(view, quote));
    }

    [Fact]
    public void Content_set_off_from_its_cue_keeps_an_earlier_cue()
    {
        const string text = "An employee wished him a \"Merry Christmas,\" according to the Post.";
        var (view, quote) = Quote(text, "according to", "An employee wished him a \"Merry Christmas,\"");
        QuoteDetector.StartAfterEarlierCue(view, quote, new CueMarks(view.Count, [quote.Cue!.Value, Tokens(view.Doc, text, "wished")]));
        Assert.Equal("An employee wished him a \"Merry Christmas,\"", ContentText(view, quote));
    }

    [Theory]
    [InlineData("Police believe the attackers were lovers, the Austrian Times reported.", "reported", "Police believe the attackers were lovers", true)]
    [InlineData("The group will pay the ransom, reported Buzzfeed News.", "reported", "The group will pay the ransom", true)]
    // Not an attribution closing the sentence: another cue, a dash or no source comes between.
    [InlineData("Jasmine Tridevil, not her real name, insists she was rejected by doctors.", "was rejected", "Jasmine Tridevil, not her real name", false)]
    [InlineData("They are wary of proposals to revalue homes - currently graded according to their value.", "according to", "They are wary of proposals to revalue homes", false)]
    [InlineData("He met her when the Women's Defense Unit, was first set up in Kobane.", "was first set up in Kobane", "He met her when the Women's Defense Unit", false)]
    [InlineData("Sources say Fox wanted sequel options, but the actor balked.", "balked", "Sources say Fox wanted sequel options", false)]
    public void A_trailing_cue_closes_its_sentence_after_a_comma_and_its_source(string text, string cue, string content, bool trailing)
    {
        var (view, quote) = Quote(text, cue, content);
        var quotes = new List<DetectedQuote> { quote };
        var insists = text.IndexOf("insists", StringComparison.Ordinal);
        var cues = new CueMarks(view.Count, insists < 0 ? [quote.Cue!.Value] : [quote.Cue!.Value, Tokens(view.Doc, text, "insists")]);
        Assert.Equal(trailing, QuoteDetector.TrailingCues(view, quotes, cues).IsCue(quote.Cue!.Value.Start));
    }

    [Fact]
    public void A_clause_runs_on_only_to_a_cue_that_reports_the_words_before_it()
    {
        const string text = "The rate is expected to improve, Finance Minister Edouard Balladur said, and Paris declared it would rise.";
        var (view, expected) = Quote(text, "is expected", "to improve, Finance Minister Edouard");
        var (_, said) = Quote(text, "said", "The rate is expected to improve");
        var (_, declared) = Quote(text, "declared", "it would rise");
        var cues = new CueMarks(view.Count, [expected.Cue!.Value, said.Cue!.Value, declared.Cue!.Value]);
        var trailing = QuoteDetector.TrailingCues(view, [expected, said, declared], cues);
        Assert.True(trailing.IsCue(said.Cue!.Value.Start));
        Assert.False(trailing.IsCue(declared.Cue!.Value.Start));
        Assert.False(trailing.IsCue(expected.Cue!.Value.Start));
        QuoteDetector.FinishClause(view, expected, trailing);
        // Nor does it take that cue's source.
        Assert.Equal("to improve", ContentText(view, expected));
    }

    [Theory]
    [InlineData("He said the state would order a review of its defenses, and he left.", "said", "the state would order a review of its defenses, and he",
        "the state would order a review of its defenses")]
    [InlineData("Obama urged Republicans to join the believers and criticized them.", "urged", "Republicans to join the believers and",
        "Republicans to join the believers")]
    [InlineData("She said it was sound and fair.", "said", "it was sound and fair", "it was sound and fair")]
    public void A_dangling_conjunction_is_dropped(string text, string cue, string content, string expected)
    {
        var (view, quote) = Quote(text, cue, content);
        QuoteDetector.DropDanglingConjunction(view, quote);
        Assert.Equal(expected, ContentText(view, quote));
    }

    [Theory]
    [InlineData("Climate change, Mr. Obama often says, is the greatest long-term threat.", "says", "is the greatest long-term threat",
        "Climate change ‖ is the greatest long-term threat")]
    [InlineData("Hawaii, as one adviser pointed out, normally does not get two hurricanes.", "pointed out", "normally does not get two hurricanes",
        "Hawaii ‖ normally does not get two hurricanes")]
    [InlineData("As for the network, he said, \"What outlet is not taking sides?\"", "said", "\"What outlet is not taking sides?\"",
        "\"What outlet is not taking sides?\"")]
    [InlineData("The senator said, after a pause, that the plan was sound.", "said", "that the plan was sound", "that the plan was sound")]
    public void The_part_fronted_before_the_source_is_a_segment(string text, string cue, string content, string expected)
    {
        var (view, quote) = Quote(text, cue, content);
        QuoteDetector.AddFrontedPart(view, quote, new CueMarks(view.Count, [quote.Cue!.Value]));
        Assert.Equal(expected, string.Join(" ‖ ", quote.Content.Select(s => Text(view, s))));
    }

    [Theory]
    [InlineData("He announced in a statement this month that he had reached a settlement.", "announced",
        "in a statement this month that he had reached a settlement", "that he had reached a settlement")]
    [InlineData("He told an invited crowd at the club that he wants a new foreign policy.", "told",
        "an invited crowd at the club that he wants a new foreign policy", "that he wants a new foreign policy")]
    [InlineData("She agreed to clean up the mines that had been abandoned.", "agreed", "to clean up the mines that had been abandoned",
        "to clean up the mines that had been abandoned")]
    [InlineData("He told reporters, after a pause, that it was over.", "told", "reporters, after a pause, that it was over",
        "reporters, after a pause, that it was over")]
    public void Content_after_a_circumstance_or_hearer_starts_at_that(string text, string cue, string content, string expected)
    {
        var (view, quote) = Quote(text, cue, content);
        QuoteDetector.StartAtComplementizer(view, quote);
        Assert.Equal(expected, ContentText(view, quote));
    }

    [Theory]
    [InlineData("According to police, officers saw Scott get out of a car with a handgun.", "According to", "",
        "officers saw Scott get out of a car with a handgun")]
    // What follows the cue ends before a cue of the same speaker after a comma: the clause after the hearer, or the hearer alone.
    [InlineData("Amanda's uncle, Lewis Champion, told the BBC News website Ford did not deserve any credit for his plea, saying: \"Nothing is worth it.\"",
        "told", "saying", "Ford did not deserve any credit for his plea")]
    [InlineData("The US has not confirmed these reports, Colonel Pat Ryder told Fox News on Sunday, adding that strikes would go on.",
        "told", "adding", "The US has not confirmed these reports")]
    // After a sentence adverb and its comma, but not after a name and its comma.
    [InlineData("However, according to researchers, it will still take many years to build such a robot.", "according to", "",
        "it will still take many years to build such a robot")]
    [InlineData("Nazer, quoted by SPA, said the recent pressure on prices may be seasonal.", "quoted", "said", null)]
    [InlineData("Secret Service protocol called for her to be taken to a trauma center, sources said.", "said", "called for",
        "Secret Service protocol called for her to be taken to a trauma center")]
    [InlineData("The mayor said the video would be released on Friday.", "said", "", "the video would be released on Friday")]
    [InlineData("Limbaugh added:\n\nAnd from a supposed front-runner, this is nonsense.", "added", "", "And from a supposed front-runner, this is nonsense.")]
    // After a trailing source, the words after the cue are whom it was told to, not what.
    [InlineData("It would mean paid leave would be increased to nine months by 2007, Ms Hewitt told GMTV's Sunday programme.", "told", "",
        "It would mean paid leave would be increased to nine months by 2007")]
    [InlineData("As well as pledging money to the fund, he urged other donors to contribute.", "urged", "", "other donors to contribute")]
    // An audience without a determiner is whom, not what (PolNeAR: "told reporters he thought ...", 29 of 29 in train and dev).
    [InlineData("After the vote ended, he told reporters he was pleased.", "told", "", "he was pleased")]
    public void A_cue_with_no_tagged_content_takes_its_clause(string text, string cue, string otherCue, string? expected)
    {
        var (view, quote) = Quote(text, cue, cue);
        var cues = otherCue.Length == 0 ? [quote.Cue!.Value] : new[] { quote.Cue!.Value, Tokens(view.Doc, text, otherCue) };
        var clause = QuoteDetector.ClauseContent(view, quote.Cue!.Value.Start, quote.Cue!.Value.End, new CueMarks(view.Count, cues));
        Assert.Equal(expected, clause is { } c ? Text(view, c) : null);
    }

    [Theory]
    [InlineData("Michael Howard said Mr Blair would be running scared if he refused calls to go head-to-head.", "said",
        "Mr Blair would be running scared if he refused calls to go head-to-head")]
    [InlineData("He said Mr Hulme-Cross and himself had no intention of resigning and added that they felt let down.", "said",
        "Mr Hulme-Cross and himself had no intention of resigning")]
    public void A_certain_cue_s_clause_may_report_other_cues(string text, string cue, string expected)
    {
        var run = QuoteTestKit.Analyze(text);
        var quote = run.Results.Single(r => r.Quote.Quote.Cue is { } c && run.Text(c) == cue);
        Assert.Equal(expected, run.Content(quote));
    }

    [Theory]
    [InlineData("The amount of spam in circulation was still growing, said Mr Stanley, but he did not think it meant e-mail meltdown.")]
    [InlineData("The important thing was action and not words, he said, adding that only a fraction had been spent.")]
    public void A_cue_after_its_clause_does_not_take_the_words_after_it(string text)
    {
        var run = QuoteTestKit.Analyze(text);
        var quote = run.Results.Single(r => r.Quote.Quote.Cue is { } c && run.Text(c) == "said");
        Assert.StartsWith("The ", run.Content(quote));
    }

    [Theory]
    [InlineData("Secret Service protocol called for her to be taken to a trauma center, sources said.", "her to be taken to a trauma center", 0.6, true)]
    [InlineData("Secret Service protocol called for her to be taken to a trauma center, sources said.", "her to be taken to a trauma center", 0.95, false)]
    [InlineData("Secret Service protocol called for her to be “taken to a trauma center,” sources said.", "her to be “taken to a trauma center,”", 0.6, false)]
    public void A_cue_inside_a_more_confident_reported_clause_is_dropped(string text, string innerContent, double innerConfidence, bool dropped)
    {
        var (view, outer) = Quote(text, "said", text[..(text.IndexOf(innerContent, StringComparison.Ordinal) + innerContent.Length)]);
        outer.Confidence = 0.9;
        var (_, inner) = Quote(text, "called for", innerContent);
        inner.Confidence = innerConfidence;
        var quotes = new List<DetectedQuote> { outer, inner };
        QuoteDetector.DropCuesInsideReportedClauses(view, quotes);
        Assert.Equal(dropped, !quotes.Contains(inner));
        Assert.Contains(outer, quotes);
    }

    [Theory]
    [InlineData("The Tories dismissed the maternity pay plan as \"desperate\", while the Liberal Democrats said it was misdirected.",
        "The Tories dismissed the maternity pay plan as \"desperate\"", "said", "it was misdirected")]
    [InlineData("The Pentagon told BBC News US policy \"condemns and prohibits\" torture and said there was no evidence that any detainee was abused.",
        "The Pentagon told BBC News US policy \"condemns and prohibits\"", "said", "there was no evidence that any detainee was abused")]
    [InlineData("The Lib Dems also oppose the proposals, but ministers insist they are proportionate to the terror threat.",
        "The Lib Dems also oppose the proposals", "insist", "they are proportionate to the terror threat")]
    [InlineData("It was not an easy issue, Mr Howard said at the meeting of the party.", "It was not an easy issue", "said", null)] // no conjunction
    public void A_cue_joined_by_a_conjunction_reports_the_clause_after_it(string text, string before, string cue, string? expected)
    {
        var (view, quote) = Quote(text, cue, before);
        var (cueStart, cueEnd) = quote.Cue!.Value;
        var clause = QuoteDetector.ClauseAfterConjoinedCue(view, cueStart, cueEnd, quote.Content[0].End, new CueMarks(view.Count, [(cueStart, cueEnd)]));
        Assert.Equal(expected, clause is { } c ? Text(view, c) : null);
    }

    [Fact]
    public void The_conjoined_cue_keeps_its_clause_end_to_end()
    {
        var run = QuoteTestKit.Analyze("The Tories dismissed the maternity pay plan as \"desperate\", while the Liberal Democrats said it was misdirected.");
        var quote = run.QuoteWith("it was misdirected");
        Assert.Equal("said", run.Text(quote.Quote.Quote.Cue!.Value));
        Assert.Equal("the Liberal Democrats", quote.Speaker.Text);
    }

    [Theory]
    [InlineData("According to a 52-count civil complaint filed by the Securities and Exchange Commission, the two men used investor money.",
        "the two men used investor money")]
    [InlineData("According to police the suspect fled on foot.", null)] // no comma closes the source
    public void A_sourcing_cue_s_content_starts_after_its_source(string text, string? expected)
    {
        var (view, quote) = Quote(text, "According to", "According to");
        var (cueStart, cueEnd) = quote.Cue!.Value;
        int end = view.Doc.Sentences[0].EndToken - 1; // before the period
        var clause = QuoteDetector.ClauseAfterSourcingCue(view, cueStart, cueEnd, end);
        Assert.Equal(expected, clause is { } c ? Text(view, c) : null);
    }

    [Theory]
    // The tagger took the source alone: for a cue opening its sentence the clause runs to the sentence's end.
    [InlineData("According to the paper, he was rushed to hospital after the attack.", "he was rushed to hospital after the attack")]
    [InlineData("But according to the website, the discovery was made in July by two boys.", "the discovery was made in July by two boys")]
    [InlineData("However, according to researchers, it will still take many years to build such a robot.", "it will still take many years to build such a robot")]
    // A relative clause of the source is not the content.
    [InlineData("According to the WSJ, which cites people familiar with the case, the directors are expected to deny wrongdoing.",
        "the directors are expected to deny wrongdoing")]
    // Inside its sentence the cue may report the words before it, which the clause after the source is not.
    [InlineData("He was rushed to hospital, according to the paper, after the attack on Saturday.", null)]
    public void A_sourcing_cue_whose_content_is_its_source_reports_the_clause_after_it(string text, string? expected)
    {
        string cue = text.Contains("According to", StringComparison.Ordinal) ? "According to" : "according to";
        var (view, quote) = Quote(text, cue, cue);
        var (cueStart, cueEnd) = quote.Cue!.Value;
        int comma = cueEnd;
        while (view.Class[comma] != TokenClass.Comma) comma++;
        var clause = QuoteDetector.ClauseAfterSourcingCue(view, cueStart, cueEnd, contentEnd: comma);
        Assert.Equal(expected, clause is { } c ? Text(view, c) : null);
    }

    [Theory]
    [InlineData("Lord Falconer told BBC Radio 4's Today programme he hoped mediation could help.", "he hoped mediation could help.")]
    [InlineData("Mr Howard told BBC Radio 4's Today programme Mr Blair had refused the change.", "Mr Blair had refused the change.")]
    [InlineData("Charles Clarke told BBC News there were three areas which needed work.", "there were three areas which needed work.")]
    [InlineData("Tessa Jowell told the Guardian newspaper there would be no super-casinos.", "there would be no super-casinos.")]
    [InlineData("She told reporters the plan had failed completely.", "the plan had failed completely.")]
    [InlineData("He told reporters on Tuesday the plan had failed completely.", "the plan had failed completely.")]
    // No hearer to pass over, or no telling where it ends.
    [InlineData("He told BBC News Labour MPs would not get a free vote.", null)]
    [InlineData("Mr Lammy said BBC Radio 4's Today programme he hoped it would work.", null)]
    public void What_was_told_starts_after_the_hearer(string text, string? expected)
    {
        var doc = DocumentFactory.Create(text);
        var view = new TokenView(doc, Lexicon.Value);
        string cue = text.Contains(" told ", StringComparison.Ordinal) ? "told" : "said";
        var (cueStart, cueEnd) = Tokens(doc, text, cue);
        int? start = QuoteDetector.AfterHearer(view, cueStart, cueEnd, doc.Sentences[0].EndToken);
        Assert.Equal(expected, start is { } s ? text[doc.Tokens[s].Span.Start..] : null);
    }

    [Fact]
    public void Whom_a_source_told_is_no_content_and_the_quotation_before_it_is()
    {
        var run = QuoteTestKit.Analyze(
            "The number of gadgets in the shops is predicted to grow by 11%. \"Everything is going digital,\" Kirsten Pfeifer " +
            "from the Consumer Electronics Association, told the BBC News website.",
            new Seed("Kirsten Pfeifer", Pipeline.Sdk.EntityTypes.Person, "pfeifer"));
        var told = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == "told");
        Assert.Equal("\"Everything is going digital,\"", run.Content(told));
        Assert.Equal("pfeifer", told.Speaker.Entity?.ClusterId);
        Assert.DoesNotContain(run.Results, r => run.Content(r).Contains("BBC News website", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quotation_with_a_cue_of_its_own_is_not_the_content_of_the_sentence_before()
    {
        var run = QuoteTestKit.Analyze(
            "By selling the unit to Rosneft, Russia is able to avoid a host of legal landmines, analysts said. " +
            "\"You cannot sue the Russian government,\" said Eric Kraus, a strategist at Sovlink Securities.",
            new Seed("Eric Kraus", Pipeline.Sdk.EntityTypes.Person, "kraus"));
        Assert.Equal("kraus", run.QuoteWith("You cannot sue").Speaker.Entity?.ClusterId);
        Assert.Equal(Pipeline.Sdk.SpeakerKind.Anonymous, run.QuoteWith("a host of legal landmines").Speaker.Kind);
    }

    [Fact]
    public void A_participle_of_speech_reports_what_follows_it()
    {
        var run = QuoteTestKit.Analyze(
            "Steel analyst Peter Fish said the price rise was \"uncharted territory\", adding that the industry " +
            "\"hasn't seen an increase of this magnitude probably in 50 years\".",
            new Seed("Peter Fish", Pipeline.Sdk.EntityTypes.Person, "fish"));
        var adding = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == "adding");
        Assert.StartsWith("that the industry", run.Content(adding));
        Assert.Equal("fish", adding.Speaker.Entity?.ClusterId);
    }

    [Theory]
    [InlineData("But Fowler said the politics would be more intense — and he noted that any change would come later.", "said",
        "the politics would be more intense —", "the politics would be more intense")]
    [InlineData("Both candidates face questions (her campaign later disclosed that she has pneumonia).", "disclosed",
        "that she has pneumonia)", "that she has pneumonia")]
    [InlineData("Points raised in the report included: - No proposals should be taken forward.", "included",
        "- No proposals should be taken forward", "No proposals should be taken forward")]
    // A bracket the segment closes, or opens and closes, stays.
    [InlineData("She said the fund (a trust) lost money (in 2004).", "said", "the fund (a trust) lost money (in 2004)",
        "the fund (a trust) lost money (in 2004)")]
    public void A_segment_does_not_end_or_start_on_a_loose_dash_or_bracket(string text, string cue, string content, string expected)
    {
        var (view, quote) = Quote(text, cue, content);
        QuoteDetector.TrimLooseEdges(view, quote);
        Assert.Equal(expected, ContentText(view, quote));
    }

    private static (TokenView, DetectedQuote) Quote(string text, string cue, string content)
    {
        var doc = DocumentFactory.Create(text);
        var view = new TokenView(doc, Lexicon.Value);
        return (view, new DetectedQuote { Cue = Tokens(doc, text, cue), Content = [Tokens(doc, text, content)], Method = "test" });
    }

    private static (int, int) Tokens(Pipeline.Sdk.Document doc, string text, string words)
    {
        int start = text.IndexOf(words, StringComparison.Ordinal), end = start + words.Length;
        int first = doc.TokenAt(start), last = first;
        while (last < doc.Tokens.Length && doc.Tokens[last].Span.End <= end) last++;
        return (first, last);
    }

    private static string ContentText(TokenView view, DetectedQuote q) => Text(view, q.Content[^1]);

    private static string Text(TokenView view, (int Start, int End) s) =>
        view.Doc.Text[view.Doc.Tokens[s.Start].Span.Start..view.Doc.Tokens[s.End - 1].Span.End];

    [Theory]
    [InlineData("UK consumers are the biggest music buyers in the world, according to new figures.")]
    [InlineData("UK consumers are the biggest music buyers in the world according to new figures.")]
    public void A_closing_according_to_is_followed_by_its_source_not_content(string text)
    {
        var run = QuoteTestKit.Analyze(text);
        var r = run.Results.Single(x => x.Quote.Quote.Cue is { } c && run.Text(c) == "according to");
        Assert.StartsWith("UK consumers are the biggest music buyers", run.Content(r));
        Assert.DoesNotContain("figures", run.Content(r));
        Assert.Equal("new figures", r.Speaker.Text);
    }

    [Theory]
    [InlineData("Instead, said Mr Doctorow, DRM systems were intended to control consumers.", "Instead ‖ DRM systems were intended to control consumers", "Mr Doctorow")]
    [InlineData("Instead, says the report, the money should go to schools.", "Instead ‖ the money should go to schools", "the report")]
    [InlineData("By contrast, said Mr Hogan, the code for viruses such as Gaobot was commonly handed around.",
        "By contrast ‖ the code for viruses such as Gaobot was commonly handed around", "Mr Hogan")]
    public void A_cue_set_off_by_commas_inside_its_sentence_leaves_its_source_out_of_the_content(string text, string content, string source)
    {
        var run = QuoteTestKit.Analyze("The report was published on Monday. " + text);
        var r = run.Results.Single(x => x.Quote.Quote.Cue is { } c && run.Text(c) is "said" or "says");
        Assert.Equal(content, run.Content(r));
        Assert.Equal(source, r.Speaker.Text);
    }

    [Fact]
    public void A_subject_with_its_relative_clause_before_the_cue_stays_the_source()
    {
        var run = QuoteTestKit.Analyze("The official, who declined to be identified, said Orion, the merchant banking arm of the bank, had operated profitably.");
        var r = run.Results.Single(x => x.Quote.Quote.Cue is { } c && run.Text(c) == "said");
        Assert.DoesNotContain("declined to be identified", run.Content(r));
    }
}
