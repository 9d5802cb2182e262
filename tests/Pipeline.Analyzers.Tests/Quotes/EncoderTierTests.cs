using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Learning;
using Pipeline.Learning.Linear;
using Pipeline.Sdk;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Quotes;

/// <summary>
/// The encoder tier of the cue tagger: a model whose cue tagger reads word vectors names its
/// encoder, refuses to run without it or with another, and its cues follow the vectors.
/// </summary>
public sealed class EncoderTierTests : IDisposable
{
    private const string EncoderId = "test-encoder";
    private const string Text = "The minister announced that taxes will rise next year.";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "quotes-encoder-tier-" + Guid.NewGuid().ToString("N"));
    private static readonly QuotesLexicon Lexicon = QuotesLexicon.Load(Path.Combine(TestPaths.RepoRoot, "models", QuotesLexicon.DefaultName));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Gives "announced" the vector (1, 0, 0, 0) and every other word zeros (or every word zeros).</summary>
    private sealed class MarkingEncoder(string id, bool mark) : ITextEncoder
    {
        public string ModelId => id;
        public int Dimension => 4;
        public float[] EncodeSentence(string text) => new float[4];
        public float[][] EncodeSentences(IReadOnlyList<string> texts) => [.. texts.Select(EncodeSentence)];
        public float[][] EncodeWords(string text, IReadOnlyList<TextSpan> words) =>
            [.. words.Select(w => mark && text.AsSpan(w.Start, w.Length) is "announced" ? new float[] { 1, 0, 0, 0 } : new float[4])];
    }

    /// <summary>A cue tagger that opens a cue exactly where the first vector component is set; content and source taggers that find nothing.</summary>
    private void SaveModel(string? encoder)
    {
        var options = new LinearTrainerOptions { HashBits = 20, MaxIterations = 50 };
        static LinearExample Example(int label, float[]? dense = null) => new(label, [0]) { Dense = dense };
        var cueExamples = Enumerable.Range(0, 90).Select(i => i % 9 == 0 ? Example(Bio.B, [1, 0, 0, 0]) : i % 9 == 1 ? Example(Bio.I, [0, 1, 0, 0]) : Example(Bio.O, new float[4])).ToList();
        var spanExamples = Enumerable.Range(0, 30).Select(i => Example(i == 0 ? Bio.B : i == 1 ? Bio.I : Bio.O)).ToList();
        var cue = LinearTrainer.Train(cueExamples, Bio.Names, options with { DenseDimension = 4 });
        var span = LinearTrainer.Train(spanExamples, Bio.Names, options);
        QuoteModelFiles.Save(_folder, cue, span, span, clusters: null, cueSkipWords: [], encoder);
    }

    private static List<string> Cues(QuoteModel model, ITextEncoder encoder)
    {
        var detector = new QuoteDetector(Lexicon, model, lonelyCueThreshold: 1f, lonelyLexiconCueThreshold: 1f, encoder: encoder);
        var doc = DocumentFactory.Create(Text);
        return [.. detector.Detect(doc).Where(q => q.Cue is not null).Select(q => doc.TokenText(q.Cue!.Value.Start).ToString())];
    }

    [Fact]
    public void Cues_follow_the_word_vectors_of_the_named_encoder()
    {
        SaveModel(EncoderId);
        var model = QuoteModelFiles.Load(_folder, name => name);
        Assert.Equal(EncoderId, model.CueEncoder);
        Assert.Equal(["announced"], Cues(model, new MarkingEncoder(EncoderId, mark: true)));
        Assert.Empty(Cues(model, new MarkingEncoder(EncoderId, mark: false)));
    }

    [Fact]
    public void A_model_reading_vectors_refuses_to_run_without_its_encoder()
    {
        SaveModel(EncoderId);
        var model = QuoteModelFiles.Load(_folder, name => name);
        Assert.Contains(EncoderId, Assert.Throws<ArgumentException>(() => new QuoteDetector(Lexicon, model)).Message);
        Assert.Contains("other-encoder", Assert.Throws<ArgumentException>(() => Cues(model, new MarkingEncoder("other-encoder", mark: true))).Message);
    }

    [Fact]
    public void Dense_cue_weights_without_an_encoder_name_are_refused_at_load()
    {
        SaveModel(encoder: null);
        var error = Assert.Throws<InvalidModelException>(() => QuoteModelFiles.Load(_folder, name => name));
        Assert.Contains("dense", error.Message);
    }
}
