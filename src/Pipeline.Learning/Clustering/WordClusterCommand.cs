using System.Diagnostics;
using System.Text;

namespace Pipeline.Learning.Clustering;

/// <summary>Settings of a word-cluster build.</summary>
public sealed record WordClusterOptions
{
    /// <summary>Clusters at the bottom of the hierarchy (C in Brown et al.).</summary>
    public int Clusters { get; init; } = 1000;

    /// <summary>Words seen fewer times are left out.</summary>
    public int MinCount { get; init; } = 3;

    /// <summary>Progress and one line per unreadable input.</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;
}

/// <summary>
/// What a build read and produced, and how long it took: wall-clock time, and processor time
/// (the build runs on one thread, so this is its one-core time even on a busy machine).
/// </summary>
public sealed record WordClusterSummary(
    int Documents, int Failures, long Tokens, int Vocabulary, int Words, int Bigrams, int Clusters,
    int WindowMerges, TimeSpan ReadTime, TimeSpan ClusterTime, TimeSpan ReadCpu, TimeSpan ClusterCpu, string OutputPath);

/// <summary>Builds `clusters.tsv` (Brown clusters) from text files: the entry point of `pipeline clusters`.</summary>
public static class WordClusterCommand
{
    public const string FileName = "clusters.tsv";

    /// <summary>
    /// Reads and tokenizes <paramref name="corpusPaths"/> (files, folders, `.bio` token files), clusters
    /// the words and writes <c>outDir/clusters.tsv</c>. Unreadable inputs are reported and skipped.
    /// </summary>
    public static WordClusterSummary Run(IReadOnlyList<string> corpusPaths, string outDir, WordClusterOptions options)
    {
        var log = options.Log;
        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var counter = new CorpusCounter();
        var (documents, failures) = ClusteringCorpus.Read(corpusPaths, counter);
        foreach (var failure in failures) log.WriteLine(failure);
        var bigrams = counter.Build(options.MinCount);
        var readTime = clock.Elapsed;
        process.Refresh();
        var readCpu = process.TotalProcessorTime - cpuStart;
        log.WriteLine($"read {documents:N0} documents, {counter.TokenCount:N0} tokens, {counter.VocabularySize:N0} distinct words; " +
                      $"{bigrams.WordCount:N0} words seen at least {options.MinCount} times, {bigrams.BigramCount:N0} distinct bigrams " +
                      $"({readTime.TotalSeconds:F1} s, processor {readCpu.TotalSeconds:F1} s)");
        if (bigrams.WordCount < 2)
            throw new InvalidOperationException($"too little text to cluster: {bigrams.WordCount} words seen at least {options.MinCount} times in {string.Join(", ", corpusPaths)}");

        clock.Restart();
        var clusterer = new BrownClusterer(bigrams, options.Clusters);
        var hierarchy = clusterer.Run((done, total) =>
        {
            if (done % 10_000 == 0) log.WriteLine($"  {done:N0} / {total:N0} words entered ({clock.Elapsed.TotalSeconds:F0} s)");
        });
        var clusterTime = clock.Elapsed;
        process.Refresh();
        var clusterCpu = process.TotalProcessorTime - cpuStart - readCpu;
        log.WriteLine($"clustered into {hierarchy.LeafClusters:N0} clusters in {clusterTime.TotalSeconds:F1} s (processor {clusterCpu.TotalSeconds:F1} s)");

        Directory.CreateDirectory(outDir);
        string output = Path.Combine(outDir, FileName);
        using (var writer = new StreamWriter(output, false, new UTF8Encoding(false)))
            hierarchy.WriteTsv(writer);
        log.WriteLine($"wrote {output}");
        return new WordClusterSummary(documents, failures.Count, counter.TokenCount, counter.VocabularySize, bigrams.WordCount,
            bigrams.BigramCount, hierarchy.LeafClusters, clusterer.WindowMerges, readTime, clusterTime, readCpu, clusterCpu, output);
    }
}
