using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>Reads the word clusters and gazetteers named by the training options into a lexicon.</summary>
internal static class LexiconSource
{
    public const string None = "none";

    public static EntityLexicon Load(EntityTrainingOptions options, IRunLog? log)
    {
        var clusters = options.Clusters == None ? [] : ReadClusters(options.Clusters);
        var gazetteers = options.Gazetteers == None ? [] : ReadGazetteers(options.Gazetteers);
        var lexicon = EntityLexicon.Build(clusters, gazetteers);
        log?.Info($"entities: {lexicon.ClusterWordCount} cluster words in {lexicon.ClusterCount} clusters, " +
                  $"{lexicon.Categories.Count} gazetteers ({lexicon.GazetteerEntryCount} n-grams)");
        return lexicon;
    }

    /// <summary>`path TAB word [TAB count]` lines from a file, or from every *.tsv / *.txt file of a folder.</summary>
    private static List<(string Word, string Path)> ReadClusters(string path)
    {
        var files = Files(path, "clusters", "*.tsv", "*.txt");
        var result = new List<(string, string)>();
        foreach (var file in files)
        {
            int line = 0;
            foreach (var text in File.ReadLines(file))
            {
                line++;
                if (text.Length == 0 || text[0] == '#') continue;
                var fields = text.Split('\t');
                if (fields.Length < 2 || fields[0].Any(c => c is not ('0' or '1')))
                    throw new InvalidDataException($"{file}({line}): expected 'path TAB word', got '{text}'");
                result.Add((fields[1], fields[0]));
            }
        }
        return result;
    }

    /// <summary>One category per *.txt file of a folder (named by the file), one entry per line.</summary>
    private static List<(string, IEnumerable<string>)> ReadGazetteers(string path) =>
        Files(path, "gazetteers", "*.txt")
            .Select(f => (Path.GetFileNameWithoutExtension(f), (IEnumerable<string>)File.ReadLines(f)
                .Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').ToList()))
            .ToList();

    private static string[] Files(string path, string what, params string[] patterns)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path))
            throw new FileNotFoundException($"{what}: {path} not found (give --option {what}=PATH, or {what}={None} to train without)");
        var files = patterns.SelectMany(p => Directory.GetFiles(path, p)).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new FileNotFoundException($"{what}: no {string.Join(" or ", patterns)} files in {path}");
        return files;
    }
}
