using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pipeline.Analyzers.Stance.Models;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Linear;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance.Claims;

/// <summary>An article's stance toward one claim.</summary>
/// <param name="Scores">Agree, disagree, discuss, unrelated.</param>
public sealed record ClaimResult(string Claim, ClaimStanceLabel Label, double Confidence, ImmutableArray<double> Scores, ImmutableArray<TextSpan> Evidence);

/// <summary>
/// Judges an article against the run's claims and its own (metadata) claims with the
/// claim-stance model. The article is prepared once for all its claims; claims are prepared
/// (and encoded) once per run and kept in a bounded cache, since the same claims recur across
/// articles. Thread-safe.
/// </summary>
public sealed class ClaimStanceAnnotator
{
    public const int EvidenceSentences = 2;
    private const int CacheLimit = 50_000;

    private readonly StanceClassifier _model;
    private readonly IdfTable _idf;
    private readonly ITextEncoder? _encoder;
    private readonly ClaimFeatures _features;
    private readonly ImmutableArray<string> _runClaims;
    private readonly ConcurrentDictionary<string, ClaimText> _claims = new(StringComparer.Ordinal);

    /// <param name="modelFolder">The model's folder, holding its IDF table.</param>
    /// <param name="encoder">Required when the model was trained with an encoder.</param>
    public ClaimStanceAnnotator(StanceClassifier model, string modelFolder, ITextEncoder? encoder, IEnumerable<string> runClaims)
    {
        if (model.Settings.Encoder is { } needed && (encoder is null || !MiniLmEncoder.Matches(encoder.ModelId, needed)))
            throw new ArgumentException($"stance model {model.Id} needs the text encoder {needed}; {(encoder is null ? "none is available" : $"the run's encoder is {encoder.ModelId}")}");
        _model = model;
        _encoder = model.Settings.Encoder is null ? null : encoder;
        _idf = IdfTable.Load(modelFolder);
        _features = new ClaimFeatures(model.Lexicon, new FeatureHasher(model.Settings.HashBits), _encoder?.Dimension ?? 0);
        _runClaims = Clean(runClaims);
        Prepare(_runClaims);
    }

    public StanceClassifier Model => _model;

    /// <summary>The claims an article is judged against: the run's, then its own, blank ones left out (one result per claim given).</summary>
    public ImmutableArray<string> ClaimsOf(Document doc) => Clean(_runClaims.Concat(doc.Metadata.Claims));

    public List<ClaimResult> Judge(Document doc)
    {
        var claims = ClaimsOf(doc);
        var results = new List<ClaimResult>(claims.Length);
        if (claims.IsEmpty) return results;
        var body = new ClaimBody(doc, _idf, _model.Lexicon, _encoder);
        var x = new FeatureVector(_features.DenseLength);
        Span<float> p = stackalloc float[_model.Labels.Length];
        var judged = new Dictionary<string, ClaimResult>(StringComparer.Ordinal);
        foreach (var claim in Prepare(claims.Distinct(StringComparer.Ordinal).ToImmutableArray()))
        {
            var order = _features.Write(claim, body, x);
            var label = (ClaimStanceLabel)_model.Predict(x, p);
            var evidence = label == ClaimStanceLabel.Unrelated ? []
                : order.Take(EvidenceSentences).Order().Select(s => doc.Sentences[s].Span).ToImmutableArray();
            judged[claim.Text] = new ClaimResult(claim.Text, label, p[(int)label], [p[0], p[1], p[2], p[3]], evidence);
        }
        foreach (var claim in claims) results.Add(judged[claim]);
        return results;
    }

    private List<ClaimText> Prepare(ImmutableArray<string> texts)
    {
        var missing = texts.Where(t => !_claims.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            if (_claims.Count + missing.Count > CacheLimit) _claims.Clear();
            var vectors = _encoder?.EncodeSentences(missing);
            for (int i = 0; i < missing.Count; i++)
                _claims.TryAdd(missing[i], new ClaimText(missing[i], _idf, _model.Lexicon, vectors?[i]));
        }
        return texts.Select(t => _claims.TryGetValue(t, out var c) ? c
            : new ClaimText(t, _idf, _model.Lexicon, _encoder?.EncodeSentence(t))).ToList();
    }

    /// <summary>Non-blank claims, as given (a claim's text is how results are matched to it).</summary>
    private static ImmutableArray<string> Clean(IEnumerable<string> claims) =>
        claims.Where(c => !string.IsNullOrWhiteSpace(c)).ToImmutableArray();
}
