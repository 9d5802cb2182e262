using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance.Targets;

/// <summary>The classified stance of one holder toward one target site (a cluster in a sentence).</summary>
/// <param name="Probabilities">Negative, neutral, positive.</param>
public sealed record SiteStance(TargetSite Site, Holder Holder, StanceLabel Label, ImmutableArray<double> Probabilities, TextSpan Sentence);

/// <summary>A holder's stance toward a cluster over the whole article.</summary>
public sealed record ArticleStanceResult(
    string ClusterId, string CanonicalName, Holder Holder, StanceLabel Label, double Confidence,
    ImmutableArray<double> Scores, ImmutableArray<TextSpan> Evidence, int Sites);

/// <summary>
/// Aggregates site stances per (cluster, holder). The label follows the sites' labels: negative
/// when negative sites outnumber positive ones by at least <see cref="Margin"/> of all sites,
/// positive the other way round, neutral otherwise; a critical article that names a person in
/// many neutral sentences and condemns them in a few is negative toward them. Scores are the
/// mean probabilities. Confidence is the share of the sites that carry the label among the
/// polar sites (for a polar label) or among all sites (for neutral), times the mean probability
/// the carrying sites give the label: one lukewarm negative sentence is not a sure verdict.
/// Evidence: the sentences that most strongly carry the label.
/// </summary>
public sealed class ArticleStance(double margin = 0.15, int maxEvidence = 3)
{
    /// <summary>The provenance method of article-level stances.</summary>
    public const string Method = "aggregate:net-polarity";

    public double Margin => margin;

    public List<ArticleStanceResult> Aggregate(IReadOnlyList<SiteStance> sites)
    {
        var results = new List<ArticleStanceResult>();
        foreach (var group in sites.GroupBy(s => (s.Site.ClusterId, s.Holder.GroupKey)))
        {
            var items = group.ToList();
            int n = items.Count;
            int negative = items.Count(s => s.Label == StanceLabel.Negative), positive = items.Count(s => s.Label == StanceLabel.Positive);
            double net = (double)(negative - positive) / n;
            var label = net >= margin ? StanceLabel.Negative : net <= -margin ? StanceLabel.Positive : StanceLabel.Neutral;
            var carrying = items.Where(s => s.Label == label).ToList();
            double share = label == StanceLabel.Neutral ? (double)carrying.Count / n : (double)carrying.Count / (negative + positive);
            double confidence = carrying.Count == 0 ? 0 : share * carrying.Average(s => s.Probabilities[(int)label]);
            var scores = Enumerable.Range(0, 3).Select(c => items.Average(s => s.Probabilities[c])).ToImmutableArray();
            var evidence = carrying.OrderByDescending(s => s.Probabilities[(int)label]).ThenBy(s => s.Sentence)
                .Select(s => s.Sentence).Distinct().Take(maxEvidence).OrderBy(s => s).ToImmutableArray();
            var first = items[0];
            results.Add(new ArticleStanceResult(first.Site.ClusterId, first.Site.CanonicalName, first.Holder, label, confidence, scores, evidence, n));
        }
        return results;
    }
}
