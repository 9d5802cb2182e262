using Pipeline.Learning.Clustering;
using Pipeline.Learning.Gazetteers;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>Reads the word clusters and gazetteers named by the training options into a lexicon.</summary>
internal static class LexiconSource
{
    public const string None = "none";

    public static EntityLexicon Load(EntityTrainingOptions options, IRunLog? log)
    {
        var clusters = options.Clusters == None ? [] : WordClusters.Load(ClustersFile(options.Clusters)).Entries.Select(e => (e.Word, e.Path.ToString()));
        var gazetteers = options.Gazetteers == None ? [] : Gazetteer.ReadLists(options.Gazetteers);
        var lexicon = EntityLexicon.Build(clusters, gazetteers);
        log?.Info($"entities: {lexicon.ClusterWordCount} cluster keys in {lexicon.ClusterCount} clusters, " +
                  $"{lexicon.Categories.Count} gazetteers ({lexicon.GazetteerEntryCount} n-grams)");
        return lexicon;
    }

    /// <summary>The clusters file itself, or the one *.tsv / *.tsv.gz file of a folder.</summary>
    private static string ClustersFile(string path)
    {
        if (File.Exists(path)) return path;
        if (!Directory.Exists(path))
            throw new FileNotFoundException($"clusters: {path} not found (give --option clusters=PATH, or clusters={None} to train without)");
        var files = Directory.GetFiles(path, "*.tsv").Concat(Directory.GetFiles(path, "*.tsv.gz")).ToArray();
        return files.Length == 1 ? files[0]
            : throw new FileNotFoundException($"clusters: expected one *.tsv or *.tsv.gz file in {path}, found {files.Length}");
    }
}
