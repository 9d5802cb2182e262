using Pipeline.Analyzers.Quotes;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// The `lonelyCueThreshold` option: in a sentence where the cue tagger's most probable labels open
/// no cue, its likeliest cue start still opens one when likely enough; `lonelyLexiconCueThreshold`:
/// from a lower probability when that start is a lexicon cue word.
/// </summary>
public sealed class LonelyCueTests
{
    // The tagger gives "is" (of "is defending") P(B) just under one half, and no word of the sentence more.
    private const string Text = "The senator is defending the plan to cut taxes for small firms.";

    // The tagger gives "found" P(B) between 0.3 and 0.4, and no word of the sentence more.
    private const string LexiconText = "Mexico kept its cool for a while, though an arbitration panel in 2001 found the United States was in breach of the agreement.";

    private static List<string> Cues(float lonely, float threshold = float.NaN, float lonelyLexicon = QuoteDetector.DefaultLonelyLexiconCueThreshold, string text = Text)
    {
        var (lexicon, model) = QuoteComponents.Load(Path.Combine(TestPaths.RepoRoot, "models"));
        var doc = DocumentFactory.Create(text);
        return [.. new QuoteDetector(lexicon, model, threshold, lonely, lonelyLexicon).Detect(doc)
            .Where(q => q.Cue is not null).Select(q => doc.Text[doc.Tokens[q.Cue!.Value.Start].Span.Start..doc.Tokens[q.Cue.Value.End - 1].Span.End])];
    }

    [Fact]
    public void A_sentence_left_without_a_cue_gets_its_likeliest_one()
    {
        Assert.Equal(["is defending"], Cues(QuoteDetector.DefaultLonelyCueThreshold));
    }

    [Fact]
    public void No_cue_opens_below_the_threshold_nor_when_cueThreshold_decides()
    {
        Assert.Empty(Cues(0.9f));
        Assert.Empty(Cues(QuoteDetector.DefaultLonelyCueThreshold, threshold: 0.6f));
    }

    [Fact]
    public void A_lexicon_cue_word_opens_from_a_lower_probability()
    {
        Assert.Equal(["found"], Cues(QuoteDetector.DefaultLonelyCueThreshold, text: LexiconText));
        Assert.Empty(Cues(QuoteDetector.DefaultLonelyCueThreshold, lonelyLexicon: 1f, text: LexiconText));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(float.NaN)]
    public void A_threshold_outside_zero_to_one_is_refused(float lonely)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Cues(lonely));
        Assert.Contains("lonelyCueThreshold", error.Message);
        var lexiconError = Assert.Throws<ArgumentOutOfRangeException>(() => Cues(QuoteDetector.DefaultLonelyCueThreshold, lonelyLexicon: lonely));
        Assert.Contains("lonelyLexiconCueThreshold", lexiconError.Message);
    }
}
