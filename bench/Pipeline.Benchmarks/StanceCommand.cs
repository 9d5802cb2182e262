using System.Diagnostics;
using Pipeline.Analyzers.Stance;
using Pipeline.Learning.Gold;
using Pipeline.Sdk;

namespace Pipeline.Benchmarks;

/// <summary>
/// Stance analyzer speed on one thread, per tier: documents come with their entity layer (and
/// claims) from a gold file or from a run's annotations.jsonl; model loading, segmentation and
/// reading are not timed. Tokens are all the documents' tokens; the median of the repeats is reported.
/// </summary>
public sealed class StanceCommand : IBenchCommand
{
    public string Name => "stance";
    public string Usage => "stance speed: --gold FILE (NewsMTSC, FNC-1 or annotations.jsonl with entities) [--format F] [--articles N] [--repeat 3] [--tier fast|accurate|both] [--models DIR] [--int8]";

    public int Run(BenchArgs args)
    {
        string gold = args.Require("gold"), models = args.Get("models") ?? "models";
        int repeat = args.GetInt("repeat", 3), maxDocs = args.GetInt("articles", int.MaxValue);
        var tiers = args.Get("tier") is { } t && t != "both" ? [t] : new[] { "fast", "accurate" };
        int errors = 0;
        var docs = GoldFormats.Read(gold, args.Get("format"), null, _ => errors++).Take(maxDocs).ToList();
        long tokens = docs.Sum(d => (long)d.Tokens.Length);
        int mentions = docs.Sum(d => d.GetLayerOrEmpty(Layers.Entities).Count(e => e.Type is EntityTypes.Person or EntityTypes.Organization));
        int claims = docs.Sum(d => d.Metadata.Claims.Length);
        Console.WriteLine($"{gold}: {docs.Count} documents, {tokens} tokens, {mentions} PER/ORG mentions, {claims} claims{(errors > 0 ? $" ({errors} bad records skipped)" : "")}");

        foreach (var tier in tiers)
        {
            var load = Stopwatch.StartNew();
            var options = StanceOptions.From(AnalyzerOptionsOf(tier)) with { Int8 = args.Has("int8") };
            var annotator = StanceAnnotator.Load(options, name => Resolve(models, name), () => null, [], new ConsoleLog());
            annotator.Annotate(docs[0], docs[0].GetLayerOrEmpty(Layers.Entities)); // loads the encoder, JIT
            load.Stop();
            Console.WriteLine($"tier {tier}: entity model {annotator.Entities?.Model.Id ?? "none"}, claim model {annotator.Claims?.Model.Id ?? "none"}, loaded in {load.Elapsed.TotalSeconds:F1} s");
            Measure($"stance ({tier})", repeat, tokens, () =>
            {
                foreach (var d in docs) annotator.Annotate(d, d.GetLayerOrEmpty(Layers.Entities));
            });
        }
        return 0;
    }

    private static AnalyzerOptions AnalyzerOptionsOf(string tier) =>
        new(System.Collections.Immutable.ImmutableDictionary<string, System.Text.Json.JsonElement>.Empty.Add("tier", System.Text.Json.JsonSerializer.SerializeToElement(tier)));

    private static string Resolve(string models, string name)
    {
        string path = Directory.Exists(name) ? name : Path.Combine(models, name);
        return Directory.Exists(path) ? path : throw new ModelNotFoundException(name, [path]);
    }

    private static void Measure(string what, int repeat, long tokens, Action run)
    {
        var wall = new double[repeat];
        for (int r = 0; r < repeat; r++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            run();
            wall[r] = clock.Elapsed.TotalSeconds;
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            double bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Console.WriteLine($"  {what}: {tokens / wall[r]:N0} tokens/s wall, {tokens / used:N0} tokens/s per CPU second, {bytes / tokens:N0} bytes allocated per token");
        }
        Array.Sort(wall);
        double median = wall[repeat / 2];
        Console.WriteLine($"{what}: median {tokens / median:N0} tokens/s on one thread (min {tokens / wall[^1]:N0}, max {tokens / wall[0]:N0})");
    }

    private sealed class ConsoleLog : IRunLog
    {
        public void Info(string message) => Console.Error.WriteLine(message);
        public void Warning(string message) => Console.Error.WriteLine("warning: " + message);
    }
}
