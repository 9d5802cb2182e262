using System.Collections.Immutable;
using Pipeline.Sdk;

namespace Pipeline.Text.Evaluation;

/// <summary>Counts for precision, recall and F1.</summary>
public readonly record struct PrfCounts(long Gold, long Predicted, long Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PrfCounts operator +(PrfCounts a, PrfCounts b) =>
        new(a.Gold + b.Gold, a.Predicted + b.Predicted, a.Correct + b.Correct);
}

/// <summary>
/// Segmentation scores over a set of documents. <see cref="InnerSentences"/> counts only the
/// sentence ends inside paragraphs: a paragraph end is always a sentence end, and the rebuilt
/// text gives those away.
/// </summary>
public sealed record SegmentationScores(int Documents, PrfCounts Tokens, PrfCounts Words, PrfCounts Sentences, PrfCounts InnerSentences, long UnlocatedForms)
{
    public static readonly SegmentationScores Empty = new(0, default, default, default, default, 0);

    public SegmentationScores Add(SegmentationScores other) => new(
        Documents + other.Documents, Tokens + other.Tokens, Words + other.Words,
        Sentences + other.Sentences, InnerSentences + other.InnerSentences, UnlocatedForms + other.UnlocatedForms);
}

/// <summary>Scores per group of documents (UD English EWT: the genre prefix of the document id) and in total.</summary>
public sealed record SegmentationReport(ImmutableSortedDictionary<string, SegmentationScores> Groups, SegmentationScores Total);

/// <summary>
/// Compares the segmenter with gold segmentation. Spans must match exactly.
/// Tokens: surface tokens, so our clitic tokens are joined back to the word they were split from
/// (do + n't = don't), as a multiword token is one surface token in UD. Words: our tokens as they
/// are, against UD's syntactic words. Sentences: sentence end offsets.
/// </summary>
public sealed class SegmentationEvaluator(Segmenter segmenter)
{
    public SegmentationScores Evaluate(GoldDocument gold)
    {
        var s = segmenter.Segment(gold.Text);
        var words = new List<TextSpan>(s.Tokens.Length);
        var surface = new List<TextSpan>(s.Tokens.Length);
        foreach (var token in s.Tokens)
        {
            words.Add(token.Span);
            if (token.Kind == TokenKind.Clitic && surface.Count > 0 && surface[^1].End == token.Span.Start)
                surface[^1] = surface[^1].Union(token.Span);
            else surface.Add(token.Span);
        }
        var sentenceEnds = new List<int>(s.Sentences.Length);
        foreach (var sentence in s.Sentences) sentenceEnds.Add(sentence.Span.End);
        bool Inner(int end) => end < gold.Text.Length && !gold.Text.AsSpan(end).StartsWith("\n\n");
        return new SegmentationScores(1,
            Match(gold.Tokens, surface),
            Match(gold.Words, words),
            Match(gold.SentenceEnds, sentenceEnds),
            Match(gold.SentenceEnds.Where(Inner).ToList(), sentenceEnds.Where(Inner).ToList()),
            gold.UnlocatedForms);
    }

    /// <summary>Evaluates every document of a CoNLL-U file (or the first <paramref name="maxDocuments"/>).</summary>
    public SegmentationReport EvaluateFile(string conlluPath, int maxDocuments = int.MaxValue)
    {
        var groups = ImmutableSortedDictionary.CreateBuilder<string, SegmentationScores>(StringComparer.Ordinal);
        var total = SegmentationScores.Empty;
        foreach (var document in ConlluDocumentReader.Read(conlluPath).Take(maxDocuments))
        {
            var scores = Evaluate(document);
            string group = GroupOf(document.Id);
            groups[group] = groups.GetValueOrDefault(group, SegmentationScores.Empty).Add(scores);
            total = total.Add(scores);
        }
        return new SegmentationReport(groups.ToImmutable(), total);
    }

    /// <summary>The genre of an EWT document id ("weblog-blogspot.com_..." -> "weblog").</summary>
    public static string GroupOf(string documentId)
    {
        int dash = documentId.IndexOf('-');
        return dash > 0 ? documentId[..dash] : documentId.Length > 0 ? documentId : "(no id)";
    }

    /// <summary>Counts of two sorted lists and of the items they share.</summary>
    private static PrfCounts Match<T>(IReadOnlyList<T> gold, IReadOnlyList<T> predicted) where T : IComparable<T>
    {
        int i = 0, j = 0, correct = 0;
        while (i < gold.Count && j < predicted.Count)
        {
            int c = gold[i].CompareTo(predicted[j]);
            if (c == 0) { correct++; i++; j++; }
            else if (c < 0) i++;
            else j++;
        }
        return new PrfCounts(gold.Count, predicted.Count, correct);
    }
}
