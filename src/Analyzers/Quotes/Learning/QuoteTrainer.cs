using System.Collections.Immutable;
using System.Globalization;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Lexicon;
using Pipeline.Learning.Clustering;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Gold;
using Pipeline.Learning.Training;
using Pipeline.Learning.Linear;
using Pipeline.Learning.Neural;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// Trains the three taggers of quote extraction (`pipeline train quotes`) from documents carrying
/// gold quotes (content and cue) and attributions (source): ML.NET maximum entropy over hashed
/// features, weights written for direct scoring.
/// Options: lexicon (default quotes-lexicon), clusters (word clusters for the features, default
/// word-clusters; "none" for none), bits (20), algorithm (lbfgs | sdca), l1 (0.5), l2 (0.5),
/// iterations (100), skipMinCount (20) and skipMaxRate (0.002): words seen at least skipMinCount times
/// that open a cue at most at that rate are skipped by the cue tagger; encoderLayers (none): the
/// MiniLM layers (e.g. 2,3,4) whose averaged word vectors the cue tagger also reads (the encoder
/// tier: more accurate, far slower); encoder (all-MiniLM-L6-v2): the checkpoint those layers are of;
/// tune (false): also fine-tune the checkpoint's last layers as a second cue tagger (<see cref="TunedCueTagger"/>),
/// with tuneEpochs (4), tuneRate (2e-4), tuneBatch (8), tuneDecay, tuneDropout (<see cref="TuningOptions"/>), tuneLayers (how
/// many of the checkpoint's last layers are tuned, 2), tunedWeight
/// (its share of the cue probabilities, 0.5) and tuneSnapshots (a folder for each epoch's tagger);
/// tuneContent and tuneSource (false): also fine-tune them, with the same settings, as a second content or
/// source tagger (<see cref="TunedSpanTagger"/>: P(inside a content or source) for every token), with
/// tunedContentWeight and tunedSourceWeight (their shares when given; else the model takes <see cref="TunedSpanTagger.Kind.DefaultWeight"/>);
/// with tune=false only those are tuned;
/// cueSilver (none): a file of documents whose quotes another model found (`pipeline run` output
/// of the accurate tier, annotations.jsonl), whose cues train the cue tagger alongside the gold
/// ones; their contents and sources train nothing.
/// </summary>
internal sealed class QuoteTrainer : AnalyzerTrainer
{
    public override string Task => "quote-attribution";
    public override ImmutableArray<LayerKey> GoldLayers => [Layers.Quotes, Layers.Attributions];

    public override TrainingResult Train(TrainingContext context)
    {
        var o = context.Options;
        var lexicon = QuotesLexicon.Load(Resolve(context, o.GetString("lexicon", QuotesLexicon.DefaultName)));
        string clustersOption = o.GetString("clusters", "word-clusters");
        string? clustersFolder = clustersOption == "none" ? null : Resolve(context, clustersOption);
        (string Name, string File)? clusters = clustersFolder is null ? null
            : (Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(clustersFolder))), Path.Combine(clustersFolder, QuoteModelFiles.ClustersFile));
        var wordClusters = clusters is { } c ? WordClusters.Load(c.File) : null;
        int bits = o.GetInt("bits", 20);
        var encoder = o.GetString("encoderLayers") is { Length: > 0 } layers
            ? context.GetEncoder(MiniLmEncoder.ModelIdFor(MiniLmCheckpoint.FromOption(o.GetString("encoder")), MiniLmEncoder.ParseLayers(layers)))
            : null;
        bool tuneCue = o.GetBool("tune", false), tuneContent = o.GetBool("tuneContent", false), tuneSource = o.GetBool("tuneSource", false);
        var tuning = tuneCue || tuneContent || tuneSource ? TuningOptions.From(o, "quotes", DefaultTuning) with { Seed = context.Seed } : null;
        float tunedWeight = (float)o.GetDouble("tunedWeight", TunedCueTagger.DefaultWeight);
        if (tunedWeight is not (> 0 and <= 1)) throw new ArgumentException("quotes: option tunedWeight is the tuned cue tagger's share, above 0 and at most 1");
        float tunedContentWeight = SpanWeight(o, "tunedContentWeight", TunedSpanTagger.Content), tunedSourceWeight = SpanWeight(o, "tunedSourceWeight", TunedSpanTagger.Source);
        int tunedLayers = o.GetInt("tuneLayers", DefaultTunedLayers);
        if (tunedLayers is < 1 or > TunedEncoderLayer.Index + 1) throw new ArgumentException($"quotes: option tuneLayers is from 1 to {TunedEncoderLayer.Index + 1}");
        var examples = new QuoteExamples(bits);
        var views = new List<TokenView>();
        foreach (var doc in context.Train)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var view = new TokenView(doc, lexicon, wordClusters, encoder is null ? null : QuoteDetector.WordVectors(encoder, doc));
            examples.Add(view, GoldQuote.From(doc));
            if (tuning is not null) views.Add(view);
        }
        int silverDocuments = 0;
        string? silverPath = o.GetString("cueSilver") is { Length: > 0 } given ? given : null;
        if (silverPath is not null)
            foreach (var doc in GoldFormats.Resolve(silverPath).Read(silverPath, GoldReadOptions.Default, e => context.Log?.Warning(e)))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var view = new TokenView(doc, lexicon, wordClusters, encoder is null ? null : QuoteDetector.WordVectors(encoder, doc));
                examples.AddCues(view, GoldQuote.From(doc));
                silverDocuments++;
            }
        context.Log?.Info($"quotes: {examples.Cue.Count} cue, {examples.Content.Count} content and {examples.Source.Count} source examples from {context.Train.Count} documents"
            + (silverDocuments > 0 ? $" and the cues of {silverDocuments} silver documents" : ""));

        var options = new LinearTrainerOptions
        {
            Algorithm = Enum.Parse<LinearAlgorithm>(o.GetString("algorithm", "lbfgs"), ignoreCase: true),
            HashBits = bits,
            L1 = (float)o.GetDouble("l1", 0.5),
            L2 = (float)o.GetDouble("l2", 0.5),
            MaxIterations = o.GetInt("iterations", 100),
            Seed = context.Seed,
            Log = context.Log,
        };
        LinearModel Fit(List<TaggerExample> list, LinearTrainerOptions options) => LinearTrainer.Train(
            list.ConvertAll(e => new LinearExample(e.Label, e.Features) { Dense = e.Dense }), Bio.Names, options, context.CancellationToken);
        var cueOptions = options with { DenseDimension = encoder?.Dimension ?? 0 };
        var cue = Fit(examples.Cue, cueOptions);
        var content = Fit(examples.Content, options);
        var source = Fit(examples.Source, options);
        var skipWords = examples.CueSkipWords(o.GetInt("skipMinCount", 20), o.GetDouble("skipMaxRate", 0.002)).ToList();
        var checkpoint = MiniLmCheckpoint.FromOption(o.GetString("encoder"));
        string? snapshots = o.GetString("tuneSnapshots");
        var tunedCue = !tuneCue ? null
            : TuneCueTagger(views, new HashSet32(skipWords.Select(w => Hashing.Lower(w))), checkpoint, tuning!, tunedLayers, snapshots, context);
        var tunedContent = !tuneContent ? null
            : TuneSpanTagger(views, q => q.Content, TunedSpanTagger.Content.File, checkpoint, tuning!, tunedLayers, snapshots, context);
        var tunedSource = !tuneSource ? null
            : TuneSpanTagger(views, q => q.Source is { } s ? [s] : [], TunedSpanTagger.Source.File, checkpoint, tuning!, tunedLayers, snapshots, context);
        QuoteModelFiles.Save(context.OutputDirectory, cue, content, source, clusters, skipWords, encoder?.ModelId, tunedCue, tunedWeight,
            tunedContent, tunedContentWeight, tunedSource, tunedSourceWeight);

        var features = cueOptions.Describe()
            .Add("lexicon_entries", lexicon.Cues.EntryCount.ToString(CultureInfo.InvariantCulture))
            .Add("cue_silver", silverDocuments == 0 ? "none" : $"{Path.GetFileName(silverPath)} (sha256 {FileHash.Sha256(silverPath!)}): {silverDocuments} documents")
            .Add("clusters", clusters?.Name ?? "none")
            .Add("cue_encoder", encoder?.ModelId ?? "none")
            .Add("cue_tuned_layer", tunedCue is null ? "none" : $"{tunedCue.InputEncoder} + {tunedCue.LayerCount} tuned layer(s), weight {tunedWeight}")
            .Add("content_tuned_layer", tunedContent is null ? "none" : $"{tunedContent.InputEncoder} + {tunedContent.LayerCount} tuned layer(s), weight {(float.IsNaN(tunedContentWeight) ? TunedSpanTagger.Content.DefaultWeight : tunedContentWeight)}")
            .Add("source_tuned_layer", tunedSource is null ? "none" : $"{tunedSource.InputEncoder} + {tunedSource.LayerCount} tuned layer(s), weight {(float.IsNaN(tunedSourceWeight) ? TunedSpanTagger.Source.DefaultWeight : tunedSourceWeight)}")
            .Add("tuning", tuning is null ? "none"
                : FormattableString.Invariant($"{tuning.Epochs} epochs, rate {tuning.LearningRate}, batch {tuning.BatchSize}, decay {tuning.WeightDecay}, dropout {tuning.Dropout}"))
            .Add("taggers", "cue, content|cue, source|cue (greedy BIO)");
        return new TrainingResult
        {
            Labels = [.. Bio.Names],
            Features = features,
            Metrics = ImmutableDictionary<string, double>.Empty
                .Add("cue_weight_rows", cue.RowCount)
                .Add("content_weight_rows", content.RowCount)
                .Add("source_weight_rows", source.RowCount),
        };
    }

    /// <summary>The settings chosen on PolNeAR dev (models/quotes-polnear-accurate's card); batches of sentences, each holding many classified words.</summary>
    private static readonly TuningOptions DefaultTuning = new() { Epochs = 4, BatchSize = 8, LearningRate = 2e-4f };
    private const int DefaultTunedLayers = 2;

    /// <summary>Encodes every training sentence below the tuned layers and fine-tunes them for gold cue labels.</summary>
    private static TunedTokenClassifier TuneCueTagger(List<TokenView> views, HashSet32 skip, MiniLmCheckpoint checkpoint, TuningOptions tuning,
        int layers, string? snapshots, TrainingContext context)
    {
        var below = MiniLmEncoder.ForModelId(TunedEncoderLayer.InputEncoderFor(checkpoint, layers))!;
        var examples = new List<TunedTokenExample>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var v in views)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var labels = new int[v.Count];
            foreach (var q in GoldQuote.From(v.Doc)) GreedyTagger.Mark(labels, q.Cue.Start, q.Cue.End, backward: false);
            foreach (var sentence in v.Doc.Sentences)
                if (TunedCueTagger.Example(v, sentence, skip, below, labels) is { } example) examples.Add(example);
        }
        context.Log?.Info($"quotes: {examples.Count} sentences, {examples.Sum(e => e.Positions.Length)} tokens encoded below the tuned layer ({clock.Elapsed.TotalSeconds:F0} s)");
        return TunedTokenClassifier.Train(examples, [.. Bio.Names], checkpoint, tuning, context.Log,
            snapshots is null ? null : (epoch, model) => model.Save(Path.Combine(snapshots, $"epoch{epoch}", TunedCueTagger.FileName)),
            context.CancellationToken, layers);
    }

    /// <summary>A tuned span tagger's share of the probabilities when given, checked; NaN when not (the model then takes the kind's default).</summary>
    private static float SpanWeight(AnalyzerOptions o, string key, TunedSpanTagger.Kind kind)
    {
        float weight = (float)o.GetDouble(key, double.NaN);
        return float.IsNaN(weight) || weight is > 0 and <= 1 ? weight
            : throw new ArgumentException($"quotes: option {key} is the tuned {kind.Name} tagger's share, above 0 and at most 1");
    }

    /// <summary>Encodes every training sentence below the tuned layers and fine-tunes them for whether a gold span of the kind holds each token.</summary>
    /// <param name="spansOf">A gold quote's spans of the kind (its content segments, or its source).</param>
    /// <param name="file">The tagger's file name, for the snapshots.</param>
    private static TunedTokenClassifier TuneSpanTagger(List<TokenView> views, Func<GoldQuote, IEnumerable<(int Start, int End)>> spansOf, string file,
        MiniLmCheckpoint checkpoint, TuningOptions tuning, int layers, string? snapshots, TrainingContext context)
    {
        var below = MiniLmEncoder.ForModelId(TunedEncoderLayer.InputEncoderFor(checkpoint, layers))!;
        var examples = new List<TunedTokenExample>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var v in views)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var inside = new bool[v.Count];
            foreach (var q in GoldQuote.From(v.Doc))
                foreach (var (start, end) in spansOf(q)) inside.AsSpan(start, end - start).Fill(true);
            foreach (var sentence in v.Doc.Sentences)
                if (TunedSpanTagger.Example(v, sentence, below, inside) is { } example) examples.Add(example);
        }
        context.Log?.Info($"quotes: {examples.Count} sentences, {examples.Sum(e => e.Positions.Length)} tokens encoded below the tuned layers of {file} ({clock.Elapsed.TotalSeconds:F0} s)");
        return TunedTokenClassifier.Train(examples, [.. TunedSpanTagger.Labels], checkpoint, tuning, context.Log,
            snapshots is null ? null : (epoch, model) => model.Save(Path.Combine(snapshots, $"epoch{epoch}", file)),
            context.CancellationToken, layers);
    }

    /// <summary>A model folder by name or path: a folder that exists, else the run's model store, else ./models/name.</summary>
    private static string Resolve(TrainingContext context, string name)
    {
        if (Directory.Exists(name)) return name;
        if (context.GetService<IModelStore>() is { } store) return store.Resolve(name);
        return Path.Combine("models", name);
    }
}
