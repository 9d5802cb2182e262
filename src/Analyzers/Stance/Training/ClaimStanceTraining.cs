using System.Collections.Immutable;
using Pipeline.Analyzers.Stance.Claims;
using Pipeline.Analyzers.Stance.Lexicon;
using Pipeline.Analyzers.Stance.Models;
using Pipeline.Learning.Linear;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance.Training;

/// <summary>
/// Examples for the claim-stance model from gold documents with a claims layer (FNC-1: one
/// document per body, its headlines as claims). Each body is prepared (and encoded) once, each
/// distinct claim once, however many pairs they are in.
/// </summary>
public sealed class ClaimStanceTraining(StanceLexicon lexicon, int hashBits, ITextEncoder? encoder, IRunLog? log)
{
    public static readonly ImmutableArray<string> Labels = ["agree", "disagree", "discuss", "unrelated"];

    private readonly ClaimFeatures _features = new(lexicon, new FeatureHasher(hashBits), encoder?.Dimension ?? 0);

    /// <summary>Document frequencies over the training bodies and their distinct claims.</summary>
    public IdfTable Idf(IReadOnlyList<Document> docs) =>
        IdfTable.Build(docs.Select(d => (IEnumerable<string>)ClaimWords.Of(d, 0, d.Tokens.Length))
            .Concat(docs.SelectMany(Claims).Distinct(StringComparer.Ordinal).Select(ClaimWords.Of)));

    public void SaveIdf(IdfTable idf, string folder)
    {
        Directory.CreateDirectory(folder);
        idf.Save(folder);
    }

    public List<LinearExample> Examples(IReadOnlyList<Document> docs, IdfTable idf, CancellationToken cancellationToken)
    {
        var claims = Prepare(docs.SelectMany(Claims).Distinct(StringComparer.Ordinal).ToList(), idf);
        var x = new FeatureVector(_features.DenseLength);
        var examples = new List<LinearExample>();
        int done = 0;
        foreach (var doc in docs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pairs = doc.GetLayerOrEmpty(Layers.ClaimStance);
            if (pairs.IsEmpty) continue;
            var body = new ClaimBody(doc, idf, lexicon, encoder);
            foreach (var pair in pairs)
            {
                _features.Write(claims[pair.Claim], body, x);
                examples.Add(new LinearExample((int)pair.Label, [.. x.Sparse]) { Values = [.. x.Values], Dense = (float[])x.Dense.Clone() });
            }
            if (++done % 200 == 0) log?.Info($"stance: featurized {done} of {docs.Count} articles");
        }
        return examples;
    }

    private Dictionary<string, ClaimText> Prepare(List<string> texts, IdfTable idf)
    {
        var vectors = encoder?.EncodeSentences(texts);
        var claims = new Dictionary<string, ClaimText>(StringComparer.Ordinal);
        for (int i = 0; i < texts.Count; i++) claims[texts[i]] = new ClaimText(texts[i], idf, lexicon, vectors?[i]);
        return claims;
    }

    private static IEnumerable<string> Claims(Document doc) => doc.GetLayerOrEmpty(Layers.ClaimStance).Select(c => c.Claim);
}
