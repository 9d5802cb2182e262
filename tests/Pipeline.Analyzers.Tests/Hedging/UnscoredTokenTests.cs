using Pipeline.Analyzers.Hedging;
using Pipeline.Analyzers.Hedging.Ml;
using Pipeline.Tests;
using Pipeline.Text;
using static Pipeline.Analyzers.Tests.Hedging.HedgingTestKit;

namespace Pipeline.Analyzers.Tests.Hedging;

/// <summary>
/// The ML tier passes over tokens whose cue probability certainly stays below the threshold; the
/// cues it finds must be the very ones it finds scoring every token.
/// </summary>
public sealed class UnscoredTokenTests
{
    private static readonly string SeedText = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "seeds", "dialog-of-dictators.txt"));

    private static string Describe(MlCueDetector detector)
    {
        var doc = DocumentFactory.Create(SeedText);
        var cues = new List<CueSpan>();
        detector.Detect(doc, cues);
        return string.Join("\n", cues.Select(c => $"{c.First}-{c.End} {c.Type} {c.Confidence:R} {c.Method}"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.1)]
    [InlineData(0.8)]
    public void A_single_tagger_finds_the_same_cues_as_when_it_scores_every_token(double? threshold)
    {
        var model = CueTaggerModel.Load(ModelFolder);
        if (threshold is { } t) model = model.WithThreshold(t);
        var passing = new MlCueDetector([(model, 1f)], model.ModelId, LexiconFill.None);
        var scoringAll = new MlCueDetector([(model, 1f)], model.ModelId, LexiconFill.None) { ScoresEveryToken = true };
        string expected = Describe(scoringAll);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Describe(passing));
    }

    [Fact]
    public void An_ensemble_finds_the_same_cues_as_when_it_scores_every_token()
    {
        var news = CueTaggerModel.Load(ModelFolder).WithThreshold(0.3);
        var bio = CueTaggerModel.Load(Path.Combine(TestPaths.RepoRoot, "models", "hedging-ml-bio"));
        (CueTaggerModel, float)[] members = [(news, 0.6f), (bio, 0.4f)];
        string expected = Describe(new MlCueDetector(members, "mixed", LexiconFill.None) { ScoresEveryToken = true });
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Describe(new MlCueDetector(members, "mixed", LexiconFill.None)));
    }
}
