using Pipeline.Learning.Clustering;

namespace Pipeline.Learning.Tests.Clustering;

public class BrownClustererTests
{
    [Fact]
    public void StoredMergeLossesEqualTheAmiLostByMerging()
    {
        // Random text over 14 words with skewed frequencies; 4 clusters, so words enter, merge and
        // the final phase merges down to one. After every step each stored loss must equal the
        // AMI difference computed from scratch.
        var random = new Random(7);
        var counter = new CorpusCounter();
        for (int sentence = 0; sentence < 300; sentence++)
        {
            int length = random.Next(2, 9);
            for (int t = 0; t < length; t++) counter.AddToken("w" + (int)(14 * Math.Pow(random.NextDouble(), 2)));
            counter.EndSequence();
        }
        var clusterer = new BrownClusterer(counter.Build(minCount: 1), clusters: 4);
        var data = counter.Build(1);
        for (int w = 0; w < data.WordCount; w++)
        {
            clusterer.EnterNextWord();
            AssertLossesExact(clusterer);
            if (w >= 4) { clusterer.MergeBestPair(); AssertLossesExact(clusterer); }
        }
        for (int left = 4; left > 1; left--) { clusterer.MergeBestPair(); AssertLossesExact(clusterer); }
    }

    [Fact]
    public void WordsOfOneSyntacticClassShareAClusterApartFromAnotherClass()
    {
        // A running text of "determiner noun verb adverb ." with words of different frequencies,
        // so the classes enter the window interleaved. Five clusters: one per class.
        string[] determiners = ["the", "a", "this", "every"];
        string[] nouns = ["dog", "cat", "horse", "cow", "bird", "fox"];
        string[] verbs = ["runs", "sleeps", "eats", "sings", "jumps"];
        string[] adverbs = ["quickly", "slowly", "loudly", "happily"];
        var random = new Random(1);
        var counter = new CorpusCounter();
        string Pick(string[] words) => words[(int)(words.Length * Math.Pow(random.NextDouble(), 1.5))];
        for (int i = 0; i < 4000; i++)
            foreach (var w in new[] { Pick(determiners), Pick(nouns), Pick(verbs), Pick(adverbs), "." }) counter.AddToken(w);
        counter.EndSequence();
        var data = counter.Build(minCount: 1);
        var hierarchy = new BrownClusterer(data, clusters: 5).Run();
        var path = Enumerable.Range(0, hierarchy.WordCount).ToDictionary(hierarchy.Word, hierarchy.Path);

        foreach (var group in new[] { determiners, nouns, verbs, adverbs })
            Assert.Single(group.Select(w => path[w]).Distinct());
        var classPaths = new[] { determiners, nouns, verbs, adverbs, ["."] }.Select(g => path[g[0]]).ToList();
        Assert.Equal(5, classPaths.Distinct().Count());
        Assert.Equal(5, hierarchy.LeafClusters);
    }

    [Fact]
    public void TwoClassesInDistinctContextsSplitAtTheTopBit()
    {
        // Two vocabularies that never meet: sentences drawn from weekdays and times, or from
        // countries and capitals. Whatever the finer clusters, the first bit separates them.
        string[] calendar = ["Monday", "Tuesday", "Wednesday", "Thursday", "morning", "evening", "noon"];
        string[] geography = ["Russia", "Belarus", "Germany", "France", "Moscow", "Minsk", "Berlin", "Paris"];
        var random = new Random(3);
        var counter = new CorpusCounter();
        for (int i = 0; i < 2000; i++)
        {
            var words = random.Next(2) == 0 ? calendar : geography;
            for (int t = random.Next(3, 8); t > 0; t--) counter.AddToken(words[random.Next(words.Length)]);
            counter.EndSequence();
        }
        var hierarchy = new BrownClusterer(counter.Build(minCount: 1), clusters: 6).Run();
        var firstBit = Enumerable.Range(0, hierarchy.WordCount).ToDictionary(hierarchy.Word, r => hierarchy.Path(r)[0]);

        var calendarBits = calendar.Select(w => firstBit[w]).Distinct().ToList();
        var geographyBits = geography.Select(w => firstBit[w]).Distinct().ToList();
        Assert.Single(calendarBits);
        Assert.Single(geographyBits);
        Assert.NotEqual(calendarBits[0], geographyBits[0]);
    }

    private static void AssertLossesExact(BrownClusterer clusterer)
    {
        for (int i = 0; i < clusterer.SlotCount; i++)
            for (int j = i + 1; j < clusterer.SlotCount; j++)
            {
                if (!clusterer.IsActive(i) || !clusterer.IsActive(j)) continue;
                double exact = clusterer.ExactLoss(i, j), stored = clusterer.StoredLoss(i, j);
                Assert.True(Math.Abs(exact - stored) <= 1e-6 * Math.Max(1, Math.Abs(exact)),
                    $"pair ({i}, {j}): stored loss {stored} but merging loses {exact}");
            }
    }
}
