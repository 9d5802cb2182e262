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
public sealed record SegmentationReport(ImmutableSortedDictionary<string, SegmentationScores> Groups, SegmentationScores Total)
{
    /// <summary>A table with a row per group and the total, then a machine-readable RESULT line.</summary>
    public void WriteTo(TextWriter writer)
    {
        writer.WriteLine($"{"group",-12} {"docs",5} {"tokens",7} {"tok P",7} {"tok R",7} {"tok F1",7} {"word F1",8} {"sents",6} {"sent P",7} {"sent R",7} {"sent F1",7} {"inner F1",8}");
        foreach (var (group, scores) in Groups) WriteRow(writer, group, scores);
        WriteRow(writer, "total", Total);
        writer.WriteLine("inner F1: sentence ends inside paragraphs only (paragraph ends are given by the rebuilt text)");
        if (Total.UnlocatedForms > 0)
            writer.WriteLine($"{Total.UnlocatedForms} gold forms were not found in the rebuilt text and are not counted");
        writer.WriteLine(FormattableString.Invariant(
            $"RESULT token_f1={Total.Tokens.F1:F4} sentence_f1={Total.Sentences.F1:F4} word_f1={Total.Words.F1:F4} inner_sentence_f1={Total.InnerSentences.F1:F4}"));
    }

    private static void WriteRow(TextWriter writer, string group, SegmentationScores s) =>
        writer.WriteLine(FormattableString.Invariant(
            $"{group,-12} {s.Documents,5} {s.Tokens.Gold,7} {s.Tokens.Precision,7:F4} {s.Tokens.Recall,7:F4} {s.Tokens.F1,7:F4} {s.Words.F1,8:F4} {s.Sentences.Gold,6} {s.Sentences.Precision,7:F4} {s.Sentences.Recall,7:F4} {s.Sentences.F1,7:F4} {s.InnerSentences.F1,8:F4}"));
}

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
