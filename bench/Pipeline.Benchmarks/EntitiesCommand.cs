using System.Diagnostics;
using Pipeline.Analyzers.Entities;
using Pipeline.Sdk;
using Pipeline.Text;

namespace Pipeline.Benchmarks;

/// <summary>
/// Entity model load time and entity recognition speed on one thread (segmentation is done
/// beforehand and not timed).
/// </summary>
public sealed class EntitiesCommand : IBenchCommand
{
    public string Name => "entities";
    public string Usage => "entity recognition speed: --model DIR --input DIR|FILE.txt [--articles N] [--repeat 3] [--int8]";

    public int Run(BenchArgs args)
    {
        string modelDir = args.Require("model");
        int repeat = args.GetInt("repeat", 3), maxDocs = args.GetInt("articles", int.MaxValue);
        var inputs = new[] { args.Require("input") };

        var load = Stopwatch.StartNew();
        var model = EntityEnsemble.Load(modelDir);
        load.Stop();
        foreach (var member in model.Members)
            Console.WriteLine($"member {member.Model.Id} ({member.Model.Tier}, weight {member.Weight:0.##}): " +
                              $"{member.Model.FirstPass.RowCount + member.Model.SecondPass.RowCount} weight rows");
        Console.WriteLine($"model {model.Id} ({model.Tier}): {ModelBytes(modelDir, model) / 1e6:F1} MB, loaded in {load.Elapsed.TotalMilliseconds:F0} ms");

        var docs = Texts(inputs).Take(maxDocs).Select(t => DocumentFactory.Create(t)).ToList();
        long tokens = docs.Sum(d => (long)d.Tokens.Length);
        Console.WriteLine($"{docs.Count} documents, {tokens} tokens");

        bool int8 = args.Has("int8"); // the encoders with 8-bit weights, as the analyzer's option int8
        var recognizer = new EntityRecognizer(model, id => Pipeline.Learning.Encoders.MiniLmEncoder.ForModel(id, () => null, int8));
        var tagger = new EntityTagger(model.Members[0].Model);
        long mentions = 0;
        foreach (var d in docs.Take(50)) mentions += recognizer.Recognize(d).Count; // warm-up (JIT, caches)

        if (!model.ReadsEncoder && model.Members.Count == 1)
        {
            Measure("tagging (two passes)", repeat, tokens, () => { foreach (var d in docs) tagger.Tag(d); });
            Console.WriteLine($"form cache: {100.0 * tagger.Forms.FormsAdded / tagger.Forms.TokensLoaded:F1} % of tokens missed it " +
                              $"(capacity {FormCache.DefaultCapacity:N0} forms)");
        }
        Measure("tagging + mentions + clusters" + (model.ReadsEncoder ? " + " + string.Join(" + ", model.Encoders) : ""), repeat, tokens,
            () => { foreach (var d in docs) mentions += recognizer.Recognize(d).Count; });
        return 0;
    }

    /// <summary>The size of the model files: the folder's own, or the members' of an ensemble.</summary>
    private static long ModelBytes(string modelDir, EntityEnsemble model)
    {
        var own = Path.Combine(modelDir, EntityModel.FileName);
        if (File.Exists(own)) return new FileInfo(own).Length;
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(modelDir)))!;
        return model.Members.Sum(m => new FileInfo(Path.Combine(parent, m.Model.Id[..m.Model.Id.LastIndexOf('@')], EntityModel.FileName)).Length);
    }

    /// <summary>Runs <paramref name="run"/> <paramref name="repeat"/> times; prints each run and the medians.</summary>
    private static void Measure(string what, int repeat, long tokens, Action run)
    {
        var wallRates = new List<double>();
        var cpuRates = new List<double>();
        for (int r = 0; r < repeat; r++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            run();
            wall.Stop();
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            wallRates.Add(tokens / wall.Elapsed.TotalSeconds);
            cpuRates.Add(tokens / used);
            Console.WriteLine($"  {what}: {wallRates[^1]:N0} tokens/s wall, {cpuRates[^1]:N0} tokens/s per CPU second");
        }
        Console.WriteLine($"{what}: median {Median(wallRates):N0} tokens/s wall, {Median(cpuRates):N0} tokens/s per CPU second (one thread)");
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static IEnumerable<string> Texts(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            var files = Directory.Exists(input)
                ? Directory.EnumerateFiles(input, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : (IEnumerable<string>)[input];
            foreach (var file in files) yield return File.ReadAllText(file);
        }
    }
}
