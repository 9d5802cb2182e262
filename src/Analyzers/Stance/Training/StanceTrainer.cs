using System.Collections.Immutable;
using Pipeline.Analyzers.Stance.Lexicon;
using Pipeline.Analyzers.Stance.Models;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Linear;
using Pipeline.Learning.Training;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Stance.Training;

/// <summary>
/// `pipeline train stance`: trains the entity-stance model from NewsMTSC-style gold (entity and
/// stance layers) or the claim-stance model from FNC-1-style gold (claims layer), whichever the
/// gold annotates (or --option task=...). The encoder is the run's shared one, which in training
/// keeps its outputs in the training cache folder, so later trainings on the same data skip it.
/// </summary>
public sealed class StanceTrainer : AnalyzerTrainer
{
    public override string Task => "stance";

    /// <summary>None required as such: the trainer takes either the stance layer (with entities) or the claims layer.</summary>
    public override ImmutableArray<LayerKey> GoldLayers => [];

    public override TrainingResult Train(TrainingContext context)
    {
        var options = StanceTrainingOptions.From(context.Options, context.Train);
        var log = context.Log;
        var lexicon = StanceLexicon.Load(options.Lexicon);
        var encoder = options.UseEncoder ? context.GetEncoder(MiniLmEncoder.ModelIdFor(options.Checkpoint, options.EncoderLayers)) : null;
        ImmutableArray<string> labels;
        List<LinearExample> train, dev;
        int denseLength;
        List<TunedExample>? tunedTrain = null, tunedDev = null;
        if (options.Task == StanceTask.Entity)
        {
            labels = EntityStanceTraining.Labels;
            var below = options.Tuning is null ? null : MiniLmEncoder.ForModelId(TunedTargetClassifier.InputEncoderFor(options.Checkpoint));
            if (below is not null) (tunedTrain, tunedDev) = ([], []);
            train = EntityStanceTraining.Examples(context.Train, lexicon, options.HashBits, encoder, options.Views, options.EncoderScale, log, context.CancellationToken, below, tunedTrain);
            dev = EntityStanceTraining.Examples(context.Dev, lexicon, options.HashBits, encoder, options.Views, options.EncoderScale, log, context.CancellationToken, below, tunedDev);
        }
        else
        {
            if (options.Tuning is not null) throw new ArgumentException("stance: option tune applies to entity stance only (a tuned layer reads a target in a sentence)");
            labels = ClaimStanceTraining.Labels;
            var claimTraining = new ClaimStanceTraining(lexicon, options.HashBits, encoder, log);
            var idf = claimTraining.Idf(context.Train);
            train = claimTraining.Examples(context.Train, idf, context.CancellationToken);
            dev = claimTraining.Examples(context.Dev, idf, context.CancellationToken);
            claimTraining.SaveIdf(idf, context.OutputDirectory);
        }
        if (train.Count == 0) throw new ArgumentException($"stance: no labelled {StanceClassifier.Name(options.Task)} stance examples in the training data");
        denseLength = train[0].Dense!.Length;
        log?.Info($"stance: {train.Count} training and {dev.Count} dev examples, {denseLength} dense features");
        if (encoder is CachingTextEncoder cache) log?.Info($"stance: encoder cache {cache.Path}: {cache.Hits} hits, {cache.Misses} encoded");

        var (model, metrics) = StanceFitting.Fit(options.Balance ? Balanced(train, labels.Length) : train, dev.Count > 0 ? dev : train,
            labels, denseLength, options, context.Seed, log, context.CancellationToken);
        if (options.Refit && dev.Count > 0)
        {
            List<LinearExample> all = [.. train, .. dev];
            model = StanceFitting.Refit(model.Algorithm, options.Balance ? Balanced(all, labels.Length) : all, labels, denseLength, options, context.Seed, log, context.CancellationToken);
            log?.Info($"stance: refitted on train and dev ({all.Count} examples); the dev figures below are no longer held out");
        }
        TunedTargetClassifier? tuned = null;
        if (options.Tuning is { } tuning && tunedTrain is not null && tunedDev is not null)
        {
            var devMain = dev.Count > 0 ? StanceFitting.Probabilities(model, dev, labels) : null;
            tuned = TunedTargetClassifier.Train(tunedTrain, labels, options.Checkpoint, tuning with { Seed = context.Seed }, log,
                devMain is null ? null : (epoch, t) =>
                {
                    var p = tunedDev.Select(x => { var q = new float[labels.Length]; t.Predict(x.States, x.Targets, q); return q; }).ToArray();
                    log?.Info($"stance: tuned layer epoch {epoch}: dev macro-F1 {StanceFitting.Score(p, dev, labels).MacroF1:F4} alone, "
                        + string.Join(", ", new[] { 0.3f, 0.5f, 0.7f }.Select(w => $"{StanceFitting.Score(StanceFitting.Mix(devMain, p, w), dev, labels).MacroF1:F4} at {w}")));
                }, context.CancellationToken);
            if (options.Refit && dev.Count > 0)
                tuned = TunedTargetClassifier.Train([.. tunedTrain, .. tunedDev], labels, options.Checkpoint, tuning with { Seed = context.Seed }, log,
                    cancellationToken: context.CancellationToken);
        }
        var settings = new StanceModelSettings
        {
            Task = options.Task, Algorithm = model.Algorithm, Labels = labels, HashBits = options.HashBits,
            Encoder = encoder?.ModelId, DenseLength = denseLength,
            EncoderViews = options.Views, EncoderScale = options.EncoderScale, TunedWeight = tuned is null ? 0 : options.TunedWeight,
        };
        StanceClassifier.Save(context.OutputDirectory, settings, options.Lexicon, model.Linear, model.Trees, tuned);
        return new TrainingResult
        {
            Labels = labels,
            Features = options.Describe()
                .SetItem("algorithm", model.Algorithm.ToString().ToLowerInvariant())
                .Add("encoder", encoder?.ModelId ?? "none")
                .Add("dense_length", denseLength.ToString())
                .Add("lexicon", lexicon.Fingerprint)
                .Add("weight_rows", (model.Linear?.RowCount ?? 0).ToString()),
            Metrics = metrics,
        };
    }

    /// <summary>The examples weighted by the inverse frequency of their class (the weights average to 1).</summary>
    private static List<LinearExample> Balanced(List<LinearExample> examples, int classes)
    {
        var counts = new int[classes];
        foreach (var x in examples) counts[x.Label]++;
        int present = counts.Count(c => c > 0);
        return examples.Select(x => x with { Weight = (float)examples.Count / (present * counts[x.Label]) }).ToList();
    }
}
