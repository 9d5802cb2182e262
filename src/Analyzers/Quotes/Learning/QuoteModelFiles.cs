using System.Globalization;
using System.Security.Cryptography;
using Pipeline.Learning;
using Pipeline.Learning.Clustering;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Linear;
using Pipeline.Learning.Neural;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// The files of a quote model folder: one linear model per tagger (cue.plm, content.plm,
/// source.plm), scored directly from their weights. The cue model's properties name the word
/// clusters the features were computed with and their hash, so a model never runs with others.
/// </summary>
internal static class QuoteModelFiles
{
    public const string DefaultName = "quotes-polnear";
    public const string Cue = "cue.plm", Content = "content.plm", Source = "source.plm";
    public const string ClustersFile = "clusters.tsv";
    public const string CueSkipWordsFile = "cue-skip-words.txt";
    private const string ClustersProperty = "clusters", ClustersHashProperty = "clusters_sha256", EncoderProperty = "encoder",
        TunedWeightProperty = "tuned_weight";

    /// <param name="resolve">Finds a model folder by name (the run's model store).</param>
    public static QuoteModel Load(string folder, Func<string, string> resolve)
    {
        var cue = LinearModel.Load(Path.Combine(folder, Cue));
        var content = LinearModel.Load(Path.Combine(folder, Content));
        var source = LinearModel.Load(Path.Combine(folder, Source));
        if (content.HashBits != cue.HashBits || source.HashBits != cue.HashBits)
            throw new InvalidModelException(folder, $"the taggers disagree on hash bits ({cue.HashBits}, {content.HashBits}, {source.HashBits})");
        WordClusters? clusters = null;
        if (cue.Properties.TryGetValue(ClustersProperty, out var name))
        {
            string file = Path.Combine(resolve(name), ClustersFile);
            string hash = Sha256(file);
            if (cue.Properties.TryGetValue(ClustersHashProperty, out var expected) && expected != hash)
                throw new InvalidModelException(folder, $"it was trained with word clusters '{name}' of hash {expected[..12]}, but {file} has hash {hash[..12]}; retrain the model");
            clusters = WordClusters.Load(file);
        }
        string skip = Path.Combine(folder, CueSkipWordsFile);
        var cueSkipWords = new HashSet32(File.Exists(skip)
            ? File.ReadLines(skip).Where(l => l.Length > 0 && l[0] != '#').Select(l => Hashing.Lower(l.Trim()))
            : []);
        string? encoder = cue.Properties.GetValueOrDefault(EncoderProperty);
        if ((encoder is null) != (cue.DenseDimension == 0))
            throw new InvalidModelException(folder, $"the cue tagger has {cue.DenseDimension} dense weights but names {(encoder is null ? "no encoder" : "encoder " + encoder)}");
        return new QuoteModel(Id(folder), cue.HashBits, new Scorer(cue, QuoteFeatures.CueSets, QuoteFeatures.CueForms),
            new Scorer(content, QuoteFeatures.ContentSets), new Scorer(source, QuoteFeatures.SourceSets), clusters, cueSkipWords, encoder,
            LoadTunedCue(folder, cue),
            LoadTunedSpan(folder, TunedSpanTagger.Content, Content, content), LoadTunedSpan(folder, TunedSpanTagger.Source, Source, source));
    }

    /// <summary>The tuned cue tagger when the folder has one, with its weight from the cue model's properties.</summary>
    private static TunedCueTagger? LoadTunedCue(string folder, LinearModel cue)
    {
        string path = Path.Combine(folder, TunedCueTagger.FileName);
        if (!File.Exists(path)) return null;
        var classifier = TunedTokenClassifier.Load(path);
        return new TunedCueTagger(classifier, EncoderBelow(path, classifier), TunedWeight(folder, Cue, cue, TunedCueTagger.DefaultWeight));
    }

    /// <summary>The encoder whose states a tuned classifier reads (one per process, shared by the tuned taggers that read it).</summary>
    private static MiniLmEncoder EncoderBelow(string path, TunedTokenClassifier classifier) =>
        MiniLmEncoder.ForModelId(classifier.InputEncoder)
            ?? throw new InvalidModelException(path, $"it reads the states of encoder {classifier.InputEncoder}, which is not a MiniLM layer");

    /// <summary>A tuned span tagger (content or source) when the folder has its file, with its weight from the properties of the linear tagger it is mixed with.</summary>
    private static TunedSpanTagger? LoadTunedSpan(string folder, TunedSpanTagger.Kind kind, string linearFile, LinearModel linear)
    {
        string path = Path.Combine(folder, kind.File);
        if (!File.Exists(path)) return null;
        var classifier = TunedTokenClassifier.Load(path);
        if (!classifier.Labels.SequenceEqual(TunedSpanTagger.Labels))
            throw new InvalidModelException(path, $"its labels are {string.Join(", ", classifier.Labels)}, not {string.Join(", ", TunedSpanTagger.Labels)}");
        return new TunedSpanTagger(classifier, EncoderBelow(path, classifier), TunedWeight(folder, linearFile, linear, kind.DefaultWeight));
    }

    /// <summary>A tuned tagger's share, from the property of the linear tagger it is mixed with (absent: the default).</summary>
    private static float TunedWeight(string folder, string file, LinearModel linear, float defaultWeight)
    {
        if (!linear.Properties.TryGetValue(TunedWeightProperty, out var w)) return defaultWeight;
        if (!float.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out float weight))
            throw new InvalidModelException(Path.Combine(folder, file), $"its {TunedWeightProperty} '{w}' is not a number");
        if (weight is not (> 0 and <= 1)) throw new InvalidModelException(Path.Combine(folder, file), $"its {TunedWeightProperty} {w} is not above 0 and at most 1");
        return weight;
    }

    /// <param name="clusters">The clusters' model name and file, when the features used them.</param>
    /// <param name="encoder">Id of the encoder whose word vectors the cue tagger reads, when it reads them.</param>
    public static void Save(string folder, LinearModel cue, LinearModel content, LinearModel source, (string Name, string File)? clusters,
        IEnumerable<string> cueSkipWords, string? encoder = null, TunedTokenClassifier? tunedCue = null, float tunedWeight = TunedCueTagger.DefaultWeight,
        TunedTokenClassifier? tunedContent = null, float tunedContentWeight = float.NaN, TunedTokenClassifier? tunedSource = null, float tunedSourceWeight = float.NaN)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, CueSkipWordsFile),
            ["# Frequent words that (almost) never opened a cue in the training data; the cue tagger skips them after an O label.", .. cueSkipWords]);
        if (clusters is { } c)
            cue = cue.WithProperties(cue.Properties.SetItem(ClustersProperty, c.Name).SetItem(ClustersHashProperty, Sha256(c.File)));
        if (encoder is not null) cue = cue.WithProperties(cue.Properties.SetItem(EncoderProperty, encoder));
        if (tunedCue is not null)
        {
            cue = cue.WithProperties(cue.Properties.SetItem(TunedWeightProperty, tunedWeight.ToString("R", CultureInfo.InvariantCulture)));
            tunedCue.Save(Path.Combine(folder, TunedCueTagger.FileName));
        }
        if (tunedContent is not null)
        {
            if (!float.IsNaN(tunedContentWeight))
                content = content.WithProperties(content.Properties.SetItem(TunedWeightProperty, tunedContentWeight.ToString("R", CultureInfo.InvariantCulture)));
            tunedContent.Save(Path.Combine(folder, TunedSpanTagger.Content.File));
        }
        if (tunedSource is not null)
        {
            if (!float.IsNaN(tunedSourceWeight))
                source = source.WithProperties(source.Properties.SetItem(TunedWeightProperty, tunedSourceWeight.ToString("R", CultureInfo.InvariantCulture)));
            tunedSource.Save(Path.Combine(folder, TunedSpanTagger.Source.File));
        }
        cue.Save(Path.Combine(folder, Cue));
        content.Save(Path.Combine(folder, Content));
        source.Save(Path.Combine(folder, Source));
    }

    /// <summary>The folder's name and the first 8 hex digits of the SHA-256 of its weight files.</summary>
    private static string Id(string folder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { Cue, Content, Source, CueSkipWordsFile, TunedCueTagger.FileName, TunedSpanTagger.Content.File, TunedSpanTagger.Source.File })
            if (File.Exists(Path.Combine(folder, file))) sha.AppendData(File.ReadAllBytes(Path.Combine(folder, file)));
        return Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))) + "@" + Convert.ToHexStringLower(sha.GetHashAndReset())[..8];
    }

    private static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>A tagger's linear model, with the tables of the closed feature sets its features use.</summary>
    private sealed class Scorer(LinearModel model, IEnumerable<ClosedFeatureSet> closedSets, FormFeatureSet? forms = null) : ITokenClassifier
    {
        private readonly ClosedSetScores _closedSets = new(model, closedSets);
        private readonly ThreadLocal<FormScores>? _forms = forms is null ? null : new(() => new FormScores(model, forms));
        private readonly MarginBound? _beginBound = model.DenseDimension == 0 ? new MarginBound(model, Bio.B, Bio.O, MarginBound.FoldBitsFor(model)) : null;
        private readonly LeadRows? _leads = LeadRows.CanHold(model) ? new LeadRows(model) : null;

        public FeatureBuffer CreateBuffer() => new(model.HashBits, _closedSets, _forms?.Value);

        public void Probabilities(FeatureBuffer features, Span<float> probabilities)
        {
            var p = probabilities[..Bio.Count];
            if (_leads is not null) _leads.Score(features.Items, p);
            else model.Score(features.Items, default, features.Dense, p);
            var closed = features.SummedScores;
            for (int c = 0; c < p.Length; c++) p[c] += closed[c];
            LinearModel.Softmax(p);
        }

        public bool CannotBegin(FeatureBuffer features, float logOdds)
        {
            if (_beginBound is null || !features.Dense.IsEmpty) return false;
            var closed = features.SummedScores;
            // A margin for the rounding of another addition order than the full score's.
            const float Slack = 1e-3f;
            return _beginBound.UpperBound(features.Items, closed[Bio.B] - closed[Bio.O]) < logOdds - Slack;
        }
    }
}
