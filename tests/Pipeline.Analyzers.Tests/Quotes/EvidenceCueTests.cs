using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// A finding verb whose subject is a document ("A 2014 study by ... found ...") is a cue even when
/// the subject's head stands far before it, past a prepositional phrase or a relative clause.
/// </summary>
public sealed class EvidenceCueTests
{
    [Theory]
    [InlineData("A 2014 study by Loyola Law School professor Justin Levitt found 31 incidents of voter impersonation out of more than a billion ballots cast.",
        "found", "31 incidents of voter impersonation out of more than a billion ballots cast")]
    [InlineData("A review by the Office for National Statistics found it had made a mistake by double counting some spending on roads.",
        "found", "it had made a mistake by double counting some spending on roads")]
    [InlineData("The study also found that people were spending an average of six hours in the building.",
        "also found", "that people were spending an average of six hours in the building")]
    public void A_document_subject_makes_a_finding_verb_a_cue(string text, string cue, string content)
    {
        var run = QuoteTestKit.Analyze(text);
        var quote = Assert.Single(run.Results, r => r.Quote.Quote.Cue is { } c && run.Text(c) == cue);
        Assert.Equal(content, run.Content(quote));
    }

    [Theory]
    [InlineData("The goalkeeper found the ball in the net twice before half-time.")] // no document heads the subject
    [InlineData("A reading of the report shows little the committee did not already know.")] // the document is the object of "of"
    [InlineData("Officials said the survey found nothing new.")] // the tagger's cue stands between them
    public void Without_a_document_subject_of_its_own_a_finding_verb_is_left_to_the_tagger(string text)
    {
        var doc = DocumentFactory.Create(text);
        var cues = new List<TaggedSpan>();
        for (int t = 0; t < doc.Tokens.Length; t++)
            if (doc.TokenText(t) == "said") cues.Add(new TaggedSpan(t, t + 1, 0.9));
        int tagged = cues.Count;
        QuoteDetector.AddEvidenceCues(new TokenView(doc, QuoteTestKit.Components.Value.Lexicon), 0, doc.Tokens.Length, 0, cues);
        Assert.Equal(tagged, cues.Count);
    }
}
