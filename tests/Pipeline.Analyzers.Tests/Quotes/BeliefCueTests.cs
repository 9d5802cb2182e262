using Pipeline.Analyzers.Quotes;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// A verb of belief between its subject and the clause believed is a cue, as PolNeAR annotates
/// it, where the tagger left it out; a passive, a noun, a verb inside what an earlier cue reports,
/// and the writer's own "I think" are not.
/// </summary>
public sealed class BeliefCueTests
{
    private static List<(string Cue, string Content)> Quotes(string text)
    {
        var (lexicon, model) = QuoteTestKit.Components.Value;
        var doc = DocumentFactory.Create(text);
        string Text((int Start, int End) s) => doc.Text[doc.Tokens[s.Start].Span.Start..doc.Tokens[s.End - 1].Span.End];
        return [.. new QuoteDetector(lexicon, model).Detect(doc).Where(q => q.Cue is not null)
            .Select(q => (Text(q.Cue!.Value), string.Join(" | ", q.Content.Select(c => Text(c)))))];
    }

    [Theory]
    [InlineData("The ADB fears that 1 million Indonesians could join them.", "fears", "that 1 million Indonesians could join them")]
    [InlineData("Forty-three per cent thought Mr Blunkett had done a good job.", "thought", "Mr Blunkett had done a good job")]
    [InlineData("They obviously believed he had done that for them.", "obviously believed", "he had done that for them")]
    public void A_belief_verb_after_its_subject_reports_the_clause_after_it(string text, string cue, string content)
    {
        Assert.Contains((cue, content), Quotes(text));
    }

    [Theory]
    [InlineData("The deal is believed to be worth three billion pounds.", "believed")]
    [InlineData("He said he was not worried because he doubted the court would act.", "doubted")]
    [InlineData("Analysts in London fear the worst for the pound.", "fear")]
    [InlineData("The letter ended there. I think this should be there as well.", "think")]
    [InlineData("At least 25 suspected militants were killed in the clashes.", "suspected")]
    [InlineData("Voters are asked what they think.", "think")]
    public void Passives_nested_beliefs_objects_and_the_writers_own_are_no_belief_cues(string text, string word)
    {
        var doc = DocumentFactory.Create(text);
        var view = new TokenView(doc, QuoteTestKit.Components.Value.Lexicon);
        var cues = new List<TaggedSpan>();
        foreach (var sentence in doc.Sentences)
        {
            // What the tagger found before: the speech cue of the sentence that reports the belief.
            int found = cues.Count;
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
                if (doc.TokenText(t) == "said") cues.Add(new TaggedSpan(t, t + 1, 0.9));
            QuoteDetector.AddBeliefCues(view, sentence.FirstToken, sentence.EndToken, found, cues);
        }
        Assert.DoesNotContain(cues, c => doc.TokenText(c.End - 1).SequenceEqual(word));
    }

    [Theory]
    [InlineData("A Plaid Cymru MP believes UK security services were involved.", "believes")]
    [InlineData("Mr MacKenzie thought the former soldier was a fraud.", "thought")]
    [InlineData("The ADB fears that 1 million Indonesians could join them.", "fears")]
    public void The_rule_finds_the_belief_on_its_own(string text, string word)
    {
        var doc = DocumentFactory.Create(text);
        var cues = new List<TaggedSpan>();
        QuoteDetector.AddBeliefCues(new TokenView(doc, QuoteTestKit.Components.Value.Lexicon), 0, doc.Tokens.Length, 0, cues);
        var cue = Assert.Single(cues);
        Assert.Equal(word, doc.TokenText(cue.Start).ToString());
    }
}
