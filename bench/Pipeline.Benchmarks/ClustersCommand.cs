using System.Diagnostics;
using Pipeline.Learning.Clustering;
using Pipeline.Learning.Gazetteers;
using Pipeline.Text;

namespace Pipeline.Benchmarks;

/// <summary>
/// `clusters build --out DIR [--clusters N] [--min-count N] PATH...`: builds word clusters and prints the timings.
/// `clusters probe FILE GROUP...`: prints the paths of each comma-separated group of words and the
/// length of the prefix the group shares, a quick look at whether related words were kept together.
/// `clusters gazetteer DIR FILE...`: loads the gazetteer lists (timed) and prints what they find in each text file.
/// `clusters speed CLUSTERS.tsv GAZETTEER_DIR PATH...`: load times, and tokens per second of cluster-path
/// and gazetteer lookups over the segmented text of the inputs (segmentation not timed).
/// </summary>
public static class ClustersCommand
{
    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "build") return Build(args[1..]);
        if (args.Length > 2 && args[0] == "probe") return Probe(args[1], args[2..]);
        if (args.Length > 2 && args[0] == "gazetteer") return Gazetteer(args[1], args[2..]);
        if (args.Length > 3 && args[0] == "speed") return Speed(args[1], args[2], args[3..]);
        Console.Error.WriteLine("usage: clusters build --out DIR [--clusters N] [--min-count N] PATH... | " +
                                "clusters probe CLUSTERS.tsv WORD,WORD... ... | clusters gazetteer DIR FILE... | clusters speed CLUSTERS.tsv DIR PATH...");
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
                          $"read_seconds={s.ReadTime.TotalSeconds:F1} cluster_seconds={s.ClusterTime.TotalSeconds:F1} " +
                          $"read_cpu_seconds={s.ReadCpu.TotalSeconds:F1} cluster_cpu_seconds={s.ClusterCpu.TotalSeconds:F1}");
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

    private static int Gazetteer(string directory, string[] files)
    {
        var clock = Stopwatch.StartNew();
        var gazetteer = Pipeline.Learning.Gazetteers.Gazetteer.Load(directory);
        Console.WriteLine($"loaded {gazetteer.EntryCount:N0} entries in {gazetteer.Categories.Count} categories in {clock.ElapsedMilliseconds} ms");
        var matches = new List<GazetteerMatch>();
        foreach (var file in files)
        {
            string text = File.ReadAllText(file);
            var tokens = Segmenter.Default.Segment(text).Tokens;
            matches.Clear();
            gazetteer.FindMatches(text, tokens.AsSpan(), matches);
            Console.WriteLine($"{file}: {matches.Count} matches");
            foreach (var m in matches)
            {
                var categories = Enumerable.Range(0, gazetteer.Categories.Count).Where(m.Categories.Contains).Select(c => gazetteer.Categories[c]);
                Console.WriteLine($"  {text[tokens[m.Start].Span.Start..tokens[m.Start + m.Length - 1].Span.End],-40} {string.Join(",", categories)}");
            }
        }
        return 0;
    }

    private static int Speed(string clustersFile, string gazetteerDir, string[] inputs)
    {
        var clock = Stopwatch.StartNew();
        var clusters = WordClusters.Load(clustersFile);
        var clustersLoad = clock.Elapsed;
        clock.Restart();
        var gazetteer = Pipeline.Learning.Gazetteers.Gazetteer.Load(gazetteerDir);
        var gazetteerLoad = clock.Elapsed;

        var texts = new List<(string Text, Pipeline.Sdk.Token[] Tokens)>();
        long tokenCount = 0;
        foreach (var input in Pipeline.Text.Reading.InputResolver.Resolve(inputs))
        {
            if (input.Error is not null) continue;
            string text = File.ReadAllText(input.Path);
            var tokens = Segmenter.Default.Segment(text).Tokens.ToArray();
            texts.Add((text, tokens));
            tokenCount += tokens.Length;
        }

        // Each timing takes the best of three passes over all the text.
        double ClusterPass()
        {
            ulong checksum = 0;
            var watch = Stopwatch.StartNew();
            foreach (var (text, tokens) in texts)
                foreach (var token in tokens)
                    if (clusters.TryGetPath(text.AsSpan(token.Span.Start, token.Span.Length), out var path))
                        checksum += path.Prefix(4).Key + path.Prefix(6).Key + path.Prefix(10).Key + path.Prefix(20).Key;
            GC.KeepAlive(checksum);
            return watch.Elapsed.TotalSeconds;
        }
        var matches = new List<GazetteerMatch>();
        long matchCount = 0;
        double GazetteerPass()
        {
            matchCount = 0;
            var watch = Stopwatch.StartNew();
            foreach (var (text, tokens) in texts)
            {
                matches.Clear();
                gazetteer.FindMatches(text, tokens, matches);
                matchCount += matches.Count;
            }
            return watch.Elapsed.TotalSeconds;
        }
        double clusterSeconds = Enumerable.Range(0, 3).Min(_ => ClusterPass());
        double gazetteerSeconds = Enumerable.Range(0, 3).Min(_ => GazetteerPass());
        Console.WriteLine($"RESULT tokens={tokenCount} cluster_load_ms={clustersLoad.TotalMilliseconds:F0} gazetteer_load_ms={gazetteerLoad.TotalMilliseconds:F0} " +
                          $"cluster_tokens_per_s={tokenCount / clusterSeconds:F0} gazetteer_tokens_per_s={tokenCount / gazetteerSeconds:F0} gazetteer_matches={matchCount}");
        return 0;
    }
}
