using Pipeline.Learning.Clustering;
using Pipeline.Learning.Gazetteers;
using Pipeline.Tests;

namespace Pipeline.Learning.Tests.Clustering;

/// <summary>The committed word clusters and gazetteers load and hold what the recognizer expects of them.</summary>
public class ShippedResourcesTests
{
    private static readonly string Models = Path.Combine(TestPaths.RepoRoot, "models");

    [Fact]
    public void WordClustersKeepWeekdaysTogetherAndCountriesTogether()
    {
        var clusters = WordClusters.Load(Path.Combine(Models, "word-clusters", WordClusterCommand.FileName));

        Assert.True(clusters.Count > 40_000, $"only {clusters.Count} words");
        var weekdays = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(w => PathOf(clusters, w)).ToList();
        Assert.All(weekdays, p => Assert.True(p.CommonPrefixLength(weekdays[0]) >= 10, $"{p} and {weekdays[0]}"));
        var russia = PathOf(clusters, "Russia");
        Assert.True(russia.CommonPrefixLength(PathOf(clusters, "France")) >= 10);
        Assert.True(russia.CommonPrefixLength(weekdays[0]) < 10);
    }

    [Fact]
    public void GazetteersFindPlacesAndNamesInASentence()
    {
        var gazetteer = Gazetteer.Load(Path.Combine(Models, "gazetteers"));
        var matches = new List<GazetteerMatch>();
        gazetteer.FindMatches(["Brian", "Whitmore", "flew", "from", "Minsk", "to", "the", "United", "States", "."], matches);

        string Categories(int start) => string.Join(",", Enumerable.Range(0, gazetteer.Categories.Count)
            .Where(matches.Single(m => m.Start == start).Categories.Contains).Select(c => gazetteer.Categories[c]));
        Assert.Contains("first-names", Categories(0));
        Assert.Contains("surnames", Categories(1));
        Assert.Contains("cities", Categories(4));
        Assert.Equal(2, matches.Single(m => m.Start == 7).Length);
        Assert.Contains("countries", Categories(7));
    }

    private static ClusterPath PathOf(WordClusters clusters, string word)
    {
        Assert.True(clusters.TryGetPath(word, out var path), $"{word} has no cluster");
        return path;
    }
}
