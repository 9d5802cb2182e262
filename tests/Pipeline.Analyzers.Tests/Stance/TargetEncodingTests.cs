using Pipeline.Analyzers.Stance.Lexicon;
using Pipeline.Analyzers.Stance.Targets;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Stance;

/// <summary>
/// The encoder views of a target read the texts they promise: the window views the words around
/// the target, the masked view the sentence with the target's mentions replaced by a placeholder.
/// </summary>
public sealed class TargetEncodingTests
{
    private static readonly StanceLexicon Lexicon = StanceLexicon.Load(Path.Combine(StanceTestHost.ModelsFolder, StanceLexicon.DefaultName));

    [Fact]
    public void Window_sides_and_masked_views_encode_the_texts_around_the_target()
    {
        var doc = StanceTestHost.WithEntities(
            DocumentFactory.Create("Yesterday in the capital the angry crowd loudly booed Senator Adams and then Adams left the hall quickly before noon."),
            ("adams", EntityTypes.Person, ["Senator Adams", "Adams"]));
        var entities = doc.GetLayer(Layers.Entities);
        var site = Assert.Single(TargetSite.Find(doc, entities));
        var items = new SentenceItems();
        items.Build(doc, site, entities.Sort((a, b) => a.Span.CompareTo(b.Span)));
        var encoder = new RecordingEncoder();
        var encoding = new TargetEncoding(encoder, Lexicon, [TargetEncoding.Window, TargetEncoding.Sides, TargetEncoding.Masked], 2f);
        Assert.Equal(4 * encoder.Dimension, encoding.Dimension);

        var output = new float[encoding.Dimension];
        encoding.Begin(doc);
        encoding.Write(site.Sentence, items, output);

        Assert.Equal([
            "capital the angry crowd loudly booed Senator Adams and then Adams left the hall quickly before noon",
            "capital the angry crowd loudly booed Senator Adams and then Adams",
            "Senator Adams and then Adams left the hall quickly before noon",
        ], encoder.Sentences);
        var (text, words) = Assert.Single(encoder.Words);
        Assert.Equal("Yesterday in the capital the angry crowd loudly booed someone and then someone left the hall quickly before noon.", text);
        Assert.Equal(["someone", "someone"], words.Select(w => text.Substring(w.Start, w.Length)));
        Assert.All(output, v => Assert.Equal(2f, v)); // every vector is ones, times the scale
    }

    [Fact]
    public void An_unknown_view_is_refused_with_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => new TargetEncoding(new RecordingEncoder(), Lexicon, ["tokens", "cls"], 1f));
        Assert.Contains("unknown encoder view 'cls'", error.Message);
        Assert.Contains("masked", error.Message);
    }

    /// <summary>Answers every call with vectors of ones and records what it was asked to encode.</summary>
    private sealed class RecordingEncoder : ITextEncoder
    {
        public List<string> Sentences { get; } = [];
        public List<(string Text, TextSpan[] Words)> Words { get; } = [];
        public string ModelId => "recording";
        public int Dimension => 4;
        public float[] EncodeSentence(string text)
        {
            Sentences.Add(text);
            return Ones();
        }
        public float[][] EncodeSentences(IReadOnlyList<string> texts) => texts.Select(EncodeSentence).ToArray();
        public float[][] EncodeWords(string text, IReadOnlyList<TextSpan> words)
        {
            Words.Add((text, words.ToArray()));
            return words.Select(_ => Ones()).ToArray();
        }
        private float[] Ones() => Enumerable.Repeat(1f, Dimension).ToArray();
    }
}
