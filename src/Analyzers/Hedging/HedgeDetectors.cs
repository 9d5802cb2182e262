using System.Security.Cryptography;
using Pipeline.Analyzers.Hedging.Lexicon;
using Pipeline.Analyzers.Hedging.Ml;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Hedging;

/// <summary>Loads the detector of the configured tier, once per run.</summary>
public static class HedgeDetectors
{
    public static ICueDetector Load(HedgingOptions options, IModelStore models) => options.Tier switch
    {
        HedgingTier.Lexicon => LoadLexicon(models.Resolve(options.Lexicon)),
        _ => LoadModel(models.Resolve(options.Model), options.CueThreshold).CreateDetector(options.LexiconFill),
    };

    private static CueTaggerModel LoadModel(string folder, double? cueThreshold)
    {
        var model = CueTaggerModel.Load(folder);
        return cueThreshold is { } t ? model.WithThreshold(t) : model;
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
