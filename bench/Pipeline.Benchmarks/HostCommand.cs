using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Pipeline.Host.Configuration;
using Pipeline.Host.Loading;
using Pipeline.Host.Running;
using Pipeline.Host.Services;

namespace Pipeline.Benchmarks;

/// <summary>
/// `host`: the whole host (reading, segmentation, scheduling, annotations.jsonl, findings.sarif,
/// run.json, timings) with an empty plugins folder, so no analyzer time is counted.
/// </summary>
internal static class HostCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        int jobs = Option(args, "--jobs", Environment.ProcessorCount);
        if (args.Contains("--scaling"))
            return Scaling(Option(args, "--seed", Path.Combine("seeds", "dialog-of-dictators.txt")), jobs);
        var corpus = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsOptionValue(args, a));
        if (corpus is null || !Directory.Exists(corpus) && !File.Exists(corpus))
        {
            Console.Error.WriteLine("host: give a corpus folder or file");
            return 2;
        }
        int repeat = Option(args, "--repeat", 3);
        return Measure(corpus, jobs, repeat);
    }

    private static int Measure(string corpus, int jobs, int repeat)
    {
        long bytes = Directory.Exists(corpus)
            ? Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
            : new FileInfo(corpus).Length;
        using var work = new TempDirectory();
        var plugins = Directory.CreateDirectory(Path.Combine(work.Path, "plugins")).FullName;
        var catalog = AnalyzerCatalog.Load(PluginDiscovery.Discover([plugins]), new McMasterPluginLoader());
        var config = new EffectiveConfig(PipelineConfig.Default(Directory.GetCurrentDirectory()), catalog);

        var runs = new List<(RunResult Result, TimeSpan Cpu)>();
        // One warm-up pass first (JIT, file cache), not counted.
        for (int i = 0; i <= repeat; i++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var runner = new PipelineRunner(catalog, config, new ModelCatalog([]), new ServiceRegistry());
            var result = runner.RunAsync(new RunOptions
            {
                Inputs = [corpus],
                OutputDirectory = Path.Combine(work.Path, "out"),
                Jobs = jobs,
                Out = TextWriter.Null,
                Error = Console.Error,
            }).GetAwaiter().GetResult();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            Console.WriteLine(string.Create(C, $"{(i == 0 ? "warm-up" : $"run {i}")}: {result.Documents} documents in {result.Elapsed.TotalSeconds:0.000} s, CPU {cpu.TotalSeconds:0.000} s"));
            if (i > 0) runs.Add((result, cpu));
        }
        // Medians: on a shared machine the best run flatters and the worst is noise.
        var (median, _) = runs.OrderBy(r => r.Result.Elapsed).ElementAt(runs.Count / 2);
        var medianCpu = runs.Select(r => r.Cpu).Order().ElementAt(runs.Count / 2);
        double seconds = median.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(C, $"corpus: {corpus} ({median.Documents} documents, {bytes / 1e6:0.00} MB, {median.Tokens} tokens), jobs {jobs}, median of {repeat}"));
        Console.WriteLine(string.Create(C, $"documents/s: {median.Documents / seconds:0}"));
        Console.WriteLine(string.Create(C, $"MB/s: {bytes / 1e6 / seconds:0.00}"));
        Console.WriteLine(string.Create(C, $"tokens/s: {median.Tokens / seconds:0}"));
        // On a shared machine wall time includes waiting for a core; CPU time does not.
        Console.WriteLine(string.Create(C, $"CPU time: {medianCpu.TotalSeconds:0.000} s ({bytes / 1e6 / medianCpu.TotalSeconds:0.00} MB per CPU second)"));
        Console.WriteLine(string.Create(C, $"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0.0} MB"));
        return 0;
    }

    /// <summary>Runs 2,000 and 20,000 generated documents, each in a fresh process, and compares their peak memory.</summary>
    private static int Scaling(string seed, int jobs)
    {
        if (!File.Exists(seed))
        {
            Console.Error.WriteLine($"host --scaling: {seed}: file not found (run from the repository root or give --seed)");
            return 2;
        }
        var text = File.ReadAllText(seed);
        var peaks = new List<double>();
        foreach (int count in new[] { 2_000, 20_000 })
        {
            using var corpus = new TempDirectory();
            for (int i = 0; i < count; i++)
                File.WriteAllText(Path.Combine(corpus.Path, $"{i / 1000:D2}", $"{i:D5}.txt").EnsureFolder(),
                    text.Replace("Lukashenka", $"Lukashenka ({i})", StringComparison.Ordinal) + $"\n\nEdition {i}.\n");
            var output = RunChild(["host", corpus.Path, "--jobs", jobs.ToString(C), "--repeat", "1"]);
            Console.Write(output.Replace("\n", $"\n  ", StringComparison.Ordinal).Insert(0, $"{count} documents:\n  ").TrimEnd(' '));
            var peak = output.Split('\n').Single(l => l.StartsWith("peak working set:", StringComparison.Ordinal));
            peaks.Add(double.Parse(peak.Split(':')[1].Replace("MB", "", StringComparison.Ordinal), C));
        }
        Console.WriteLine(string.Create(C, $"peak memory ratio 20,000 / 2,000 documents: {peaks[1] / peaks[0]:0.00}"));
        return 0;
    }

    private static string RunChild(string[] args)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
        // Under `dotnet Pipeline.Benchmarks.dll` the process is dotnet itself: pass the assembly first.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"child run failed ({process.ExitCode}): {output}");
        return output;
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], C) : fallback;

    private static string Option(string[] args, string name, string fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

    private static bool IsOptionValue(string[] args, string value) =>
        Array.IndexOf(args, value) is var i and > 0 && args[i - 1].StartsWith("--", StringComparison.Ordinal) && args[i - 1] != "--scaling";

    private static string EnsureFolder(this string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return file;
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("pipeline-bench-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
