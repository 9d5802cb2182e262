using Pipeline.Sdk;

namespace Pipeline.Learning.Metrics;

/// <summary>
/// Quote attribution measures, after BBC citron's exact and overlap metrics:
/// <list type="bullet">
/// <item>content exact: a predicted quote is correct when a gold quote has the same content
/// segments. Segments are compared after trimming whitespace, quotation marks and trailing
/// , . ; : (corpora differ on whether the marks belong to the content).</item>
/// <item>content overlap: token-level precision and recall of the content regions: the tokens
/// (quotation marks excluded) covered by predicted content and by gold content in each
/// document; P = |predicted ∩ gold| / |predicted|, R = |predicted ∩ gold| / |gold|. Partial
/// spans get partial credit.</item>
/// <item>cue: exact match of cue spans.</item>
/// <item>source: a predicted attribution with a written speaker is correct when a gold quote
/// sharing content tokens with its quote has exactly that source span.</item>
/// <item>speaker accuracy: over gold direct quotes that have a source, the share whose best
/// overlapping predicted quote is attributed to a speaker span overlapping the gold source.</item>
/// </list>
/// </summary>
public sealed class QuoteScore
{
    public PrfCounts ContentExact { get; private set; }
    public PrfCounts ContentOverlap { get; private set; }
    public PrfCounts Cue { get; private set; }
    public PrfCounts Source { get; private set; }
    public int DirectQuotesWithSource { get; private set; }
    public int SpeakersCorrect { get; private set; }
    public double SpeakerAccuracy => DirectQuotesWithSource > 0 ? (double)SpeakersCorrect / DirectQuotesWithSource : 0;

    /// <summary>A quote with its speaker span (null when no speaker is written).</summary>
    public readonly record struct AttributedQuote(Quote Quote, TextSpan? Speaker);

    /// <summary>Adds one document; <paramref name="document"/> supplies the text and tokens (gold and prediction share them).</summary>
    public void Add(Document document, IReadOnlyList<AttributedQuote> gold, IReadOnlyList<AttributedQuote> predicted)
    {
        string text = document.Text;
        ContentExact += PrfCounts.Compare(gold.Select(q => ContentKey(text, q.Quote)).ToHashSet(), predicted.Select(q => ContentKey(text, q.Quote)).ToHashSet());
        Cue += PrfCounts.Compare(
            gold.Where(q => q.Quote.Cue is not null).Select(q => Trim(text, q.Quote.Cue!.Value)).ToHashSet(),
            predicted.Where(q => q.Quote.Cue is not null).Select(q => Trim(text, q.Quote.Cue!.Value)).ToHashSet());

        var goldTokens = gold.Select(q => ContentTokens(document, q.Quote)).ToList();
        var predictedTokens = predicted.Select(q => ContentTokens(document, q.Quote)).ToList();
        var goldRegion = goldTokens.SelectMany(t => t).ToHashSet();
        var predictedRegion = predictedTokens.SelectMany(t => t).ToHashSet();
        int shared = predictedRegion.Count(goldRegion.Contains);
        ContentOverlap += new PrfCounts(shared, predictedRegion.Count - shared, goldRegion.Count - shared);

        bool SourceMatch(int g, int p) =>
            gold[g].Speaker is { } gs && predicted[p].Speaker is { } ps
            && Trim(text, gs) == Trim(text, ps) && goldTokens[g].Overlaps(predictedTokens[p]);
        int tp = 0, fp = 0, fn = 0;
        for (int p = 0; p < predicted.Count; p++)
            if (predicted[p].Speaker is not null)
            {
                if (Enumerable.Range(0, gold.Count).Any(g => SourceMatch(g, p))) tp++; else fp++;
            }
        for (int g = 0; g < gold.Count; g++)
            if (gold[g].Speaker is not null && !Enumerable.Range(0, predicted.Count).Any(p => SourceMatch(g, p))) fn++;
        Source += new PrfCounts(tp, fp, fn);

        foreach (var (_, _, correct) in DirectSpeakers(goldTokens, predictedTokens, gold, predicted))
        {
            DirectQuotesWithSource++;
            if (correct) SpeakersCorrect++;
        }
    }

    /// <summary>
    /// The gold direct quotes with a source, each with the predicted quote that shares most
    /// content tokens with it (-1: none) and whether that quote's speaker overlaps the gold source.
    /// </summary>
    public static IEnumerable<(int Gold, int Predicted, bool Correct)> DirectSpeakers(Document document,
        IReadOnlyList<AttributedQuote> gold, IReadOnlyList<AttributedQuote> predicted) =>
        DirectSpeakers([.. gold.Select(q => ContentTokens(document, q.Quote))], [.. predicted.Select(q => ContentTokens(document, q.Quote))], gold, predicted);

    private static IEnumerable<(int Gold, int Predicted, bool Correct)> DirectSpeakers(List<HashSet<int>> goldTokens, List<HashSet<int>> predictedTokens,
        IReadOnlyList<AttributedQuote> gold, IReadOnlyList<AttributedQuote> predicted)
    {
        for (int g = 0; g < gold.Count; g++)
        {
            if (gold[g].Quote.Kind != QuoteKind.Direct || gold[g].Speaker is not { } source) continue;
            int best = -1, bestOverlap = 0;
            for (int p = 0; p < predicted.Count; p++)
            {
                int overlap = predictedTokens[p].Count(goldTokens[g].Contains);
                if (overlap > bestOverlap) (best, bestOverlap) = (p, overlap);
            }
            yield return (g, best, best >= 0 && predicted[best].Speaker is { } speaker && speaker.OverlapsWith(source));
        }
    }

    private static string ContentKey(string text, Quote quote) =>
        string.Join(';', quote.Content.Select(s => Trim(text, s)).Where(s => !s.IsEmpty).Select(s => $"{s.Start}-{s.End}"));

    /// <summary>The span without surrounding whitespace and quotation marks, nor trailing , . ; :</summary>
    internal static TextSpan Trim(string text, TextSpan span)
    {
        int start = span.Start, end = span.End;
        while (start < end && (char.IsWhiteSpace(text[start]) || IsQuoteMark(text[start]))) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || IsQuoteMark(text[end - 1]) || text[end - 1] is ',' or '.' or ';' or ':')) end--;
        return TextSpan.FromBounds(start, end);
    }

    private static bool IsQuoteMark(char c) => c is '"' or '“' or '”' or '„' or '«' or '»' or '‹' or '›' or '‘' or '’' or '\'';

    private static HashSet<int> ContentTokens(Document document, Quote quote)
    {
        var tokens = new HashSet<int>();
        foreach (var segment in quote.Content)
            for (int i = document.TokenAt(segment.Start); i < document.Tokens.Length && document.Tokens[i].Span.Start < segment.End; i++)
                if (document.Tokens[i].Span.OverlapsWith(segment) && !IsQuoteMarkToken(document, i)) tokens.Add(i);
        return tokens;
    }

    private static bool IsQuoteMarkToken(Document document, int i)
    {
        var span = document.Tokens[i].Span;
        return document.Tokens[i].Kind == TokenKind.QuoteMark || span.Length == 1 && IsQuoteMark(document.Text[span.Start]);
    }
}
