using System.Numerics.Tensors;
using Pipeline.Analyzers.Stance.Lexicon;
using Pipeline.Analyzers.Stance.Models;
using Pipeline.Learning.Linear;

namespace Pipeline.Analyzers.Stance.Claims;

/// <summary>
/// Features of a (claim, article) pair, after the FNC-1 systems: TF-IDF cosines of the claim with
/// the article, its lead and its most similar sentences; word and bigram overlap; refuting,
/// discuss, negation and polarity cues in the claim, the article and the sentences most like the
/// claim; and with the encoder, cosines of the claim's vector with the sentence vectors and the
/// element-wise product of the claim's and the closest sentence's vectors. The dense part holds
/// the numbers (and the product); the sparse part holds them binned, plus cue and claim words.
/// </summary>
public sealed class ClaimFeatures(StanceLexicon lexicon, FeatureHasher hasher, int encoderDimension)
{
    public const int NumericLength = 36;
    /// <summary>Sentences that count as "the sentences most like the claim".</summary>
    public const int TopSentences = 3;

    private enum Template { Bin = 1, ClaimWord, ClaimCue, TopCue, TopWord, ClaimOnly }

    public int DenseLength => NumericLength + encoderDimension;

    /// <summary>Writes the pair's features; returns the body's sentence indices ordered by similarity to the claim (best first).</summary>
    public int[] Write(ClaimText claim, ClaimBody body, FeatureVector x)
    {
        x.Clear();
        var f = x.Dense.AsSpan(0, NumericLength);
        int n = body.SentenceTerms.Length;
        var tfidf = new float[n];
        var dense = new float[n];
        for (int s = 0; s < n; s++)
        {
            tfidf[s] = claim.Terms.Cosine(body.SentenceTerms[s]);
            if (claim.Vector is not null && body.SentenceVectors is not null)
                dense[s] = TensorPrimitives.Dot<float>(claim.Vector, body.SentenceVectors[s]);
        }
        bool encoded = claim.Vector is not null && body.SentenceVectors is not null && n > 0;
        var order = Enumerable.Range(0, n).OrderByDescending(s => encoded ? dense[s] + tfidf[s] : tfidf[s]).ThenBy(s => s).ToArray();
        var top = order.Take(TopSentences).ToArray();

        f[0] = claim.Terms.Cosine(body.Terms);
        f[1] = claim.Terms.Cosine(body.LeadTerms);
        f[2] = n > 0 ? tfidf.Max() : 0;
        f[3] = top.Length > 0 ? top.Average(s => tfidf[s]) : 0;
        int content = claim.Content.Count;
        f[4] = content == 0 ? 0 : (float)claim.Content.Count(body.Content.Contains) / claim.Content.Union(body.Content).Count();
        f[5] = content == 0 ? 0 : (float)claim.Content.Count(body.Content.Contains) / content;
        f[6] = content == 0 ? 0 : (float)claim.Content.Count(body.LeadContent.Contains) / content;
        f[7] = claim.Bigrams.Count == 0 ? 0 : (float)claim.Bigrams.Count(body.Bigrams.Contains) / claim.Bigrams.Count;
        f[8] = n > 1 && top.Length > 0 ? (float)top[0] / (n - 1) : 0;
        f[9] = MathF.Log(1 + body.WordCount);
        var c = claim.Cues;
        f[10] = c.Words;
        f[11] = c.Refuting;
        f[12] = c.Discuss;
        f[13] = c.Negators;
        f[14] = c.Polarity;
        f[15] = c.Question ? 1 : 0;
        float per100 = 100f / Math.Max(1, body.WordCount);
        f[16] = body.Cues.Refuting * per100;
        f[17] = body.Cues.Discuss * per100;
        f[18] = body.Cues.Negators * per100;
        f[19] = body.Cues.Polarity * per100;
        Cues topCues = default, leadCues = default;
        foreach (int s in top) topCues = Add(topCues, body.SentenceCues[s]);
        for (int s = 0; s < Math.Min(n, ClaimBody.LeadSentences); s++) leadCues = Add(leadCues, body.SentenceCues[s]);
        f[20] = topCues.Refuting;
        f[21] = topCues.Discuss;
        f[22] = topCues.Negators;
        f[23] = topCues.Polarity;
        f[24] = topCues.Question ? 1 : 0;
        f[25] = leadCues.Refuting;
        f[26] = leadCues.Discuss;
        f[27] = leadCues.Polarity;
        if (encoded)
        {
            f[28] = TensorPrimitives.Dot<float>(claim.Vector!, body.MeanVector!);
            f[29] = dense.Max();
            f[30] = top.Average(s => dense[s]);
            f[31] = dense.Average();
            f[32] = dense[0];
            f[33] = (float)dense.Count(d => d > 0.5f) / n;
            var product = x.Dense.AsSpan(NumericLength, encoderDimension);
            TensorPrimitives.Multiply(claim.Vector!, body.SentenceVectors![top[0]], product);
        }
        f[34] = c.Polarity * topCues.Polarity;
        f[35] = n;

        // Sparse: the similarities binned (a linear model cannot threshold raw numbers), cue words, claim words.
        foreach (int i in (ReadOnlySpan<int>)[0, 1, 2, 3, 4, 5, 6, 7, 28, 29, 30])
            Add(x, hasher.Hash(Id(Template.Bin, i), (int)Math.Clamp(f[i] * 10, 0, 10)), 1f);
        foreach (var w in claim.Words)
        {
            if (claim.Content.Contains(w)) Add(x, hasher.Hash(Id(Template.ClaimWord), w), 1f);
            if (IsCue(w)) Add(x, hasher.Hash(Id(Template.ClaimCue), w), 1f);
        }
        foreach (int s in top)
            foreach (var w in body.SentenceWords[s])
            {
                if (IsCue(w)) Add(x, hasher.Hash(Id(Template.TopCue), w), 1f);
                Add(x, hasher.Hash(Id(Template.TopWord), w), 1f / TopSentences);
            }
        for (int i = 0; i < NumericLength; i++)
            if (f[i] != 0 && i is 11 or 12 or 13 or 15) Add(x, hasher.Hash(Id(Template.ClaimOnly), i), 1f);
        return order;
    }

    private bool IsCue(string w) => lexicon.IsRefuting(w) || lexicon.IsDiscuss(w) || lexicon.IsNegator(w);

    private static Cues Add(Cues a, Cues b) =>
        new(a.Words + b.Words, a.Refuting + b.Refuting, a.Discuss + b.Discuss, a.Negators + b.Negators, a.Polarity + b.Polarity, a.Question || b.Question);

    private static int Id(Template template, int variant = 0) => (int)template * 64 + variant;

    private static void Add(FeatureVector x, int feature, float value)
    {
        x.Sparse.Add(feature);
        x.Values.Add(value);
    }
}
