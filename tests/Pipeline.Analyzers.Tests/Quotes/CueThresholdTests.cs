using Pipeline.Analyzers.Quotes;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>The `cueThreshold` option: the probability from which the cue tagger opens a cue.</summary>
public sealed class CueThresholdTests
{
    private const string Text = "The senator said the plan was sound. Officials believe the deal will hold.";

    private static int ModelCues(float threshold)
    {
        var (lexicon, model) = QuoteComponents.Load(Path.Combine(TestPaths.RepoRoot, "models"));
        var doc = DocumentFactory.Create(Text);
        return new QuoteDetector(lexicon, model, threshold).Detect(doc).Count(q => q.Method == "model:cue-content");
    }

    [Fact]
    public void A_higher_threshold_opens_fewer_cues()
    {
        Assert.True(ModelCues(float.NaN) >= 1);
        Assert.Equal(0, ModelCues(1f));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(1.5f)]
    public void A_threshold_outside_zero_to_one_is_refused(float threshold)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ModelCues(threshold));
        Assert.Contains("cueThreshold", error.Message);
    }
}
