using Pipeline.Learning.Clustering;

namespace Pipeline.Benchmarks;

/// <summary>
/// `clusters build --out DIR [--clusters N] [--min-count N] PATH...`: builds word clusters and prints the timings.
/// `clusters probe FILE GROUP...`: prints the paths of each comma-separated group of words and the
/// length of the prefix the group shares, a quick look at whether related words were kept together.
/// </summary>
public static class ClustersCommand
{
    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "build") return Build(args[1..]);
        if (args.Length > 2 && args[0] == "probe") return Probe(args[1], args[2..]);
        Console.Error.WriteLine("usage: clusters build --out DIR [--clusters N] [--min-count N] PATH... | clusters probe CLUSTERS.tsv WORD,WORD... ...");
        return 2;
    }

    private static int Build(string[] args)
    {
        var options = new WordClusterOptions { Log = Console.Out };
        string? outDir = null;
        var paths = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out": outDir = args[++i]; break;
                case "--clusters": options = options with { Clusters = int.Parse(args[++i]) }; break;
                case "--min-count": options = options with { MinCount = int.Parse(args[++i]) }; break;
                default: paths.Add(args[i]); break;
            }
        }
        if (outDir is null || paths.Count == 0)
        {
            Console.Error.WriteLine("clusters build: --out DIR and at least one input path are required");
            return 2;
        }
        var s = WordClusterCommand.Run(paths, outDir, options);
        Console.WriteLine($"RESULT documents={s.Documents} tokens={s.Tokens} vocabulary={s.Vocabulary} words={s.Words} " +
                          $"bigrams={s.Bigrams} clusters={s.Clusters} window_merges={s.WindowMerges} " +
                          $"read_seconds={s.ReadTime.TotalSeconds:F1} cluster_seconds={s.ClusterTime.TotalSeconds:F1}");
        return 0;
    }

    private static int Probe(string file, string[] groups)
    {
        var clusters = WordClusters.Load(file);
        Console.WriteLine($"{clusters.Count:N0} words in {file}");
        foreach (var group in groups)
        {
            var words = group.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var found = new List<ClusterPath>();
            foreach (var word in words)
            {
                if (clusters.TryGetPath(word, out var path)) { found.Add(path); Console.WriteLine($"  {path,-24} {word}"); }
                else Console.WriteLine($"  {"(none)",-24} {word}");
            }
            int shared = found.Count == 0 ? 0 : found.Skip(1).Aggregate(found[0].Length, (n, p) => Math.Min(n, found[0].CommonPrefixLength(p)));
            Console.WriteLine($"{group}: shared prefix {shared} bits");
        }
        return 0;
    }
}
