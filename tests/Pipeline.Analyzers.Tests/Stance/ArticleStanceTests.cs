using System.Collections.Immutable;
using Pipeline.Analyzers.Stance.Targets;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Tests.Stance;

public sealed class ArticleStanceTests
{
    private static readonly Holder Speaker = new(HolderKind.Speaker, "q1", "c9", "Jane Roe");

    private static SiteStance Site(int sentence, StanceLabel label, string cluster = "c1", Holder? holder = null)
    {
        var p = label switch
        {
            StanceLabel.Negative => ImmutableArray.Create(0.7, 0.2, 0.1),
            StanceLabel.Neutral => ImmutableArray.Create(0.2, 0.6, 0.2),
            _ => ImmutableArray.Create(0.1, 0.2, 0.7),
        };
        var site = new TargetSite(sentence, cluster, "John Doe", []);
        return new SiteStance(site, holder ?? Holder.Author, label, p, new TextSpan(sentence * 10, 9));
    }

    [Fact]
    public void A_few_condemning_sentences_among_neutral_ones_make_the_article_negative()
    {
        var sites = new[] { StanceLabel.Negative, StanceLabel.Neutral, StanceLabel.Neutral, StanceLabel.Negative, StanceLabel.Neutral,
                            StanceLabel.Neutral, StanceLabel.Positive, StanceLabel.Neutral, StanceLabel.Negative, StanceLabel.Neutral }
            .Select((l, i) => Site(i, l)).ToList();
        var result = Assert.Single(new ArticleStance().Aggregate(sites));
        Assert.Equal(StanceLabel.Negative, result.Label);
        Assert.Equal(0.75 * 0.7, result.Confidence, 6); // 3 of the 4 polar sites, each at 0.7
        Assert.Equal(10, result.Sites);
        Assert.Equal([new TextSpan(0, 9), new TextSpan(30, 9), new TextSpan(80, 9)], result.Evidence.ToArray());
        Assert.Equal(1.0, result.Scores.Sum(), 6);
    }

    [Fact]
    public void Balanced_or_mostly_neutral_coverage_is_neutral()
    {
        var balanced = new[] { StanceLabel.Negative, StanceLabel.Positive, StanceLabel.Neutral, StanceLabel.Neutral }.Select((l, i) => Site(i, l)).ToList();
        Assert.Equal(StanceLabel.Neutral, Assert.Single(new ArticleStance().Aggregate(balanced)).Label);
        var mostlyNeutral = Enumerable.Range(0, 10).Select(i => Site(i, i == 0 ? StanceLabel.Positive : StanceLabel.Neutral)).ToList();
        var result = Assert.Single(new ArticleStance().Aggregate(mostlyNeutral));
        Assert.Equal(StanceLabel.Neutral, result.Label);
        Assert.Equal(0.9 * 0.6, result.Confidence, 6);
    }

    [Fact]
    public void A_single_positive_mention_makes_a_positive_article_stance()
    {
        var result = Assert.Single(new ArticleStance().Aggregate([Site(0, StanceLabel.Positive)]));
        Assert.Equal(StanceLabel.Positive, result.Label);
        Assert.Equal([new TextSpan(0, 9)], result.Evidence.ToArray());
        Assert.Equal(0.7, result.Confidence, 6); // as sure as its one sentence, not certain
    }

    [Fact]
    public void Each_cluster_and_each_holder_is_aggregated_apart()
    {
        var sites = new List<SiteStance>
        {
            Site(0, StanceLabel.Negative), Site(1, StanceLabel.Negative),
            Site(2, StanceLabel.Positive, holder: Speaker), Site(3, StanceLabel.Positive, holder: Speaker with { QuoteId = "q2" }),
            Site(4, StanceLabel.Neutral, cluster: "c2"),
        };
        var results = new ArticleStance().Aggregate(sites);
        Assert.Equal(3, results.Count);
        Assert.Equal(StanceLabel.Negative, results.Single(r => r.ClusterId == "c1" && r.Holder.Kind == HolderKind.Author).Label);
        var speaker = results.Single(r => r.Holder.Kind == HolderKind.Speaker);
        Assert.Equal((StanceLabel.Positive, 2, "Jane Roe"), (speaker.Label, speaker.Sites, speaker.Holder.Name)); // two quotes, one speaker
        Assert.Equal(StanceLabel.Neutral, results.Single(r => r.ClusterId == "c2").Label);
    }

    [Fact]
    public void The_margin_sets_how_one_sided_coverage_must_be()
    {
        var sites = new[] { StanceLabel.Negative, StanceLabel.Neutral, StanceLabel.Neutral, StanceLabel.Neutral, StanceLabel.Neutral }
            .Select((l, i) => Site(i, l)).ToList(); // net 0.2
        Assert.Equal(StanceLabel.Negative, new ArticleStance(margin: 0.15).Aggregate(sites)[0].Label);
        Assert.Equal(StanceLabel.Neutral, new ArticleStance(margin: 0.3).Aggregate(sites)[0].Label);
    }
}
