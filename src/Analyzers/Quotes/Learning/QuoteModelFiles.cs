using System.Security.Cryptography;
using Pipeline.Learning;
using Pipeline.Learning.Linear;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// The files of a quote model folder: one linear model per tagger (cue.plm, content.plm,
/// source.plm), scored directly from their weights.
/// </summary>
internal static class QuoteModelFiles
{
    public const string DefaultName = "quotes-polnear";
    public const string Cue = "cue.plm", Content = "content.plm", Source = "source.plm";

    public static QuoteModel Load(string folder)
    {
        var cue = LinearModel.Load(Path.Combine(folder, Cue));
        var content = LinearModel.Load(Path.Combine(folder, Content));
        var source = LinearModel.Load(Path.Combine(folder, Source));
        if (content.HashBits != cue.HashBits || source.HashBits != cue.HashBits)
            throw new InvalidModelException(folder, $"the taggers disagree on hash bits ({cue.HashBits}, {content.HashBits}, {source.HashBits})");
        return new QuoteModel(Id(folder), cue.HashBits, new Scorer(cue), new Scorer(content), new Scorer(source));
    }

    public static void Save(string folder, LinearModel cue, LinearModel content, LinearModel source)
    {
        Directory.CreateDirectory(folder);
        cue.Save(Path.Combine(folder, Cue));
        content.Save(Path.Combine(folder, Content));
        source.Save(Path.Combine(folder, Source));
    }

    /// <summary>The folder's name and the first 8 hex digits of the SHA-256 of its weight files.</summary>
    private static string Id(string folder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { Cue, Content, Source }) sha.AppendData(File.ReadAllBytes(Path.Combine(folder, file)));
        return Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))) + "@" + Convert.ToHexStringLower(sha.GetHashAndReset())[..8];
    }

    private sealed class Scorer(LinearModel model) : ITokenClassifier
    {
        public void Probabilities(ReadOnlySpan<int> features, Span<float> probabilities) => model.Predict(features, probabilities);
    }
}
