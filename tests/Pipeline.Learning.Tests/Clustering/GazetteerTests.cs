using Pipeline.Learning.Gazetteers;
using Pipeline.Text;

namespace Pipeline.Learning.Tests.Clustering;

public class GazetteerTests
{
    private static Gazetteer Sample(bool ignoreCase = false) => Gazetteer.Create(
    [
        ("cities", ["New York", "York", "Minsk", "Washington"]),
        ("countries", ["United States", "United States of America", "Belarus"]),
        ("first-names", ["George", "Washington"]),
        ("org-suffixes", ["Inc."]),
    ], ignoreCase);

    [Fact]
    public void LongestEntryWinsAndMatchesDoNotOverlap()
    {
        var gazetteer = Sample();
        var matches = new List<GazetteerMatch>();
        gazetteer.FindMatches(["He", "left", "New", "York", "for", "the", "United", "States", "of", "America", "."], matches);

        Assert.Equal([(2, 2), (6, 4)], matches.Select(m => (m.Start, m.Length)));
        Assert.True(matches[0].Categories.Contains(gazetteer.CategoryIndex("cities")));
        Assert.True(matches[1].Categories.Contains(gazetteer.CategoryIndex("countries")));
    }

    [Fact]
    public void FallsBackToTheLongestPrefixThatIsAnEntry()
    {
        var gazetteer = Sample();
        var matches = new List<GazetteerMatch>();
        gazetteer.FindMatches(["the", "United", "States", "of", "Europe"], matches);

        Assert.Equal([(1, 2)], matches.Select(m => (m.Start, m.Length)));
    }

    [Fact]
    public void AnEntryInSeveralListsCarriesAllTheirCategories()
    {
        var gazetteer = Sample();
        var categories = gazetteer.Lookup(["Washington"]);

        Assert.True(categories.Contains(gazetteer.CategoryIndex("cities")));
        Assert.True(categories.Contains(gazetteer.CategoryIndex("first-names")));
        Assert.False(categories.Contains(gazetteer.CategoryIndex("countries")));
        Assert.True(gazetteer.Lookup(["New"]).IsEmpty);
        Assert.True(gazetteer.Lookup(["United", "States", "of"]).IsEmpty);
    }

    [Fact]
    public void MatchesSegmenterTokensAndWhitespaceTokensAlike()
    {
        var gazetteer = Sample();
        const string text = "Acme Inc. opened in Minsk, Belarus.";
        var tokens = Segmenter.Default.Segment(text).Tokens;
        var matches = new List<GazetteerMatch>();
        gazetteer.FindMatches(text, tokens.AsSpan(), matches);

        var found = matches.Select(m => text[tokens[m.Start].Span.Start..tokens[m.Start + m.Length - 1].Span.End]).ToList();
        Assert.Equal(["Inc.", "Minsk", "Belarus"], found);

        matches.Clear();
        gazetteer.FindMatches(["Acme", "Inc.", "opened"], matches);
        Assert.Equal([(1, 1)], matches.Select(m => (m.Start, m.Length)));
    }

    [Fact]
    public void CaseMattersUnlessIgnored()
    {
        Assert.True(Sample().Lookup(["MINSK"]).IsEmpty);
        Assert.False(Sample(ignoreCase: true).Lookup(["MINSK"]).IsEmpty);
    }

    [Fact]
    public void LoadsOneCategoryPerFile()
    {
        string dir = Directory.CreateTempSubdirectory("gazetteer").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "countries.txt"), "Belarus\nRussia\n\n");
            File.WriteAllText(Path.Combine(dir, "cities.txt"), "Moscow\nSt. Petersburg\n");
            var gazetteer = Gazetteer.Load(dir);

            Assert.Equal(["cities", "countries"], gazetteer.Categories);
            Assert.Equal(4, gazetteer.EntryCount);
            Assert.True(gazetteer.Lookup(["St.", "Petersburg"]).Contains(0));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
