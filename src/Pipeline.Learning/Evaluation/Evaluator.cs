using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Pipeline.Learning.Gold;
using Pipeline.Learning.Metrics;
using Pipeline.Sdk;

namespace Pipeline.Learning.Evaluation;

/// <summary>A gold set and a prediction that cannot be compared (different documents, missing gold layer).</summary>
public sealed class EvaluationException(string message) : Exception(message);

/// <summary>
/// Scores an analyzer's output against gold documents with the standard metric of each layer it
/// produces: entities → CoNLL exact-span P/R/F1; hedge cues and uncertainty → CoNLL-2010 cue and
/// sentence F1; quotes and attributions → quote measures; stance → macro-F1 and accuracy per
/// mention; claim stance → macro-F1, accuracy and (with unrelated pairs) the FNC-1 score; any
/// other labelled layer → label P/R/F1, plus macro-F1 and accuracy when gold and predicted spans
/// coincide (a sentence classifier).
/// </summary>
public static class Evaluator
{
    private const string None = "(none)";

    /// <param name="produced">The layers the analyzer produces.</param>
    /// <param name="gold">Gold documents.</param>
    /// <param name="predicted">The same documents (same texts, same order) with the analyzer's layers.</param>
    /// <exception cref="EvaluationException">The documents do not pair up, or the gold lacks a produced layer.</exception>
    public static EvaluationReport Evaluate(IEnumerable<LayerKey> produced, IReadOnlyList<Document> gold, IReadOnlyList<Document> predicted)
    {
        if (gold.Count != predicted.Count) throw new EvaluationException($"{gold.Count} gold documents but {predicted.Count} predicted");
        for (int i = 0; i < gold.Count; i++)
            if (gold[i].Text != predicted[i].Text)
                throw new EvaluationException($"document {i + 1} ({gold[i].Metadata.SourcePath ?? gold[i].Id}): predicted text differs from the gold text");

        var layers = produced.ToList();
        var tables = new List<EvaluationTable>();
        var metrics = new List<KeyValuePair<string, double>>();
        var tasks = new List<string>();
        void Add(string task, IEnumerable<EvaluationTable> t, IEnumerable<(string Name, double Value)> m, string prefix)
        {
            tasks.Add(task);
            tables.AddRange(t);
            foreach (var (name, value) in m)
                metrics.Add(new(metrics.Any(x => x.Key == name) ? $"{prefix}_{name}" : name, value));
        }

        // A produced layer is scored when the gold carries it (an analyzer may produce layers of
        // several tasks, e.g. entity and claim stance, and a gold set annotates one of them).
        bool Scored(LayerKey key) => gold.Any(d => d.HasLayer(key));
        if (layers.Contains(Layers.Entities) && Scored(Layers.Entities)) { var (t, m) = Entities(gold, predicted); Add("entities", t, m, "entities"); }
        if ((layers.Contains(Layers.HedgeCues) || layers.Contains(Layers.Uncertainty)) && Scored(Layers.HedgeCues)) { var (t, m) = Hedges(gold, predicted); Add("hedging", t, m, "hedging"); }
        if ((layers.Contains(Layers.Quotes) || layers.Contains(Layers.Attributions)) && Scored(Layers.Quotes)) { var (t, m) = Quotes(gold, predicted); Add("quotes", t, m, "quotes"); }
        if (layers.Contains(Layers.Stance) && Scored(Layers.Stance)) { var (t, m) = Stance(gold, predicted); Add("stance", t, m, "stance"); }
        if (layers.Contains(Layers.ClaimStance) && Scored(Layers.ClaimStance)) { var (t, m) = Claims(gold, predicted); Add("claims", t, m, "claims"); }
        foreach (var key in layers.Where(k => !k.IsSegmentation && !Layers.WellKnown.Contains(k) && Scored(k)))
        {
            var (t, m) = Labels(key, gold, predicted);
            Add(key.Name, t, m, key.Name);
        }
        if (tasks.Count == 0)
        {
            var annotationLayers = layers.Where(k => !k.IsSegmentation).Select(k => k.Name).ToList();
            throw new EvaluationException(annotationLayers.Count > 0
                ? $"the gold data carries none of the layers the analyzer produces ({string.Join(", ", annotationLayers)}); give a gold file annotated for one of them"
                : $"nothing to evaluate: the analyzer produces {string.Join(", ", layers.Select(l => l.Name))}, none of which has a metric");
        }
        return new EvaluationReport { Task = string.Join(" + ", tasks), Documents = gold.Count, Tables = tables, Metrics = metrics };
    }

    private static (List<EvaluationTable>, List<(string, double)>) Entities(IReadOnlyList<Document> gold, IReadOnlyList<Document> predicted)
    {
        var score = new SpanScore();
        for (int i = 0; i < gold.Count; i++)
            score.Add(gold[i].GetLayerOrEmpty(Layers.Entities).Select(e => (e.Span, e.Type)),
                      predicted[i].GetLayerOrEmpty(Layers.Entities).Select(e => (e.Span, e.Type)));
        var rows = score.ByType.Select(p => PrfRow(p.Key, p.Value)).Append(PrfRow("all (micro)", score.Micro)).ToList();
        var micro = score.Micro;
        return ([new("Entities: CoNLL exact-span match", PrfHeader, rows)], [("f1", micro.F1), ("precision", micro.Precision), ("recall", micro.Recall)]);
    }

    private static (List<EvaluationTable>, List<(string, double)>) Hedges(IReadOnlyList<Document> gold, IReadOnlyList<Document> predicted)
    {
        var score = new HedgeScore();
        for (int i = 0; i < gold.Count; i++)
        {
            var g = gold[i];
            var p = predicted[i];
            var goldCues = g.GetLayerOrEmpty(Layers.HedgeCues);
            var predictedCues = p.GetLayerOrEmpty(Layers.HedgeCues);
            score.AddCues(goldCues.Select(c => (c.Span, Name(c.Type))), predictedCues.Select(c => (c.Span, Name(c.Type))));
            // Sentences: the gold uncertainty layer when given, else the gold segmentation; a sentence is uncertain when it holds a cue.
            var predictedUncertain = new Dictionary<TextSpan, bool>();
            foreach (var u in p.GetLayerOrEmpty(Layers.Uncertainty)) predictedUncertain.TryAdd(u.Span, u.Uncertain);
            var sentences = g.HasLayer(Layers.Uncertainty)
                ? g.GetLayer(Layers.Uncertainty).Select(u => (u.Span, u.Uncertain))
                : g.Sentences.Select(s => (s.Span, goldCues.Any(c => s.Span.Contains(c.Span))));
            foreach (var (span, uncertain) in sentences)
            {
                bool predictedValue = predictedUncertain.TryGetValue(span, out bool u) ? u : predictedCues.Any(c => span.Contains(c.Span));
                score.AddSentence(uncertain, predictedValue);
            }
        }
        var cueRows = score.CuesByType.ByType.Select(p => PrfRow(p.Key + " (type must match)", p.Value)).Prepend(PrfRow("cues (span match)", score.Cues)).ToList();
        return ([new("Hedge cues: exact span match", PrfHeader, cueRows),
                 new("Sentences: uncertain class (CoNLL-2010)", PrfHeader, [PrfRow("uncertain", score.Sentences)])],
                [("cue_f1", score.Cues.F1), ("sentence_f1", score.Sentences.F1),
                 ("cue_precision", score.Cues.Precision), ("cue_recall", score.Cues.Recall),
                 ("sentence_precision", score.Sentences.Precision), ("sentence_recall", score.Sentences.Recall)]);
    }

    private static (List<EvaluationTable>, List<(string, double)>) Quotes(IReadOnlyList<Document> gold, IReadOnlyList<Document> predicted)
    {
        var score = new QuoteScore();
        for (int i = 0; i < gold.Count; i++)
            score.Add(gold[i], Attributed(gold[i]), Attributed(predicted[i]));
        var rows = new List<IReadOnlyList<string>>
        {
            PrfRow("content (exact)", score.ContentExact), PrfRow("content (token overlap)", score.ContentOverlap),
            PrfRow("cue", score.Cue), PrfRow("source", score.Source),
        };
        return ([new("Quotes", PrfHeader, rows),
                 new("Speakers of direct quotes", ["", "gold quotes", "correct", "accuracy"],
                     [["speaker", score.DirectQuotesWithSource.ToString(), score.SpeakersCorrect.ToString(), EvaluationReport.Format(score.SpeakerAccuracy)]])],
                [("content_f1", score.ContentExact.F1), ("content_overlap_f1", score.ContentOverlap.F1), ("source_f1", score.Source.F1),
                 ("cue_f1", score.Cue.F1), ("speaker_accuracy", score.SpeakerAccuracy)]);
    }

    /// <summary>Each quote with its written source (null when the speaker is not written: carried over or guessed).</summary>
    internal static List<QuoteScore.AttributedQuote> Attributed(Document doc)
    {
        var attributions = doc.GetLayerOrEmpty(Layers.Attributions).GroupBy(a => a.QuoteId).ToDictionary(g => g.Key, g => g.First());
        return doc.GetLayerOrEmpty(Layers.Quotes).Select(q =>
        {
            return new QuoteScore.AttributedQuote(q, AttributionRelations.WrittenSource(q, attributions.GetValueOrDefault(q.Id)));
        }).ToList();
    }

    private static (List<EvaluationTable>, List<(string, double)>) Stance(IReadOnlyList<Document> gold, IReadOnlyList<Document> predicted)
    {
        string[] classes = ["negative", "neutral", "positive"];
        var score = new ClassificationScore(classes);
        for (int i = 0; i < gold.Count; i++)
        {
            var g = gold[i];
            var p = predicted[i];
            // Mentions are matched by span: the prediction may carry its own entity layer with other ids.
            var byMention = new Dictionary<TextSpan, string>();
            foreach (var s in p.GetLayerOrEmpty(Layers.Stance).Where(s => s.Scope == StanceScope.Mention))
                if (MentionSpan(s, p, g) is { } span) byMention.TryAdd(span, Name(s.Label));
            foreach (var s in g.GetLayerOrEmpty(Layers.Stance).Where(s => s.Scope == StanceScope.Mention))
            {
                var span = MentionSpan(s, g, g) ?? throw new EvaluationException($"{g.Metadata.SourcePath ?? g.Id}: gold stance {s.Id} names no mention");
                score.Add(Name(s.Label), byMention.GetValueOrDefault(span, None));
            }
        }
        return ClassificationResult("Stance per mention", score, fnc: null);
    }

    private static TextSpan? MentionSpan(EntityStance stance, Document doc, Document fallback)
    {
        if (stance.MentionId is null) return null;
        var mention = doc.GetLayerOrEmpty(Layers.Entities).FirstOrDefault(e => e.Id == stance.MentionId)
                      ?? fallback.GetLayerOrEmpty(Layers.Entities).FirstOrDefault(e => e.Id == stance.MentionId);
        return mention?.Span;
    }

    private static (List<EvaluationTable>, List<(string, double)>) Claims(IReadOnlyList<Document> gold, IReadOnlyList<Document> predicted)
    {
        bool withUnrelated = gold.Any(d => d.GetLayerOrEmpty(Layers.ClaimStance).Any(c => c.Label == ClaimStanceLabel.Unrelated));
        string[] classes = withUnrelated ? ["agree", "disagree", "discuss", "unrelated"] : ["agree", "disagree", "discuss"];
        var score = new ClassificationScore(classes);
        var fnc = withUnrelated ? new FncScore() : null;
        for (int i = 0; i < gold.Count; i++)
        {
            // Claims are matched by text, in order when a claim repeats.
            var pending = predicted[i].GetLayerOrEmpty(Layers.ClaimStance).GroupBy(c => c.Claim).ToDictionary(g => g.Key, g => new Queue<ClaimStance>(g));
            foreach (var c in gold[i].GetLayerOrEmpty(Layers.ClaimStance))
            {
                ClaimStanceLabel? label = pending.TryGetValue(c.Claim, out var queue) && queue.Count > 0 ? queue.Dequeue().Label : null;
                score.Add(Name(c.Label), label is { } l ? Name(l) : None);
                fnc?.Add(c.Label, label);
            }
        }
        return ClassificationResult("Claim stance", score, fnc);
    }

    private static (List<EvaluationTable>, List<(string, double)>) ClassificationResult(string title, ClassificationScore score, FncScore? fnc)
    {
        var rows = score.Classes.Select(c => PrfRow(c, score.ForClass(c))).ToList();
        var confusionRows = score.Classes.Select(g =>
            (IReadOnlyList<string>)[g, .. score.Classes.Append(None).Select(p => score.Count(g, p).ToString())]).ToList();
        var tables = new List<EvaluationTable>
        {
            new($"{title}: {score.Total} items, accuracy {EvaluationReport.Format(score.Accuracy)}, macro-F1 {EvaluationReport.Format(score.MacroF1)}", PrfHeader, rows),
            new("Confusion (rows gold, columns predicted)", ["gold \\ predicted", .. score.Classes, None], confusionRows),
        };
        var metrics = new List<(string, double)> { ("macro_f1", score.MacroF1), ("accuracy", score.Accuracy) };
        if (fnc is not null)
        {
            tables.Add(new("FNC-1 weighted score", ["", "score", "best possible", "relative"],
                [["fnc", fnc.Score.ToString("F2", CultureInfo.InvariantCulture), fnc.MaxScore.ToString("F2", CultureInfo.InvariantCulture), $"{fnc.Relative * 100:F2}%"]]));
            metrics.Add(("fnc_score", fnc.Relative));
        }
        return (tables, metrics);
    }

    private static (List<EvaluationTable>, List<(string, double)>) Labels(LayerKey key, IReadOnlyList<Document> gold, IReadOnlyList<Document> predicted)
    {
        var spans = new SpanScore();
        var pairs = new List<(string Gold, string Predicted)>();
        bool aligned = true;
        for (int i = 0; i < gold.Count; i++)
        {
            var g = Labelled(gold[i], key);
            var p = Labelled(predicted[i], key);
            spans.Add(g, p);
            var byspan = p.GroupBy(x => x.Span).ToDictionary(x => x.Key, x => x.First().Label);
            aligned &= g.Select(x => x.Span).ToHashSet().SetEquals(byspan.Keys);
            pairs.AddRange(g.Select(x => (x.Label, byspan.GetValueOrDefault(x.Span, None))));
        }
        var rows = spans.ByType.Select(p => PrfRow(p.Key, p.Value)).Append(PrfRow("all (micro)", spans.Micro)).ToList();
        var tables = new List<EvaluationTable> { new($"Layer \"{key.Name}\": exact span and label match", PrfHeader, rows) };
        var metrics = new List<(string, double)> { ("f1", spans.Micro.F1), ("precision", spans.Micro.Precision), ("recall", spans.Micro.Recall) };
        if (aligned && pairs.Count > 0)
        {
            // Gold and predicted spans coincide (a classifier of given spans): score the labels as classes.
            var score = new ClassificationScore(pairs.Select(x => x.Gold).Distinct().Order(StringComparer.Ordinal).ToList());
            foreach (var (g, p) in pairs) score.Add(g, p);
            var (t, m) = ClassificationResult($"Layer \"{key.Name}\" as a classifier", score, fnc: null);
            tables.AddRange(t);
            metrics.AddRange(m);
        }
        return (tables, metrics);
    }

    private static readonly ConcurrentDictionary<Type, PropertyInfo?> LabelProperties = new();

    /// <summary>(span, label) of a layer's items: LabeledSpan's Label, or a plugin payload's public string Label property.</summary>
    private static List<(TextSpan Span, string Label)> Labelled(Document doc, LayerKey key) =>
        doc.GetAnnotations(key).Select(a => (a.Span, a is LabeledSpan l ? l.Label
            : LabelProperties.GetOrAdd(a.GetType(), t => t.GetProperty("Label", typeof(string)))?.GetValue(a) as string
              ?? throw new EvaluationException($"layer \"{key.Name}\" items ({a.GetType().Name}) have no string Label to score"))).ToList();

    private static readonly string[] PrfHeader = ["", "gold", "predicted", "correct", "precision", "recall", "F1"];

    private static IReadOnlyList<string> PrfRow(string name, PrfCounts c) =>
        [name, Count(c.Gold), Count(c.Predicted), Count(c.TruePositives),
         EvaluationReport.Format(c.Precision), EvaluationReport.Format(c.Recall), EvaluationReport.Format(c.F1)];

    private static string Count(double n) => n == Math.Floor(n) ? ((long)n).ToString(CultureInfo.InvariantCulture) : n.ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>An enum value as the scores and reports spell it ("epistemic", "negative").</summary>
    internal static string Name<T>(T value) where T : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }
}
