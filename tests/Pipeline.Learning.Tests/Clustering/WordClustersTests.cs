using Pipeline.Learning.Clustering;

namespace Pipeline.Learning.Tests.Clustering;

public class WordClustersTests
{
    private const string Fixture = "0010\tMonday\t120\n0010\tTuesday\t95\n0011\tFriday\t80\n110100\tRussia\t300\n110101\tBelarus\t40\n";

    [Fact]
    public void LooksUpWordsCaseSensitivelyFromSpans()
    {
        var clusters = WordClusters.Read(new StringReader(Fixture), "fixture");

        Assert.Equal(5, clusters.Count);
        Assert.True(clusters.TryGetPath("I met on Monday".AsSpan(9), out var monday));
        Assert.Equal("0010", monday.ToString());
        Assert.False(clusters.TryGetPath("monday", out _));
        Assert.False(clusters.TryGetPath("Sunday", out _));
    }

    [Fact]
    public void FindsRareWordsBeyondTheFrequentOnes()
    {
        // More words than the front table holds: the rarest are found in the full table.
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < WordClusters.FrequentWords + 500; i++) text.Append($"{(i % 2 == 0 ? "01" : "10")}\tw{i}\t{100000 - i}\n");
        var clusters = WordClusters.Read(new StringReader(text.ToString()), "fixture");

        Assert.True(clusters.TryGetPath("w0", out var frequent));
        Assert.Equal("01", frequent.ToString());
        Assert.True(clusters.TryGetPath($"w{WordClusters.FrequentWords + 499}", out var rare));
        Assert.Equal("10", rare.ToString());
        Assert.False(clusters.TryGetPath("w-1", out _));
    }

    [Fact]
    public void RejectsACountThatIsNotANumber()
    {
        var error = Assert.Throws<InvalidDataException>(() => WordClusters.Read(new StringReader("0101\tgood\t3\n0111\tbad\tmany\n"), "clusters.tsv"));
        Assert.Equal("clusters.tsv:2: count 'many' is not a whole number", error.Message);
    }

    [Fact]
    public void PrefixesTruncateLongPathsAndKeepShortOnes()
    {
        var clusters = WordClusters.Read(new StringReader(Fixture), "fixture");

        Assert.True(clusters.TryGetPrefix("Russia", 4, out var russia4));
        Assert.True(clusters.TryGetPrefix("Belarus", 4, out var belarus4));
        Assert.Equal("1101", russia4.ToString());
        Assert.Equal(russia4, belarus4);
        Assert.Equal(russia4.Key, belarus4.Key);
        Assert.True(clusters.TryGetPrefix("Russia", 20, out var russia20));
        Assert.Equal("110100", russia20.ToString());
        Assert.True(clusters.TryGetPath("Belarus", out var belarus));
        Assert.Equal(5, russia20.CommonPrefixLength(belarus));
    }

    [Fact]
    public void KeysDistinguishPathsThatDifferOnlyInLength()
    {
        Assert.True(ClusterPath.TryParse("01", out var shortPath));
        Assert.True(ClusterPath.TryParse("001", out var longPath));
        Assert.NotEqual(shortPath.Key, longPath.Key);
        Assert.Equal(1UL, shortPath.Bits);
        Assert.Equal(1UL, longPath.Bits);
    }

    [Fact]
    public void ReadsGzippedFiles()
    {
        string path = Path.Combine(Path.GetTempPath(), $"clusters-{Guid.NewGuid():N}.tsv.gz");
        try
        {
            using (var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
            using (var writer = new StreamWriter(gzip)) writer.Write(Fixture);
            var clusters = WordClusters.Load(path);
            Assert.True(clusters.TryGetPath("Friday", out var friday));
            Assert.Equal("0011", friday.ToString());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ABadLineNamesTheSourceAndLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => WordClusters.Read(new StringReader("0101\tgood\t3\n01x1\tbad\t2\n"), "clusters.tsv"));
        Assert.Equal("clusters.tsv:2: path '01x1' is not a string of 0 and 1", error.Message);
    }

    [Fact]
    public void ClusteringOutputLoadsBack()
    {
        var counter = new CorpusCounter();
        foreach (var sentence in new[] { "the cat sat", "the dog sat", "a cat ran", "a dog ran" })
        {
            foreach (var word in sentence.Split(' ')) counter.AddToken(word);
            counter.EndSequence();
        }
        var hierarchy = new BrownClusterer(counter.Build(minCount: 1), clusters: 3).Run();
        var text = new StringWriter();
        hierarchy.WriteTsv(text);

        var clusters = WordClusters.Read(new StringReader(text.ToString()), "output");
        Assert.Equal(6, clusters.Count);
        for (int r = 0; r < hierarchy.WordCount; r++)
        {
            Assert.True(clusters.TryGetPath(hierarchy.Word(r), out var path));
            Assert.Equal(hierarchy.Path(r), path.ToString());
        }
    }

    [Fact]
    public void MalformedTokensAreLeftOutAndBreakTheirSequence()
    {
        var counter = new CorpusCounter();
        foreach (var token in new[] { "a", "\ud83d", "b", "\ud83d\ude00", "b" }) counter.AddToken(token);
        counter.EndSequence();
        var bigrams = counter.Build(minCount: 1);

        Assert.Equal(["b", "a", "\ud83d\ude00"], bigrams.Words);
        // Bigrams: (emoji, b) and (b, emoji); none joins "a" to "b" across the lone surrogate.
        Assert.Equal(2, bigrams.BigramCount);
    }
}
