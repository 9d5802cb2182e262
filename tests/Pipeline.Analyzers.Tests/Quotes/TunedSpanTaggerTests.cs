using Pipeline.Analyzers.Quotes;
using Pipeline.Analyzers.Quotes.Attribution;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Learning;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Linear;
using Pipeline.Learning.Neural;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// The encoder tier's tuned content and source taggers: `pipeline train quotes` with tuneContent or
/// tuneSource writes them into the model folder, the detector and the attributor mix their
/// P(inside) into the linear taggers' decisions, and their weights are checked wherever they are given.
/// </summary>
public sealed class TunedSpanTaggerTests : QuoteTrainingFixture
{
    private static (string Content, string Method) Quote(QuoteDetector detector, string text)
    {
        var doc = DocumentFactory.Create(text);
        var q = Assert.Single(detector.Detect(doc));
        var (start, end) = Assert.Single(q.Content);
        return (doc.Text[doc.Tokens[start].Span.Start..doc.Tokens[end - 1].Span.End], q.Method);
    }

    [Fact]
    public void A_tuned_content_tagger_is_trained_saved_and_finds_content_the_linear_tagger_does_not()
    {
        string trained = Path.Combine(Root, "trained");
        Train(Options(("tuneContent", "true"), ("tuneEpochs", "10"), ("tuneRate", "0.0002"), ("tuneBatch", "2"), ("tuneDropout", "0"), ("tunedContentWeight", "1")), trained);
        Assert.True(File.Exists(Path.Combine(trained, TunedSpanTagger.Content.File)));
        Assert.False(File.Exists(Path.Combine(trained, TunedCueTagger.FileName)));
        var model = QuoteModelFiles.Load(trained, name => name);
        Assert.Equal(1f, model.TunedContent!.Weight);
        Assert.Null(model.TunedCue);

        // The trained cue and source taggers with a content tagger that never opens a span: the content is the tuned tagger's.
        string folder = Path.Combine(Root, "mixed");
        var silent = SilentTagger();
        QuoteModelFiles.Save(folder, LinearModel.Load(Path.Combine(trained, QuoteModelFiles.Cue)), silent, LinearModel.Load(Path.Combine(trained, QuoteModelFiles.Source)),
            clusters: null, cueSkipWords: [], tunedContent: TunedTokenClassifier.Load(Path.Combine(trained, TunedSpanTagger.Content.File)), tunedContentWeight: 1f);
        var mixed = QuoteModelFiles.Load(folder, name => name);
        string text = "Walker contended that taxes will rise next year.";
        Assert.Equal(("taxes will rise next year", "model:cue-content"), Quote(new QuoteDetector(Lexicon, mixed), text));
        // Its encoder layers multiplying in 8-bit integers (the run option int8) find the same.
        Assert.Equal(("taxes will rise next year", "model:cue-content"), Quote(new QuoteDetector(Lexicon, mixed.WithInt8Encoders()), text));
        // At a small share the silent linear tagger outweighs it, and the clause after the cue is taken by rule.
        Assert.Equal("rule:clause-content", Quote(new QuoteDetector(Lexicon, mixed, tunedContentWeight: 0.05f), text).Method);
        // A share of 0 turns it off.
        Assert.Equal("rule:clause-content", Quote(new QuoteDetector(Lexicon, mixed, tunedContentWeight: 0f), text).Method);
    }

    [Fact]
    public void A_tuned_source_tagger_is_trained_saved_and_finds_the_source_the_linear_tagger_does_not()
    {
        string trained = Path.Combine(Root, "trained");
        Train(Options(("tuneSource", "true"), ("tuneEpochs", "10"), ("tuneRate", "0.0002"), ("tuneBatch", "2"), ("tuneDropout", "0"), ("tunedSourceWeight", "1")), trained);
        Assert.True(File.Exists(Path.Combine(trained, TunedSpanTagger.Source.File)));
        Assert.False(File.Exists(Path.Combine(trained, TunedSpanTagger.Content.File)));
        var model = QuoteModelFiles.Load(trained, name => name);
        Assert.Equal(1f, model.TunedSource!.Weight);

        // The trained cue and content taggers with a source tagger that never opens a span: the source is the tuned tagger's.
        string folder = Path.Combine(Root, "mixed");
        QuoteModelFiles.Save(folder, LinearModel.Load(Path.Combine(trained, QuoteModelFiles.Cue)), LinearModel.Load(Path.Combine(trained, QuoteModelFiles.Content)),
            SilentTagger(), clusters: null, cueSkipWords: [], tunedSource: TunedTokenClassifier.Load(Path.Combine(trained, TunedSpanTagger.Source.File)), tunedSourceWeight: 1f);
        var mixed = QuoteModelFiles.Load(folder, name => name);
        const string text = "Walker contended that taxes will rise next year.";
        Assert.Equal(("Walker", "model:source"), Source(new QuoteAttributor(Lexicon, mixed), mixed, text));
        Assert.Equal(("Walker", "model:source"), Source(new QuoteAttributor(Lexicon, mixed.WithInt8Encoders()), mixed, text));
        Assert.NotEqual("model:source", Source(new QuoteAttributor(Lexicon, mixed, tunedSourceWeight: 0.05f), mixed, text).Method);
        // A share of 0 turns the tuned tagger off: the silent linear tagger decides alone.
        Assert.NotEqual("model:source", Source(new QuoteAttributor(Lexicon, mixed, tunedSourceWeight: 0f), mixed, text).Method);
        Assert.Contains("tunedSourceWeight", Assert.Throws<ArgumentOutOfRangeException>(() => new QuoteAttributor(Lexicon, mixed, tunedSourceWeight: 2f)).Message);
    }

    /// <summary>The written speaker of the one quote found in <paramref name="text"/> and the sieve or model that found it.</summary>
    private static (string? Speaker, string Method) Source(QuoteAttributor attributor, QuoteModel model, string text)
    {
        var doc = DocumentFactory.Create(text);
        var quote = Assert.Single(new QuoteDetector(Lexicon, model).Detect(doc));
        var built = QuoteBuilder.ToQuote(doc, quote, "q1", provenance: null);
        var result = Assert.Single(attributor.Attribute(doc, [built], []));
        return (result.Speaker.Text, result.Method);
    }

    /// <summary>A linear tagger that says O everywhere.</summary>
    private static LinearModel SilentTagger() => LinearTrainer.Train(
        [.. Enumerable.Range(0, 30).Select(_ => new LinearExample(Bio.O, [0])), new LinearExample(Bio.B, [1]), new LinearExample(Bio.I, [2])], Bio.Names,
        new LinearTrainerOptions { HashBits = 16, MaxIterations = 50 });

    [Fact]
    public void Mixing_gives_the_inside_share_to_opening_after_an_O_label_and_to_going_on_within_a_span()
    {
        var classifier = TrainedClassifier();
        var tagger = new TunedSpanTagger(classifier, MiniLmEncoder.ForModelId(classifier.InputEncoder)!, 0.5f);
        Span<float> p = [0.6f, 0.3f, 0.1f];
        tagger.Mix(0.8f, Bio.O, p);
        Assert.Equal([0.4f, 0.55f, 0.05f], p.ToArray(), (a, b) => Math.Abs(a - b) < 1e-6);
        p = [0.6f, 0.3f, 0.1f];
        tagger.Mix(0.8f, Bio.I, p);
        Assert.Equal([0.4f, 0.15f, 0.45f], p.ToArray(), (a, b) => Math.Abs(a - b) < 1e-6);
        // Where the encoder's window did not reach, the linear tagger decides alone.
        p = [0.6f, 0.3f, 0.1f];
        tagger.Mix(float.NaN, Bio.B, p);
        Assert.Equal([0.6f, 0.3f, 0.1f], p.ToArray());
    }

    private TunedTokenClassifier TrainedClassifier()
    {
        string trained = Path.Combine(Root, "one-epoch");
        Train(Options(("tuneContent", "true"), ("tuneEpochs", "1")), trained);
        return TunedTokenClassifier.Load(Path.Combine(trained, TunedSpanTagger.Content.File));
    }

    [Fact]
    public void A_tuned_span_weight_out_of_range_is_refused_in_training_at_run_time_and_in_a_model_file()
    {
        var error = Assert.Throws<ArgumentException>(() => Train(Options(("tuneContent", "true"), ("tunedContentWeight", "1.5")), Path.Combine(Root, "model")));
        Assert.StartsWith("quotes: option tunedContentWeight is the tuned content tagger's share", error.Message);

        // Trained without a share, the model takes the content kind's default.
        string trained = Path.Combine(Root, "trained");
        Train(Options(("tuneContent", "true"), ("tuneSource", "true"), ("tuneEpochs", "1")), trained);
        var model = QuoteModelFiles.Load(trained, name => name);
        Assert.Equal(TunedSpanTagger.Content.DefaultWeight, model.TunedContent!.Weight);
        Assert.Equal(TunedSpanTagger.Source.DefaultWeight, model.TunedSource!.Weight);
        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => new QuoteDetector(Lexicon, model, tunedContentWeight: 1.5f));
        Assert.Contains("the quotes option tunedContentWeight is from 0 (off) to 1", outOfRange.Message);

        AssertBadTunedWeightsRefused(trained, QuoteModelFiles.Content);
        File.Delete(Path.Combine(trained, TunedSpanTagger.Content.File));
        AssertBadTunedWeightsRefused(trained, QuoteModelFiles.Source);
    }

    [Fact]
    public void A_cue_classifier_in_the_content_taggers_place_is_refused()
    {
        string trained = Path.Combine(Root, "cue");
        Train(Options(("tune", "true"), ("tuneEpochs", "1")), trained);
        File.Copy(Path.Combine(trained, TunedCueTagger.FileName), Path.Combine(trained, TunedSpanTagger.Content.File));
        var invalid = Assert.Throws<InvalidModelException>(() => QuoteModelFiles.Load(trained, name => name));
        Assert.Equal(Path.Combine(trained, TunedSpanTagger.Content.File), invalid.File);
        Assert.Contains("its labels are O, B, I, not out, in", invalid.Reason);
    }
}
