using System.Collections.Concurrent;
using Pipeline.Analyzers.Entities;
using Pipeline.Learning.Encoders;
using Pipeline.Tests;
using Pipeline.Text;

namespace Pipeline.Analyzers.Tests.Entities;

public sealed class FastTierSeedArticleTests() : SeedArticleTests("entities-fast");

public sealed class AccurateTierSeedArticleTests() : SeedArticleTests("entities-accurate");

/// <summary>A shipped tier on the seed article: who and what is named, with which type, in which cluster.</summary>
public abstract class SeedArticleTests(string model)
{
    // Each tier reads the article once for all its cases.
    private static readonly ConcurrentDictionary<string, Lazy<(Pipeline.Sdk.Document Doc, List<RecognizedEntity> Entities)>> Seeds = new();

    private static (Pipeline.Sdk.Document, List<RecognizedEntity>) Recognize(string model)
    {
        var ensemble = EntityEnsemble.Load(Path.Combine(TestPaths.RepoRoot, "models", model));
        var doc = DocumentFactory.Create(File.ReadAllText(Path.Combine(TestPaths.Seeds, "dialog-of-dictators.txt")));
        return (doc, new EntityRecognizer(ensemble, id => MiniLmEncoder.ForModel(id, () => null)).Recognize(doc));
    }

    private IEnumerable<(string Text, RecognizedEntity Entity)> Mentions
    {
        get
        {
            var (doc, entities) = Seeds.GetOrAdd(model, m => new(() => Recognize(m))).Value;
            return entities.Select(e => (doc.GetString(e.Span), e));
        }
    }

    [Theory]
    [InlineData("Vladimir Putin", "PER")]
    [InlineData("Putin", "PER")]
    [InlineData("Alyaksandr Lukashenka", "PER")]
    [InlineData("Lukashenka", "PER")]
    [InlineData("Lukashenko", "PER")]
    [InlineData("Viktor", "PER")]
    [InlineData("Arseny Sivitsky", "PER")]
    [InlineData("Brian Whitmore", "PER")]
    [InlineData("Vasily Fedosenko", "PER")]
    [InlineData("Kommersant", "ORG")]
    [InlineData("Federal Security Service", "ORG")]
    [InlineData("Security Council", "ORG")]
    [InlineData("Center for Strategic and Foreign Policy Studies", "ORG")]
    [InlineData("Kremlin", "ORG")]
    [InlineData("Atlantic Council", "ORG")]
    [InlineData("Eurasia Center", "ORG")]
    [InlineData("University of Texas at Arlington", "ORG")]
    [InlineData("Reuters", "ORG")]
    [InlineData("Russia", "LOC")]
    [InlineData("Belarus", "LOC")]
    [InlineData("Moscow", "LOC")]
    [InlineData("Minsk", "LOC")]
    [InlineData("Sochi", "LOC")]
    [InlineData("United States", "LOC")]
    [InlineData("Europe", "LOC")]
    [InlineData("Belarusian", "MISC")]
    [InlineData("Russian", "MISC")]
    public void Names_are_found_with_their_type(string name, string type)
    {
        var found = Mentions.Where(m => string.Equals(m.Text, name, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(found.Count > 0, $"'{name}' not found; found: {string.Join(", ", Mentions.Select(m => m.Text + "/" + m.Entity.Type))}");
        Assert.Contains(type, found.Select(m => m.Entity.Type));
    }

    [Theory]
    [InlineData("Vladimir Putin", "Putin")]
    [InlineData("Alyaksandr Lukashenka", "Lukashenka", "Lukashenko")]
    public void Mentions_of_one_person_share_a_cluster_named_by_the_full_name(string full, params string[] others)
    {
        var clusters = Mentions.Where(m => m.Text == full || others.Contains(m.Text)).Select(m => m.Entity.Cluster).Distinct().ToList();
        Assert.Single(clusters);
        Assert.All(Mentions.Where(m => m.Entity.Cluster == clusters[0]), m => Assert.Equal(full, m.Entity.CanonicalName));
    }

    [Fact]
    public void The_Kremlin_is_not_Putin()
    {
        var kremlin = Mentions.First(m => m.Text == "Kremlin").Entity;
        var putin = Mentions.First(m => m.Text == "Putin").Entity;
        Assert.NotEqual(kremlin.Cluster, putin.Cluster);
        Assert.Equal("Kremlin", kremlin.CanonicalName);
    }

    [Fact]
    public void Spans_leave_out_titles_headline_words_possessives_and_the_final_period()
    {
        Assert.DoesNotContain(Mentions, m => m.Text.EndsWith('.'));
        Assert.DoesNotContain(Mentions, m => m.Text.StartsWith("How ", StringComparison.Ordinal));
        Assert.DoesNotContain(Mentions, m => m.Text.Contains("President", StringComparison.Ordinal));
        Assert.DoesNotContain(Mentions, m => m.Text.EndsWith("'s", StringComparison.Ordinal) || m.Text.EndsWith("\u2019s", StringComparison.Ordinal));
    }
}
