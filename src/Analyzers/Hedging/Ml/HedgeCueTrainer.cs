using System.Collections.Immutable;
using System.Globalization;
using Pipeline.Analyzers.Hedging.Lexicon;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Gold;
using Pipeline.Learning.Linear;
using Pipeline.Learning.Training;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging.Ml;

/// <summary>
/// Trains the cue tagger (`pipeline train hedging`): per-token labels O or a cue type from the gold
/// hedge layer, a multiclass logistic regression (ML.NET L-BFGS maximum entropy through
/// <see cref="LinearTrainer"/>) over hashed features, then the cue threshold tuned for cue F1 on the
/// dev documents, unless given (cueThreshold: e.g. one chosen by cross-validation on other documents).
/// Options: lexicon (folder, default models/hedging-lexicon), hashBits (20), l1 (0.5), l2 (0.5),
/// iterations (200), ambiguousMinCount (5), scheme ("szeged", or "conll2010": the CoNLL-2010
/// speculation scheme, which has no investigation cues besides the interrogative "whether" and
/// "if" and no condition cues besides modal auxiliaries; gold cues outside it are relabelled O),
/// excludeSentencesOf (a JSON Lines file with "text" fields, e.g. an evaluation set: training
/// sentences equal to one of them, compared on lower-cased letters and digits, are left out),
/// cueThreshold (fixed; the dev documents are then only scored), refit (with cueThreshold: train
/// on the train and dev documents together, once the settings have been chosen elsewhere),
/// encoderLayers (the encoder tier: the MiniLM layers, e.g. 2,3,4, whose averaged state each
/// candidate cue token, one with an ambiguous cue stem, reads as a dense part; none by default),
/// encoderScale (multiplies those states, 1 by default), members (trained taggers to combine instead
/// of training one: "name:weight,name,...", folders next to the output folder).
/// </summary>
public sealed class HedgeCueTrainer : AnalyzerTrainer
{
    public override string Task => "hedge-cues";
    public override ImmutableArray<LayerKey> GoldLayers => [Layers.HedgeCues];

    public override TrainingResult Train(TrainingContext context)
    {
        if (context.Options.GetString(EnsembleList.MembersOption) is { Length: > 0 } members) return WriteEnsemble(members, context);
        var o = context.Options;
        var lexiconFolder = o.GetString("lexicon", Path.Combine("models", HedgingOptions.DefaultLexicon));
        var lexicon = HedgeLexicon.Load(lexiconFolder);
        int hashBits = o.GetInt("hashBits", 20);
        if (hashBits is < 10 or > 24) throw new ArgumentException($"hashBits must be between 10 and 24, not {hashBits}");

        double? givenThreshold = o.Contains("cueThreshold") ? o.GetDouble("cueThreshold", double.NaN) : null;
        if (givenThreshold is { } g && !(g > 0 && g < 1)) throw new ArgumentException($"hedging: option cueThreshold must be between 0 and 1, not {givenThreshold}");
        bool refit = o.GetBool("refit", false);
        if (refit && givenThreshold is null) throw new ArgumentException("hedging: option refit needs cueThreshold: the dev documents are trained on, so they cannot choose it");

        var scheme = CueScheme.Parse(o.GetString("scheme", CueScheme.Szeged));
        var devDocs = context.Dev.Select(scheme.Apply).ToList();
        var train = context.Train.Select(scheme.Apply).Concat(refit ? devDocs : []).ToList();
        var excluded = SentenceSet.Load(o.GetString("excludeSentencesOf"));
        var labels = LabelsOf(train);
        var ambiguous = AmbiguousStems(train, lexicon, excluded, o.GetInt("ambiguousMinCount", 5));
        var features = new CueFeatures(hashBits, ambiguous);
        var encoder = o.GetString("encoderLayers") is { Length: > 0 } layers
            ? context.GetEncoder(MiniLmEncoder.ModelIdFor(MiniLmEncoder.ParseLayers(layers))) : null;
        float encoderScale = (float)o.GetDouble("encoderScale", 1);
        var contextEncoder = encoder is null ? null : new CueContextEncoder(encoder, features, encoder.ModelId, encoder.Dimension, encoderScale);
        context.Log?.Info($"hedging: {train.Count} training documents ({scheme.Name} scheme{(refit ? ", dev documents included: the dev figures below are not held out" : "")}), labels {string.Join(",", labels)}, {ambiguous.Count} ambiguous cue stems");

        int skipped = 0;
        var examples = Examples(train, lexicon, features, contextEncoder, labels, excluded, () => skipped++, context.Log).ToList();
        if (excluded.Count > 0) context.Log?.Info($"hedging: left out {skipped} training sentences found in {o.GetString("excludeSentencesOf")}");
        var trainerOptions = new LinearTrainerOptions
        {
            HashBits = hashBits,
            DenseDimension = contextEncoder?.Dimension ?? 0,
            L1 = (float)o.GetDouble("l1", 0.5),
            L2 = (float)o.GetDouble("l2", 0.5),
            MaxIterations = o.GetInt("iterations", 200),
            Seed = context.Seed,
            Log = context.Log,
        };
        var properties = new Dictionary<string, string>
        {
            [CueTaggerModel.AmbiguousProperty] = string.Join(' ', ambiguous.Order(StringComparer.Ordinal)),
            [CueTaggerModel.ThresholdProperty] = "0.50",
            ["scheme"] = scheme.Name,
        };
        if (encoder is not null)
        {
            properties[CueTaggerModel.EncoderProperty] = encoder.ModelId;
            properties[CueTaggerModel.EncoderScaleProperty] = encoderScale.ToString(CultureInfo.InvariantCulture);
        }
        var linear = LinearTrainer.Train(examples, labels, trainerOptions, context.CancellationToken).WithProperties(properties);
        var model = new CueTaggerModel(linear, lexicon, "hedging-ml@training");
        var (threshold, dev) = TuneThreshold(model, encoder, devDocs, excluded, context.Log);
        if (givenThreshold is { } t)
            (threshold, dev) = (t, CueScore.Measure(model.WithThreshold(t).CreateDetector(LexiconFill.None, encoder), devDocs, excluded));
        model = model.WithThreshold(threshold);
        model.Save(context.OutputDirectory);
        context.Log?.Info($"hedging: cue threshold {threshold:0.00} ({(givenThreshold is null ? "tuned for dev cue F1" : "given")}), dev cue F1 {dev.CueF1:0.000}, sentence F1 {dev.SentenceF1:0.000}");

        return new TrainingResult
        {
            Labels = [.. labels],
            Features = trainerOptions.Describe()
                .Add("templates", "word,lower,stem,shape,suffix3,window±2,bigrams,trigram,lexicon tags,ambiguous-cue conjunctions")
                .Add("ambiguous_stems", linear.Properties[CueTaggerModel.AmbiguousProperty])
                .Add("cue_threshold", threshold.ToString("0.00", CultureInfo.InvariantCulture))
                .Add("threshold_source", givenThreshold is null ? "tuned on dev for cue F1" : "given")
                .Add("refit", refit ? "true" : "false")
                .Add("encoder", encoder?.ModelId ?? "none"),
            Metrics = ImmutableDictionary<string, double>.Empty
                .Add("dev_cue_f1", dev.CueF1).Add("dev_sentence_f1", dev.SentenceF1),
        };
    }

    /// <summary>
    /// Combines trained taggers (folders next to the output folder) into an ensemble whose token
    /// probabilities are averaged with the given weights, decided at the cueThreshold option when
    /// given (written into the list) or else the first member's threshold; the training documents
    /// are not read. The runner scores it on dev like any model.
    /// </summary>
    private static TrainingResult WriteEnsemble(string members, TrainingContext context)
    {
        var o = context.Options;
        double? threshold = o.Contains("cueThreshold") ? o.GetDouble("cueThreshold", double.NaN) : null;
        if (threshold is { } g && !(g > 0 && g < 1)) throw new ArgumentException($"hedging: option cueThreshold must be between 0 and 1, not {threshold}");
        EnsembleList.Write(context.OutputDirectory, EnsembleList.ParseOption(members), threshold);
        ICueDetector detector;
        try { detector = HedgeDetectors.LoadModel(context.OutputDirectory, new HedgingOptions()); }
        catch
        {
            // A list whose members do not load together is not a model: leave no half-made folder behind.
            File.Delete(Path.Combine(context.OutputDirectory, EnsembleList.FileName));
            throw;
        }
        var first = CueTaggerModel.Load(EnsembleList.Read(context.OutputDirectory)![0].Model);
        double decidedAt = threshold ?? first.CueThreshold;
        context.Log?.Info($"hedging: wrote {detector.ModelId}, an ensemble of {members}, decided at threshold {decidedAt:0.00}");
        return new TrainingResult
        {
            Labels = [.. first.Linear.Labels],
            Features = ImmutableDictionary<string, string>.Empty
                .Add("members", members)
                .Add("cue_threshold", decidedAt.ToString("0.00", CultureInfo.InvariantCulture)),
        };
    }

    /// <summary>"O" then the cue types present in the gold data, in enum order.</summary>
    private static string[] LabelsOf(IReadOnlyList<Document> docs)
    {
        var types = docs.SelectMany(d => d.GetLayerOrEmpty(Layers.HedgeCues)).Select(c => c.Type).ToHashSet();
        if (types.Count == 0) throw new InvalidDataException("the training documents carry no hedge cues");
        return ["O", .. Enum.GetValues<HedgeType>().Where(types.Contains).Select(t => t.ToString().ToLowerInvariant())];
    }

    /// <summary>Per token of every sentence: the label (0 = O) and the feature indices.</summary>
    /// <summary>Per token of every sentence: the label (0 = O), the feature indices and, with an encoder, the dense part (zero but for candidate cue tokens).</summary>
    private static IEnumerable<LinearExample> Examples(IReadOnlyList<Document> docs, HedgeLexicon lexicon, CueFeatures features,
        CueContextEncoder? contextEncoder, string[] labels, SentenceSet excluded, Action onExcluded, IRunLog? log)
    {
        var buffer = new int[CueFeatures.MaxPerToken];
        var zero = contextEncoder is null ? null : new float[contextEncoder.Dimension];
        int encoded = 0;
        foreach (var doc in docs)
        {
            var table = new TokenTable(doc, lexicon);
            var gold = GoldLabels(doc, labels);
            foreach (var sentence in doc.Sentences)
            {
                if (excluded.Contains(doc.GetText(sentence.Span))) { onExcluded(); continue; }
                var vectors = contextEncoder?.Encode(table, sentence);
                if (vectors is not null && ++encoded % 2000 == 0) log?.Info($"hedging: encoded {encoded} sentences with candidate cue tokens");
                for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
                {
                    int n = features.Extract(table, sentence, i, buffer);
                    var dense = vectors is not null && features.IsCandidate(table, i) ? vectors[i - sentence.FirstToken] : zero;
                    yield return new LinearExample(gold[i], buffer.AsSpan(0, n).ToArray()) { Dense = dense };
                }
            }
        }
    }

    /// <summary>Each token's label: the type of the gold cue overlapping it, else 0.</summary>
    public static int[] GoldLabels(Document doc, string[] labels)
    {
        var result = new int[doc.Tokens.Length];
        foreach (var cue in doc.GetLayerOrEmpty(Layers.HedgeCues))
        {
            int label = Array.IndexOf(labels, cue.Type.ToString().ToLowerInvariant());
            if (label < 0) continue;
            for (int i = doc.TokenAt(cue.Span.Start); i < result.Length && doc.Tokens[i].Span.Start < cue.Span.End; i++)
                result[i] = label;
        }
        return result;
    }

    /// <summary>Stems that are cues at least <paramref name="minCount"/> times but not always: they get their own conjunctions.</summary>
    private static HashSet<string> AmbiguousStems(IReadOnlyList<Document> docs, HedgeLexicon lexicon, SentenceSet excluded, int minCount)
    {
        var asCue = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            var table = new TokenTable(doc, lexicon);
            var isCue = new bool[doc.Tokens.Length];
            foreach (var cue in doc.GetLayerOrEmpty(Layers.HedgeCues))
                for (int i = doc.TokenAt(cue.Span.Start); i < isCue.Length && doc.Tokens[i].Span.Start < cue.Span.End; i++)
                    isCue[i] = true;
            foreach (var sentence in doc.Sentences)
            {
                if (excluded.Contains(doc.GetText(sentence.Span))) continue;
                for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
                {
                    var stem = table.Stem(i).ToString();
                    total[stem] = total.GetValueOrDefault(stem) + 1;
                    if (isCue[i]) asCue[stem] = asCue.GetValueOrDefault(stem) + 1;
                }
            }
        }
        return asCue.Where(p => p.Value >= minCount && p.Value < 0.95 * total[p.Key]).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The cue threshold with the best dev cue F1 (0.5 when there are no dev documents); logs the dev scores of each threshold tried.</summary>
    private static (double Threshold, CueScore Score) TuneThreshold(CueTaggerModel model, ITextEncoder? encoder, IReadOnlyList<Document> dev, SentenceSet excluded, IRunLog? log)
    {
        if (dev.Count == 0) return (0.5, new CueScore(0, 0));
        var best = (Threshold: 0.5, Score: CueScore.Measure(model.CreateDetector(LexiconFill.None, encoder), dev, excluded));
        for (double t = 0.2; t <= 0.8 + 1e-9; t += 0.05)
        {
            var score = CueScore.Measure(model.WithThreshold(t).CreateDetector(LexiconFill.None, encoder), dev, excluded);
            log?.Info($"hedging: dev at cue threshold {t:0.00}: cue F1 {score.CueF1:0.000}, sentence F1 {score.SentenceF1:0.000}");
            if (score.CueF1 > best.Score.CueF1) best = (t, score);
        }
        return best;
    }
}

/// <summary>
/// Sentences to keep out of training, compared on their lower-cased letters and digits, with the
/// PTB bracket tokens of tokenised corpora ("-LRB-") read as the brackets they stand for. Two
/// corpora may split the same text into sentences differently, so a sentence also matches when it
/// lies inside one of the set's sentences or holds one whole, if the part shared is at least
/// <see cref="MinPartLength"/> letters and digits long (a heading such as "Abstract" matches only
/// itself).
/// </summary>
public sealed class SentenceSet
{
    /// <summary>The shortest key matched inside another: long enough that a match is the same text.</summary>
    public const int MinPartLength = 20;

    private readonly HashSet<string> _keys;
    // Every long key joined with a separator (to find a sentence inside one), and the long keys by
    // their first MinPartLength characters (to find one inside a sentence).
    private readonly string _joined;
    private readonly Dictionary<string, List<string>>.AlternateLookup<ReadOnlySpan<char>> _byOpening;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _windows;

    private SentenceSet(HashSet<string> keys)
    {
        _keys = keys;
        var longKeys = keys.Where(k => k.Length >= MinPartLength).ToList();
        _joined = string.Join('|', longKeys);
        var byOpening = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var windows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in longKeys)
        {
            var opening = key[..MinPartLength];
            if (!byOpening.TryGetValue(opening, out var list)) byOpening[opening] = list = [];
            list.Add(key);
            for (int i = 0; i + MinPartLength <= key.Length; i++) windows.Add(key.Substring(i, MinPartLength));
        }
        _byOpening = byOpening.GetAlternateLookup<ReadOnlySpan<char>>();
        _windows = windows.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _keys.Count;

    /// <summary>The "text" of every line of a JSON Lines file; empty for no file.</summary>
    /// <exception cref="InvalidDataException">A line is not JSON with a "text" string; the message names file and line.</exception>
    public static SentenceSet Load(string? path)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (path is null) return new SentenceSet(keys);
        int line = 0;
        foreach (var json in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(json)) continue;
            try
            {
                using var record = System.Text.Json.JsonDocument.Parse(json);
                if (record.RootElement.TryGetProperty("text", out var text) && text.GetString() is { } s) keys.Add(Key(s));
                else throw new InvalidDataException($"{path}:{line}: no \"text\" field");
            }
            catch (System.Text.Json.JsonException e) { throw new InvalidDataException($"{path}:{line}: {e.Message}"); }
        }
        return new SentenceSet(keys);
    }

    /// <summary>Whether the sentence is one of the set's, lies inside one, or holds one whole.</summary>
    public bool Contains(ReadOnlySpan<char> sentence)
    {
        if (_keys.Count == 0) return false;
        var key = Key(sentence.ToString());
        if (_keys.Contains(key)) return true;
        if (key.Length < MinPartLength) return false;
        return LiesInsideOne(key) || HoldsOne(key);
    }

    private bool LiesInsideOne(string key) =>
        _windows.Contains(key.AsSpan(0, MinPartLength)) && _windows.Contains(key.AsSpan(key.Length - MinPartLength))
        && _joined.Contains(key, StringComparison.Ordinal);

    private bool HoldsOne(string key)
    {
        for (int i = 0; i + MinPartLength <= key.Length; i++)
            if (_byOpening.TryGetValue(key.AsSpan(i, MinPartLength), out var candidates))
                foreach (var candidate in candidates)
                    if (key.AsSpan(i).StartsWith(candidate, StringComparison.Ordinal)) return true;
        return false;
    }

    public static string Key(string text)
    {
        text = PtbBrackets.Restore(text).Text;
        var key = new System.Text.StringBuilder(text.Length);
        foreach (var c in text) if (char.IsLetterOrDigit(c)) key.Append(char.ToLowerInvariant(c));
        return key.ToString();
    }
}

/// <summary>Which gold cues a model learns: all Szeged types, or the CoNLL-2010 speculation cues.</summary>
public sealed record CueScheme(string Name)
{
    public const string Szeged = "szeged";
    public const string Conll2010 = "conll2010";

    public static CueScheme Parse(string name) => name.ToLowerInvariant() switch
    {
        Szeged => new(Szeged),
        Conll2010 => new(Conll2010),
        _ => throw new ArgumentException($"hedging: scheme must be \"{Szeged}\" or \"{Conll2010}\", not \"{name}\""),
    };

    /// <summary>The document with the gold cues outside the scheme removed.</summary>
    public Document Apply(Document doc)
    {
        if (Name == Szeged) return doc;
        var cues = doc.GetLayerOrEmpty(Layers.HedgeCues);
        var kept = cues.RemoveAll(c => !InConll2010(doc, c));
        return kept.Length == cues.Length ? doc : doc.WithLayer(Layers.HedgeCues, kept);
    }

    // BioScope, the CoNLL-2010 source, counts modal auxiliaries among its speculation cues, so
    // Szeged's conditional "would"/"should"/"could" stay cues while "if", "unless", "until" do not.
    private static bool InConll2010(Document doc, HedgeCue cue) => cue.Type switch
    {
        HedgeType.Condition => doc.GetString(cue.Span).ToLowerInvariant() is "would" or "should" or "could" or "might" or "may" or "can",
        HedgeType.Investigation => doc.GetString(cue.Span).ToLowerInvariant() is "whether" or "if",
        _ => true,
    };
}

/// <summary>
/// Exact-span cue F1 and uncertain-sentence F1 of a detector's
/// non-weasel cues, used to tune the cue threshold: the training corpora carry no weasel labels.
/// </summary>
public readonly record struct CueScore(double CueF1, double SentenceF1)
{
    /// <param name="excluded">Sentences not scored (left out of training and tuning alike).</param>
    public static CueScore Measure(ICueDetector detector, IReadOnlyList<Document> gold, SentenceSet? excluded = null)
    {
        int tp = 0, fp = 0, fn = 0, stp = 0, sfp = 0, sfn = 0;
        var cues = new List<CueSpan>();
        foreach (var doc in gold)
        {
            cues.Clear();
            detector.Detect(doc, cues);
            var skipped = doc.Sentences.Where(s => excluded?.Contains(doc.GetText(s.Span)) == true).Select(s => s.Span).ToList();
            bool Scored(TextSpan span) => !skipped.Any(s => s.OverlapsWith(span));
            var predicted = cues.Where(c => c.Type != HedgeType.Weasel)
                .Select(c => TextSpan.FromBounds(doc.Tokens[c.First].Span.Start, doc.Tokens[c.End - 1].Span.End)).Where(Scored).ToHashSet();
            var expected = doc.GetLayerOrEmpty(Layers.HedgeCues).Select(c => c.Span).Where(Scored).ToHashSet();
            tp += predicted.Count(expected.Contains);
            fp += predicted.Count(p => !expected.Contains(p));
            fn += expected.Count(e => !predicted.Contains(e));
            foreach (var sentence in doc.Sentences)
            {
                if (!Scored(sentence.Span)) continue;
                bool p = predicted.Any(c => sentence.Span.Contains(c)), e = expected.Any(c => sentence.Span.OverlapsWith(c));
                if (p && e) stp++; else if (p) sfp++; else if (e) sfn++;
            }
        }
        return new CueScore(F1(tp, fp, fn), F1(stp, sfp, sfn));
    }

    private static double F1(int tp, int fp, int fn) => tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
}
