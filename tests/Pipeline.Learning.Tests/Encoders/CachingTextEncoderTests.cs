using Pipeline.Learning.Encoders;
using Pipeline.Sdk;

namespace Pipeline.Learning.Tests.Encoders;

public class CachingTextEncoderTests
{
    /// <summary>Vectors made from the text's length, counting the calls that reach it.</summary>
    private sealed class CountingEncoder : ITextEncoder
    {
        public int Calls;
        public string ModelId => "test/model";
        public int Dimension => 3;
        public float[] EncodeSentence(string text) { Calls++; return [text.Length, 1, 2]; }
        public float[][] EncodeSentences(IReadOnlyList<string> texts) { Calls++; return texts.Select(t => new float[] { t.Length, 1, 2 }).ToArray(); }
        public float[][] EncodeWords(string text, IReadOnlyList<TextSpan> words) { Calls++; return words.Select(w => new float[] { w.Start, w.Length, 0 }).ToArray(); }
    }

    [Fact]
    public void Vectors_are_computed_once_and_read_back_by_a_later_run()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"encoder-cache-{Guid.NewGuid():N}");
        try
        {
            var inner = new CountingEncoder();
            using (var cache = new CachingTextEncoder(inner, dir))
            {
                Assert.Equal([5, 1, 2], cache.EncodeSentence("hello"));
                cache.EncodeSentences(["hello", "hi", "hey"]); // only "hi" and "hey" reach the encoder
                cache.EncodeWords("a bc", [new TextSpan(0, 1), new TextSpan(2, 2)]);
                Assert.Equal(3, inner.Calls);
            }
            var second = new CountingEncoder();
            using (var cache = new CachingTextEncoder(second, dir))
            {
                Assert.Equal([2, 1, 2], cache.EncodeSentences(["hello", "hi"])[1]);
                Assert.Equal([2, 2, 0], cache.EncodeWords("a bc", [new TextSpan(0, 1), new TextSpan(2, 2)])[1]);
                cache.EncodeWords("a bc", [new TextSpan(0, 4)]); // other spans: another key
                Assert.Equal(1, second.Calls);
                Assert.Equal(3, cache.Hits);
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void An_incomplete_last_record_is_dropped()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"encoder-cache-{Guid.NewGuid():N}");
        try
        {
            string file;
            using (var cache = new CachingTextEncoder(new CountingEncoder(), dir))
            {
                cache.EncodeSentence("one");
                cache.EncodeSentence("two!");
                file = cache.Path;
            }
            using (var stream = File.OpenWrite(file)) stream.SetLength(stream.Length - 5);
            var inner = new CountingEncoder();
            using var reopened = new CachingTextEncoder(inner, dir);
            Assert.Equal([3, 1, 2], reopened.EncodeSentence("one"));
            Assert.Equal([4, 1, 2], reopened.EncodeSentence("two!"));
            Assert.Equal(1, inner.Calls);
        }
        finally { Directory.Delete(dir, true); }
    }
}
