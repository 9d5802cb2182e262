using Pipeline.Sdk;

namespace Pipeline.Learning.Evaluation;

/// <summary>
/// Pairs of annotations of one text, to measure inter-annotator agreement with a task's own
/// metric: gold documents with the same text are one article annotated by different annotators.
/// Each annotation is paired with every other one both ways (as gold, then as the other side),
/// so the pooled precision equals the recall and both equal the pairwise F1.
/// </summary>
public sealed record AnnotatorAgreement(IReadOnlyList<Document> Gold, IReadOnlyList<Document> Other, int Articles, int SingleAnnotations)
{
    public static AnnotatorAgreement Of(IReadOnlyList<Document> annotations)
    {
        var gold = new List<Document>();
        var other = new List<Document>();
        int articles = 0, single = 0;
        foreach (var article in annotations.GroupBy(d => d.Text, StringComparer.Ordinal))
        {
            var versions = article.ToList();
            if (versions.Count < 2) { single++; continue; }
            articles++;
            foreach (var a in versions)
                foreach (var b in versions)
                    if (!ReferenceEquals(a, b)) { gold.Add(a); other.Add(b); }
        }
        return new(gold, other, articles, single);
    }

    /// <summary>Annotator pairs (each counted once).</summary>
    public int Pairs => Gold.Count / 2;
}
