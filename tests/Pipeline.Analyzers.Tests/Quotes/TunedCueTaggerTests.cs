using Pipeline.Analyzers.Quotes;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Learning;
using Pipeline.Learning.Linear;
using Pipeline.Learning.Neural;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// The encoder tier's tuned cue tagger: `pipeline train quotes` with tune=true writes it into the
/// model folder, the detector mixes its probabilities into the linear cue tagger's, and its
/// options are checked.
/// </summary>
public sealed class TunedCueTaggerTests : QuoteTrainingFixture
{
    private static List<string> Cues(QuoteDetector detector, string text)
    {
        var doc = DocumentFactory.Create(text);
        return [.. detector.Detect(doc).Where(q => q.Cue is not null).Select(q => doc.TokenText(q.Cue!.Value.Start).ToString())];
    }

    [Fact]
    public void A_tuned_cue_tagger_is_trained_saved_and_decides_cues_the_linear_tagger_does_not_open()
    {
        string trained = Path.Combine(Root, "trained");
        Train(Options(("tune", "true"), ("tuneEpochs", "10"), ("tuneRate", "0.0002"), ("tuneBatch", "2"), ("tuneDropout", "0"), ("tunedWeight", "1")), trained);
        Assert.True(File.Exists(Path.Combine(trained, TunedCueTagger.FileName)));
        var model = QuoteModelFiles.Load(trained, name => name);
        Assert.Equal(1f, model.TunedCue!.Weight);

        // The same tuned tagger next to a linear cue tagger that never opens a cue: the cues are the tuned tagger's.
        string folder = Path.Combine(Root, "mixed");
        SaveWithSilentLinearTaggers(folder, TunedTokenClassifier.Load(Path.Combine(trained, TunedCueTagger.FileName)), weight: 1f);
        var mixed = QuoteModelFiles.Load(folder, name => name);
        var detector = new QuoteDetector(Lexicon, mixed, lonelyCueThreshold: 1f, lonelyLexiconCueThreshold: 1f);
        Assert.Equal(["contended"], Cues(detector, "Adams contended that prices will fall soon."));
        Assert.Empty(Cues(detector, "Adams visited Texas on Monday."));
        // Its encoder layers multiplying in 8-bit integers (the run option int8) decide the same.
        var int8 = new QuoteDetector(Lexicon, mixed.WithInt8Encoders(), lonelyCueThreshold: 1f, lonelyLexiconCueThreshold: 1f);
        Assert.Equal(["contended"], Cues(int8, "Adams contended that prices will fall soon."));
        // At a small share the silent linear tagger outweighs it.
        Assert.Empty(Cues(new QuoteDetector(Lexicon, mixed, lonelyCueThreshold: 1f, lonelyLexiconCueThreshold: 1f, tunedCueWeight: 0.05f), "Adams contended that prices will fall soon."));
    }

    /// <summary>A model whose linear cue tagger always says O and whose content and source taggers find nothing, with a tuned cue tagger.</summary>
    private static void SaveWithSilentLinearTaggers(string folder, TunedTokenClassifier tuned, float weight)
    {
        var options = new LinearTrainerOptions { HashBits = 16, MaxIterations = 50 };
        var examples = Enumerable.Range(0, 30).Select(i => new LinearExample(i == 0 ? Bio.B : i == 1 ? Bio.I : Bio.O, [0])).ToList();
        var silent = LinearTrainer.Train([.. Enumerable.Range(0, 30).Select(_ => new LinearExample(Bio.O, [0])), new LinearExample(Bio.B, [1]), new LinearExample(Bio.I, [2])], Bio.Names, options);
        var span = LinearTrainer.Train(examples, Bio.Names, options);
        QuoteModelFiles.Save(folder, silent, span, span, clusters: null, cueSkipWords: [], encoder: null, tuned, weight);
    }

    [Theory]
    [InlineData("tunedWeight", "1.5", "tunedWeight is the tuned cue tagger's share")]
    [InlineData("tuneBatch", "0", "tuneEpochs and tuneBatch must be at least 1")]
    [InlineData("tuneRate", "0", "tuneRate above 0")]
    [InlineData("tuneLayers", "7", "tuneLayers is from 1 to 6")]
    public void Tuning_options_out_of_range_are_refused_with_a_clear_message(string key, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Train(Options(("tune", "true"), (key, value)), Path.Combine(Root, "model")));
        Assert.Contains(message, error.Message);
        Assert.StartsWith("quotes:", error.Message);
    }

    [Fact]
    public void A_tuned_weight_out_of_range_is_refused_at_run_time_and_in_a_model_file()
    {
        string trained = Path.Combine(Root, "trained");
        Train(Options(("tune", "true"), ("tuneEpochs", "1")), trained);
        var model = QuoteModelFiles.Load(trained, name => name);
        Assert.Equal(TunedCueTagger.DefaultWeight, model.TunedCue!.Weight);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new QuoteDetector(Lexicon, model, tunedCueWeight: 0f));
        Assert.Contains("tunedCueWeight", error.Message);

        AssertBadTunedWeightsRefused(trained, QuoteModelFiles.Cue);
    }
}
