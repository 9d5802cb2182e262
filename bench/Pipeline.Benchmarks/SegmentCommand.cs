using System.Diagnostics;
using System.Text;
using Pipeline.Text;
using Pipeline.Text.Reading;

namespace Pipeline.Benchmarks;

/// <summary>
/// `segment <file-or-folder>... [--repeat N]`: reads every article into memory, warms up, then
/// segments all of them N times on one thread and prints the median speed (MB/s of UTF-8 input,
/// tokens/s) and the speed in process CPU time.
/// </summary>
internal static class SegmentCommand
{
    public static int Run(string[] args)
    {
        var inputs = new List<string>();
        int repeat = 5;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--repeat" && i + 1 < args.Length && int.TryParse(args[++i], out repeat) && repeat > 0) continue;
            if (args[i].StartsWith("--", StringComparison.Ordinal)) { Console.Error.WriteLine($"segment: bad option {args[i]}"); return 2; }
            inputs.Add(args[i]);
        }
        if (inputs.Count == 0) { Console.Error.WriteLine("segment: give a file or folder"); return 2; }

        var texts = new List<string>();
        long bytes = 0;
        foreach (var input in InputResolver.Resolve(inputs))
        {
            if (input.Error is not null) { Console.Error.WriteLine($"{input.Path}: {input.Error}"); continue; }
            foreach (var result in ArticleReader.Default.Read(input.Path, ReadLimits.Default))
            {
                if (result is ArticleRead article) { texts.Add(article.Text); bytes += Encoding.UTF8.GetByteCount(article.Text); }
                else if (result is ReadFailure failure) Console.Error.WriteLine($"{failure.Path}: {failure.Reason}");
            }
        }
        if (texts.Count == 0) { Console.Error.WriteLine("segment: no articles read"); return 1; }

        var segmenter = Segmenter.Default;
        // warm-up until the JIT has compiled the optimized code: at least 3 passes and 2 seconds
        long tokens = 0;
        var warmUp = Stopwatch.StartNew();
        for (int pass = 0; pass < 3 || warmUp.Elapsed.TotalSeconds < 2; pass++) tokens = SegmentAll(segmenter, texts);
        var wall = new double[repeat];
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (int r = 0; r < repeat; r++)
        {
            var watch = Stopwatch.StartNew();
            SegmentAll(segmenter, texts);
            wall[r] = watch.Elapsed.TotalSeconds;
        }
        process.Refresh();
        // process CPU time is counted in clock ticks, so it is read once over all runs
        double cpuMean = (process.TotalProcessorTime - cpuBefore).TotalSeconds / repeat;
        Array.Sort(wall);
        double median = wall[repeat / 2];
        double mb = bytes / 1e6;
        Console.WriteLine($"documents {texts.Count:N0}, {mb:F2} MB UTF-8, {tokens:N0} tokens, {repeat} runs on one thread");
        Console.WriteLine($"wall: median {median * 1000:F1} ms (min {wall[0] * 1000:F1}, max {wall[^1] * 1000:F1}) = {mb / median:F1} MB/s, {tokens / median / 1e6:F2} M tokens/s");
        Console.WriteLine($"cpu:  mean {cpuMean * 1000:F1} ms of process CPU time per run (below wall time when other processes share the cores) = {mb / cpuMean:F1} MB/s");
        Console.WriteLine(FormattableString.Invariant(
            $"RESULT mb_per_s={mb / median:F1} tokens_per_s={tokens / median:F0} docs_per_s={texts.Count / median:F0} cpu_mb_per_s={mb / cpuMean:F1}"));
        return 0;
    }

    private static long SegmentAll(Segmenter segmenter, List<string> texts)
    {
        long tokens = 0;
        foreach (var text in texts) tokens += segmenter.Segment(text).Tokens.Length;
        return tokens;
    }
}
