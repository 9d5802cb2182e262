using System.Globalization;
using Pipeline.Analyzers.Hedging.Lexicon;
using Pipeline.Learning;
using Pipeline.Learning.Linear;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging.Ml;

/// <summary>
/// A trained token-level cue tagger: a multiclass linear model (labels "O" and the cue types) over
/// hashed features, scored directly from its weights. The model folder holds model.bin (weights plus
/// the feature settings as properties) and the lexicon the model was trained with, whose tags are
/// features. Loaded once per run and shared by all threads.
/// </summary>
public sealed class CueTaggerModel
{
    public const string ModelFile = "model.bin";
    public const string ThresholdProperty = "cue_threshold";
    public const string AmbiguousProperty = "ambiguous_stems";
    public const string EncoderProperty = "encoder";
    public const string EncoderScaleProperty = "encoder_scale";

    public CueTaggerModel(LinearModel linear, HedgeLexicon lexicon, string modelId)
    {
        if (linear.Labels.Length < 2 || linear.Labels[0] != "O")
            throw new InvalidModelException(modelId, "a cue tagger's first label must be \"O\"");
        Linear = linear;
        Lexicon = lexicon;
        ModelId = modelId;
        CueThreshold = linear.Properties.TryGetValue(ThresholdProperty, out var t)
            ? double.Parse(t, CultureInfo.InvariantCulture) : 0.5;
        var stems = linear.Properties.GetValueOrDefault(AmbiguousProperty, "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        Features = new CueFeatures(linear.HashBits, stems);
        Encoder = linear.Properties.GetValueOrDefault(EncoderProperty);
        if ((Encoder is null) != (linear.DenseDimension == 0))
            throw new InvalidModelException(modelId, Encoder is null ? "dense weights without an encoder property" : $"encoder {Encoder} without dense weights");
        EncoderScale = linear.Properties.TryGetValue(EncoderScaleProperty, out var scale) ? float.Parse(scale, CultureInfo.InvariantCulture) : 1f;
        Types = [.. linear.Labels.Skip(1).Select(l => Enum.TryParse<HedgeType>(l, ignoreCase: true, out var type) ? type
            : throw new InvalidModelException(modelId, $"unknown cue type label \"{l}\""))];
    }

    public LinearModel Linear { get; }
    public HedgeLexicon Lexicon { get; }
    public string ModelId { get; }
    public CueFeatures Features { get; }
    /// <summary>A token is a cue when 1 - P(O) reaches this.</summary>
    public double CueThreshold { get; }
    /// <summary>The cue type of each label after "O".</summary>
    public HedgeType[] Types { get; }
    public int Classes => Linear.ClassCount;
    /// <summary>The text encoder whose states the candidate cue tokens read (a MiniLM model id); null for the encoder-free tagger.</summary>
    public string? Encoder { get; }
    /// <summary>Multiplies the encoder states before they meet the weights (as in training).</summary>
    public float EncoderScale { get; }

    public CueTaggerModel WithThreshold(double threshold) =>
        new(Linear.WithProperties(Linear.Properties.SetItem(ThresholdProperty, threshold.ToString("0.00", CultureInfo.InvariantCulture))), Lexicon, ModelId);

    /// <param name="encoder">The text encoder of <see cref="Encoder"/>; required when the model reads one, ignored otherwise.</param>
    /// <exception cref="InvalidOperationException">The model reads encoder states and no matching encoder is given.</exception>
    public ICueDetector CreateDetector(LexiconFill fill = LexiconFill.All, ITextEncoder? encoder = null) =>
        new MlCueDetector(this, fill, ContextEncoder(encoder));

    private CueContextEncoder? ContextEncoder(ITextEncoder? encoder)
    {
        if (Encoder is null) return null;
        if (encoder is null) throw new InvalidOperationException($"hedging model {ModelId} reads {Encoder} states, and no text encoder is available");
        return new CueContextEncoder(encoder, Features, Encoder, Linear.DenseDimension, EncoderScale);
    }

    /// <exception cref="InvalidModelException">A file is missing or malformed; the message names it.</exception>
    public static CueTaggerModel Load(string folder)
    {
        var linear = LinearModel.Load(Path.Combine(folder, ModelFile));
        HedgeLexicon lexicon;
        try { lexicon = HedgeLexicon.Load(folder); }
        catch (InvalidDataException e) { throw new InvalidModelException(folder, e.Message, e); }
        var id = HedgeDetectors.ModelId(folder, ModelFile, HedgeLexicon.CuesFile, HedgeLexicon.ExceptionsFile);
        return new CueTaggerModel(linear, lexicon, id);
    }

    /// <summary>Writes model.bin and a copy of the lexicon into <paramref name="folder"/>.</summary>
    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        Linear.Save(Path.Combine(folder, ModelFile));
        foreach (var file in new[] { HedgeLexicon.CuesFile, HedgeLexicon.ExceptionsFile })
        {
            var target = Path.Combine(folder, file);
            var source = Path.Combine(Lexicon.Folder, file);
            if (Path.GetFullPath(source) != Path.GetFullPath(target)) File.Copy(source, target, overwrite: true);
        }
    }
}
