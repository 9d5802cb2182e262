using Pipeline.Analyzers.Quotes;
using Pipeline.Analyzers.Quotes.Attribution;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// A written source keeps PolNeAR's bounds: the speaker's noun phrase with its appositives,
/// without the adverbial clause or time word opening the sentence or a circumstance of the speech
/// after a comma.
/// </summary>
public sealed class SourceBoundsTests
{
    private static readonly Lazy<QuotesLexicon> Lexicon = new(() => QuoteComponents.Load(Path.Combine(TestPaths.RepoRoot, "models")).Lexicon);

    [Theory]
    [InlineData("In offering analysis of the election, longtime pollster Pat Caddell said it was close.",
        "In offering analysis of the election, longtime pollster Pat Caddell", "longtime pollster Pat Caddell")]
    [InlineData("Asked what that might look like, she said it would be simple.", "Asked what that might look like, she", "she")]
    [InlineData("Reached by phone before the team took off for Oregon, Beavers coach Wayne Tinkle told ESPN the woman sat nearby.",
        "Reached by phone before the team took off for Oregon, Beavers coach Wayne Tinkle", "Beavers coach Wayne Tinkle")]
    [InlineData("Trump, speaking to a veterans group in Virginia, said he would order a review.",
        "Trump, speaking to a veterans group in Virginia", "Trump")]
    [InlineData("Rep. Elijah Cummings, the top Democrat on the committee, in a statement, said the letter was wrong.",
        "Rep. Elijah Cummings, the top Democrat on the committee, in a statement", "Rep. Elijah Cummings, the top Democrat on the committee")]
    [InlineData("Hillary Clinton, at a later press gaggle, said she felt fine.", "Hillary Clinton, at a later press gaggle", "Hillary Clinton")]
    [InlineData("As a result, says the committee, the law may change.", "the committee,", "the committee")]
    [InlineData("In October Tory leader Michael Howard said Mr Blair would be running scared.", "October Tory leader Michael Howard", "Tory leader Michael Howard")]
    [InlineData("Meanwhile the Tories outlined their plans.", "Meanwhile the Tories", "the Tories")]
    [InlineData("Speaking in the Commons on Wednesday Mr Straw said the talks would go on.", "on Wednesday Mr Straw", "Mr Straw")]
    [InlineData("Even in 1946 Winston Churchill called for a kind of United States of Europe.", "in 1946 Winston Churchill", "Winston Churchill")]
    [InlineData("Judge David Sentelle, in his ruling, said the law was clear.", "Judge David Sentelle, in his ruling", "Judge David Sentelle")]
    [InlineData("French finance minister Herve Gaymard, after a meeting with his German counterpart, said the euro was too strong.",
        "French finance minister Herve Gaymard, after a meeting with his German counterpart", "French finance minister Herve Gaymard")]
    [InlineData("Union leader Vincenzo Lilliu, as reported by the Reuters news agency, said the strike would go on.",
        "Union leader Vincenzo Lilliu, as reported by the Reuters news agency", "Union leader Vincenzo Lilliu")]
    // A phrase fronted with no comma.
    [InlineData("During the interview Mr Blair also said the war had been right.", "During the interview Mr Blair", "Mr Blair")]
    [InlineData("During his time on the witness stand Mr Sullivan told jurors he met Mr Ebbers often.", "During his time on the witness stand Mr Sullivan", "Mr Sullivan")]
    [InlineData("During the meeting the Russians broached the subject of sanctions.", "During the meeting the Russians", "the Russians")]
    [InlineData("At least one Kurdish fighter said the town had fallen.", "At least one Kurdish fighter", "At least one Kurdish fighter")]
    // A place or an affiliation after the comma stays: it describes the speaker.
    [InlineData("Travis Anderson, in Texas, said the game was too hard.", "Travis Anderson, in Texas", "Travis Anderson, in Texas")]
    [InlineData("Kyle Cooper, at Citigroup Global Markets, said prices would rise.", "Kyle Cooper, at Citigroup Global Markets", "Kyle Cooper, at Citigroup Global Markets")]
    // Punctuation or a conjunction that links the sentence to the one before.
    [InlineData("The bond pays 7 pct, lead manager Union Bank of Switzerland said.", ", lead manager Union Bank of Switzerland", "lead manager Union Bank of Switzerland")]
    [InlineData("It is a dilemma. But Mr Howard said the law was wrong.", "But Mr Howard", "Mr Howard")]
    [InlineData("Prices rose. And Dr John Moore-Gillon said more would follow.", "And Dr John Moore-Gillon", "Dr John Moore-Gillon")]
    // An adverb of the verb after it.
    [InlineData("Earlier, Mr Sharon again said he had not seen the slightest step.", "Mr Sharon again", "Mr Sharon")]
    [InlineData("Chandler says she only told Phelps about her past later.", "she only", "she")]
    // The colon after an inverted cue's source.
    [InlineData("Said Ellis: \"I don't get the sense she's interested.\"", "Ellis:", "Ellis")]
    public void What_is_not_the_speaker_is_left_out(string text, string source, string expected) =>
        Assert.Equal(expected, Trimmed(text, source));

    [Theory]
    [InlineData("\"We are pursuing discussions with the IRS,\" Stephen G. Jerritts, president and chief operating officer said.",
        "president and chief operating officer", "Stephen G. Jerritts, president and chief operating officer")]
    // A name inside the sentence is no subject: the title is.
    [InlineData("Talks with Stephen G. Jerritts, the chief executive officer said, went well.", "the chief executive officer", "the chief executive officer")]
    [InlineData("Talks with Stephen G. Jerritts, chief executive officer said, went well.", "chief executive officer", "chief executive officer")]
    public void A_title_taken_alone_for_the_source_takes_the_name_it_follows(string text, string source, string expected) =>
        Assert.Equal(expected, Trimmed(text, source));

    [Theory]
    [InlineData("Minyon Moore, a senior adviser to the Clinton campaign, said the race was tight.", "Minyon Moore, a senior adviser to the Clinton campaign")]
    [InlineData("Other major unions, including the American Federation of Teachers, said they agreed.", "Other major unions, including the American Federation of Teachers")]
    [InlineData("Robert Peck, managing director at SunTrust, said the shares were cheap.", "Robert Peck, managing director at SunTrust")]
    [InlineData("The mayor of Charlotte said the video would be released.", "The mayor of Charlotte")]
    [InlineData("Downing Street said the prime minister would attend.", "Downing Street")]
    [InlineData("Housing Minister Keith Hill said the plans mimicked the government's.", "Housing Minister Keith Hill")]
    [InlineData("May Tory MPs said the vote was lost.", "May Tory MPs")]
    [InlineData("At Lloyd's the underwriters said the losses were large.", "At Lloyd's the underwriters")]
    public void Appositives_and_descriptions_stay(string text, string source) =>
        Assert.Equal(source, Trimmed(text, source));

    [Theory]
    [InlineData("Andrew Marr says Mr Blair wants to serve a full term.", "Andrew Marr says Mr Blair", "wants", "Mr Blair")]
    [InlineData("BBC correspondent Shaun Ley says that opinion polls suggest a close race.", "BBC correspondent Shaun Ley says that opinion polls", "suggest", "opinion polls")]
    [InlineData("Business confidence has dipped and analysts expect rates to rise.", "Business confidence has dipped and analysts", "expect", "analysts")]
    [InlineData("Nine peacekeepers were killed and President Jacques Chirac ordered a response.", "Nine peacekeepers were killed and President Jacques Chirac",
        "ordered", "President Jacques Chirac")]
    [InlineData("The move was criticised at the time, and now the German regulator says it will act.", "The move was criticised at the time, and now the German regulator",
        "says", "the German regulator")]
    // A plural-looking reporting verb is a verb before "that".
    [InlineData("It comes after the video claims that seven in 10 women say they have been harassed.", "the video claims that seven in 10 women",
        "say", "seven in 10 women")]
    [InlineData("US gossip website TMZ reports that sources at the clinic said she had stopped breathing.",
        "US gossip website TMZ reports that sources at the clinic", "said", "sources at the clinic")]
    // The subject of an absolute construction after "with".
    [InlineData("Berlin welcomed the decision, with finance minister Hans Eichel saying it was overdue.", "Berlin welcomed the decision, with finance minister Hans Eichel",
        "saying", "finance minister Hans Eichel")]
    [InlineData("Labour attacked the plans even before their publication with election coordinator Alan Milburn accusing the Tories of deceit.",
        "their publication with election coordinator Alan Milburn", "accusing", "election coordinator Alan Milburn")]
    // "told" and its hearer before the told clause's subject.
    [InlineData("Mr Blair told Labour members the Tories offered nothing but cuts.", "Mr Blair told Labour members the Tories", "offered", "the Tories")]
    [InlineData("Charles Kennedy has told voters his Liberal Democrats will offer a real alternative.",
        "Charles Kennedy has told voters his Liberal Democrats", "will", "his Liberal Democrats")]
    public void A_clause_before_the_subject_is_left_out(string text, string source, string cue, string expected) =>
        Assert.Equal(expected, Trimmed(text, source, cue));

    [Theory]
    // A participle cue reports for the clause's subject.
    [InlineData("Nicola Sturgeon wrote to Mr McConnell, urging him to act.", "Nicola Sturgeon wrote to Mr McConnell", "urging")]
    // What follows the verb is its object or has a verb of its own.
    [InlineData("Officials said in a statement that the plant would close.", "Officials said in a statement", "that")]
    [InlineData("Sotloff says he is ready to talk.", "Sotloff says he is", "ready")]
    // A relative clause, a participle that may be one, a name with "and" in it.
    [InlineData("Clare Short, who says the war was illegal, warned of more trouble.", "Clare Short, who says the war was illegal", "warned")]
    [InlineData("A Quinnipiac poll released in late August found a tie.", "A Quinnipiac poll released in late August", "found")]
    [InlineData("The firm was fined by the Securities and Exchange Commission statement warns.", "The firm was fined by the Securities and Exchange Commission statement", "warns")]
    // A pronoun after the hearer with a verb of its own.
    [InlineData("Mr Sullivan told jurors he met Mr Ebbers, he said.", "Mr Sullivan told jurors he met Mr Ebbers", "said")]
    public void A_source_that_is_one_phrase_stays(string text, string source, string cue) =>
        Assert.Equal(source, Trimmed(text, source, cue));

    [Theory]
    // A relative clause that reports on its own ("understood" is its cue, "who" its source) is not the speaker's.
    [InlineData("Mr. Obama, who understood that a push would be fruitless, decided to act.", "Mr. Obama, who understood that a push would be fruitless",
        "decided", "understood", "Mr. Obama")]
    // A relative clause that only describes the speaker stays.
    [InlineData("Chris Cox, who runs the NRA's lobbying arm, says the actions would not help.", "Chris Cox, who runs the NRA's lobbying arm",
        "says", null, "Chris Cox, who runs the NRA's lobbying arm")]
    // So after a cue: "said Matt Bai, a political columnist, | who said the Clintons ...".
    [InlineData("The Clintons kept their image apart, said Matt Bai, a political columnist, who said they always had.",
        "Matt Bai, a political columnist, who said they always had", "said", "said they", "Matt Bai, a political columnist")]
    // One that keeps the speaker unnamed stays: it makes the source anonymous.
    [InlineData("One dealer, who asked not to be named, told Reuters sales were weak.", "One dealer, who asked not to be named", "told", "asked",
        "One dealer, who asked not to be named")]
    [InlineData("The massage therapist, who calls herself Jasmine Tridevil, said she had the surgery.", "The massage therapist, who calls herself Jasmine Tridevil",
        "said", "calls", "The massage therapist, who calls herself Jasmine Tridevil")]
    [InlineData("The woman, who has been identified as Dr. Gwen Korovin, refused to comment.", "The woman, who has been identified as Dr. Gwen Korovin",
        "refused", "identified", "The woman, who has been identified as Dr. Gwen Korovin")]
    // A cue after the relative clause is not the clause's: the subject of "saying" stays the one after "with".
    [InlineData("The video, which was posted on Friday, opened with a clip of Obama saying he had authorized strikes.",
        "The video, which was posted on Friday, opened with a clip of Obama", "saying", "opened", "a clip of Obama")]
    public void A_relative_clause_with_a_cue_of_its_own_is_left_out(string text, string source, string cue, string? innerCue, string expected) =>
        Assert.Equal(expected, Trimmed(text, source, cue, innerCue));

    [Theory]
    // A name coordinated with the source's name belongs to it: both said so.
    [InlineData("Mr. Grassley and Mr. Leahy said the program was open to fraud.", "Mr. Leahy", "Mr. Grassley and Mr. Leahy")]
    [InlineData("Both Mr. King and Mr. Schultz said they would vote.", "Mr. Schultz", "Mr. King and Mr. Schultz")]
    [InlineData("The race tightened, as Mrs. Clinton and Ms. Warren said it would.", "Ms. Warren", "Mrs. Clinton and Ms. Warren")]
    // After a verb the name is its object.
    [InlineData("Sanders has demonized Wall Street and Mr. Trump has called it rigged.", "Mr. Trump", "Mr. Trump")]
    public void A_name_coordinated_before_the_source_joins_it(string text, string source, string expected) =>
        Assert.Equal(expected, Trimmed(text, source));

    [Theory]
    // The noun a name possesses right before the cue is the source with it: the campaign, the account.
    [InlineData("Clinton's campaign said the plan would fail.", "Clinton", "said", "Clinton's campaign")]
    [InlineData("Trump’s official campaign account tweeted that the poll was rigged.", "Trump", "tweeted", "Trump’s official campaign account")]
    // "'s" after a pronoun is "is".
    [InlineData("It's worth noting that the bill passed.", "It", "worth", "It")]
    public void A_possessed_noun_before_the_cue_joins_the_source(string text, string source, string cue, string expected) =>
        Assert.Equal(expected, Trimmed(text, source, cue));

    private static string Trimmed(string text, string source, string? cue = null, string? innerCue = null)
    {
        var doc = DocumentFactory.Create(text);
        var view = new TokenView(doc, Lexicon.Value);
        int start = text.IndexOf(source, StringComparison.Ordinal), end = start + source.Length;
        int first = doc.TokenAt(start), last = first;
        while (last < doc.Tokens.Length && doc.Tokens[last].Span.End <= end) last++;
        // The cue after the source, else before it ("..., said Matt Bai, ...").
        int cueAt = cue is null ? -1 : text.IndexOf(" " + cue, end, StringComparison.Ordinal) is >= 0 and var after ? after : text.LastIndexOf(" " + cue, start, StringComparison.Ordinal);
        int cueStart = cue is null ? -1 : doc.TokenAt(cueAt + 1);
        var cues = new List<(int, int)>();
        if (cueStart >= 0) cues.Add((cueStart, cueStart + 1));
        if (innerCue is not null)
        {
            int inner = doc.TokenAt(text.IndexOf(" " + innerCue, start, StringComparison.Ordinal) + 1);
            cues.Add((inner, inner + 1));
        }
        var (s, e) = SourceBounds.Trim(view, first, last, cueStart, (new CueMarks(doc.Tokens.Length, cues), Lexicon.Value.Speakers));
        return text[doc.Tokens[s].Span.Start..doc.Tokens[e - 1].Span.End];
    }
}
