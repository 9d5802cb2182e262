using System.Diagnostics;
using Pipeline.Analyzers.Hedging;
using Pipeline.Analyzers.Hedging.Lexicon;
using Pipeline.Analyzers.Hedging.Ml;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Benchmarks;

/// <summary>
/// `bench hedging [--tier lexicon|ml] [--models DIR] [--model NAME] [--repeat N] FILE...`: one-core
/// speed of the hedging analyzer (cue detection, holders, uncertainty and findings) over already
/// segmented documents, after a warm-up, in MB/s of UTF-16 text and tokens/s. --model picks the ML
/// tier's model folder (default hedging-ml); a model trained with an encoder runs it.
/// </summary>
public static class HedgingCommand
{
    public static int Run(string[] args)
    {
        var tier = HedgingTier.Lexicon;
        string models = "models", model = HedgingOptions.DefaultModel;
        int repeat = 50;
        var files = new List<string>();
        for (int i = 0; i < args.Length; i++)
            switch (args[i])
            {
                case "--tier": tier = args[++i] == "ml" ? HedgingTier.Ml : HedgingTier.Lexicon; break;
                case "--models": models = args[++i]; break;
                case "--model": model = args[++i]; break;
                case "--repeat": repeat = int.Parse(args[++i]); break;
                default: files.Add(args[i]); break;
            }
        if (files.Count == 0) { Console.Error.WriteLine("bench hedging: give one or more text files"); return 2; }

        var docs = files.SelectMany(f => Directory.Exists(f) ? Directory.EnumerateFiles(f, "*.txt", SearchOption.AllDirectories) : [f])
            .Select(f => DocumentFactory.Create(File.ReadAllText(f))).ToList();
        var options = new HedgingOptions { Tier = tier, Model = model };
        ICueDetector detector = tier == HedgingTier.Lexicon
            ? HedgeDetectors.LoadLexicon(Path.Combine(models, options.Lexicon))
            : HedgeDetectors.LoadModel(Path.Combine(models, options.Model), options);
        var annotator = new HedgeAnnotator(detector, options);
        long chars = docs.Sum(d => (long)d.Text.Length), tokens = docs.Sum(d => (long)d.Tokens.Length);

        int cues = 0;
        void Pass() { foreach (var d in docs) cues += annotator.Annotate(d, _ => "x", m => new Provenance("hedging", "bench") { Method = m }).Cues.Length; }
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(2)) Pass(); // let tiered compilation settle
        cues = 0;
        var sw = Stopwatch.StartNew();
        for (int r = 0; r < repeat; r++) Pass();
        double seconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"hedging {tier.ToString().ToLowerInvariant()}: {docs.Count} documents x {repeat}, {chars * repeat / seconds / 1e6:0.0} MB/s, " +
                          $"{tokens * repeat / seconds:0} tokens/s, {cues / repeat} cues per pass ({detector.ModelId})");
        return 0;
    }
}
