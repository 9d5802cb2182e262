using System.Security.Cryptography;
using Pipeline.Analyzers.Hedging.Lexicon;
using Pipeline.Analyzers.Hedging.Ml;
using Pipeline.Learning;
using Pipeline.Learning.Encoders;
using Pipeline.Learning.Training;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging;

/// <summary>Loads the detector of the configured tier, once per run.</summary>
public static class HedgeDetectors
{
    /// <param name="runEncoder">The run's text encoder, if any: a model trained with an encoder reads it (a MiniLM layer variant is loaded instead).</param>
    public static ICueDetector Load(HedgingOptions options, IModelStore models, Func<ITextEncoder?>? runEncoder = null) => options.Tier switch
    {
        HedgingTier.Lexicon => LoadLexicon(models.Resolve(options.Lexicon)),
        _ => LoadModel(models.Resolve(options.Model), options, runEncoder, models.Resolve),
    };

    /// <summary>
    /// The ML tier's detector from a model folder; a model trained with an encoder gets it (see
    /// <see cref="MiniLmEncoder.ForModel"/>). A folder with an ensemble.json stands for its members
    /// (folders next to it, passed through <paramref name="resolve"/>), averaged and decided at the
    /// list's threshold (else the first member's); a cueThreshold option overrides either.
    /// </summary>
    public static ICueDetector LoadModel(string folder, HedgingOptions options, Func<ITextEncoder?>? runEncoder = null, Func<string, string>? resolve = null)
    {
        List<EnsembleEntry>? listed;
        double? listThreshold;
        try { (listed, listThreshold) = (EnsembleList.Read(folder, resolve), EnsembleList.Threshold(folder)); }
        catch (InvalidDataException e) { throw new InvalidModelException(folder, e.Message, e); }
        if (listed is not null)
        {
            var members = listed.ConvertAll(m => (Model: CueTaggerModel.Load(m.Model), m.Weight));
            // The first member's threshold is the detector's.
            if ((options.CueThreshold ?? listThreshold) is { } threshold) members[0] = members[0] with { Model = members[0].Model.WithThreshold(threshold) };
            var id = EnsembleList.Id(folder, members.Select(m => (m.Model.ModelId, m.Weight)));
            return new MlCueDetector(members, id, options.LexiconFill);
        }
        var model = CueTaggerModel.Load(folder);
        if (options.CueThreshold is { } t) model = model.WithThreshold(t);
        return model.CreateDetector(options.LexiconFill, MiniLmEncoder.ForModel(model.Encoder, runEncoder ?? (() => null), options.Int8));
    }

    public static LexiconCueDetector LoadLexicon(string folder) =>
        new(HedgeLexicon.Load(folder), ModelId(folder, HedgeLexicon.CuesFile, HedgeLexicon.ExceptionsFile));

    /// <summary>"folder-name@hash": the hash of the given files, so provenance changes when they do.</summary>
    public static string ModelId(string folder, params string[] files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files) sha.AppendData(File.ReadAllBytes(Path.Combine(folder, file)));
        return Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)) + "@" + Convert.ToHexStringLower(sha.GetHashAndReset())[..8];
    }
}
