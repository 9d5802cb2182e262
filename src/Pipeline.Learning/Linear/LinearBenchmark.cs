using System.Diagnostics;
using System.Text;
using Pipeline.Learning.Gold;
using Pipeline.Learning.Metrics;
using Pipeline.Sdk;

namespace Pipeline.Learning.Linear;

public sealed record LinearBenchmarkOptions
{
    /// <summary>CoNLL BIO train and dev files for the trainer comparison; null: scoring speed only.</summary>
    public string? Train { get; init; }
    public string? Dev { get; init; }
    public int HashBits { get; init; } = 20;
    /// <summary>Weight rows of the synthetic model of the scoring measurement.</summary>
    public int Rows { get; init; } = 300_000;
    public int? MaxIterations { get; init; }
    public float? L1 { get; init; }
    public float? L2 { get; init; }
    public IReadOnlyList<LinearAlgorithm> Algorithms { get; init; } = [LinearAlgorithm.Lbfgs, LinearAlgorithm.Sdca];
}

/// <summary>
/// Measures direct scoring of a linear model (40 features × 17 classes, the entity tagger's shape)
/// and compares ML.NET's L-BFGS and SDCA maximum entropy trainers on a CoNLL token-tagging task
/// with plain local features (word, shape, affixes, neighbours): training time, model size, F1.
/// </summary>
public static class LinearBenchmark
{
    public static void Run(LinearBenchmarkOptions options, TextWriter output)
    {
        ScoringSpeed(options.Rows, output);
        if (options.Train is not null && options.Dev is not null) CompareTrainers(options, output);
    }

    private static void ScoringSpeed(int rows, TextWriter output)
    {
        const int classes = 17, featuresPerToken = 40, bits = 22;
        var random = new Random(1);
        var keys = new HashSet<int>();
        while (keys.Count < rows) keys.Add(random.Next(1 << bits));
        var sorted = keys.Order().ToArray();
        var weights = new float[rows * classes];
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)(random.NextDouble() - 0.5);
        var model = new LinearModel([.. Enumerable.Range(0, classes).Select(c => $"L{c}")], bits, 0, sorted, weights, new float[classes], []);
        // Text features are Zipf-distributed (a few are in every token); a uniform draw is the cache's worst case.
        var rank = sorted.OrderBy(_ => random.Next()).ToArray();
        var zipf = new double[rows];
        for (int r = 0; r < rows; r++) zipf[r] = (r > 0 ? zipf[r - 1] : 0) + 1.0 / (r + 1);
        int Zipf() { int r = Array.BinarySearch(zipf, random.NextDouble() * zipf[^1]); return rank[r < 0 ? ~r : r]; }
        int[][] Tokens(Func<int> known) => Enumerable.Range(0, 4096).Select(_ => Enumerable.Range(0, featuresPerToken)
            .Select(_ => random.NextDouble() < 0.9 ? known() : random.Next(1 << bits)).ToArray()).ToArray(); // a tenth unseen
        output.WriteLine($"scoring {featuresPerToken} features x {classes} classes, model of {rows} rows, one thread:");
        Measure("  zipf-distributed features", Tokens(Zipf), model, output);
        Measure("  uniform features (cache worst case)", Tokens(() => sorted[random.Next(rows)]), model, output);
    }

    /// <summary>Scores the token feature lists many times; CPU time per token (steady on a busy machine) and wall time.</summary>
    private static void Measure(string name, int[][] tokens, LinearModel model, TextWriter output)
    {
        var scores = new float[model.ClassCount];
        for (int i = 0; i < 100_000; i++) model.Score(tokens[i % tokens.Length], scores); // warm-up (tiered JIT)
        int calls = Math.Max(1_000_000, tokens.Length * 10);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < calls; i++) model.Score(tokens[i % tokens.Length], scores);
        double wallNs = clock.Elapsed.TotalNanoseconds / calls;
        process.Refresh();
        double cpuNs = (process.TotalProcessorTime - cpu).TotalNanoseconds / calls;
        output.WriteLine($"{name}: {cpuNs:F0} ns CPU per token ({1e9 / cpuNs / 1e6:F2} M tokens/s per core); wall {wallNs:F0} ns");
    }

    private static void CompareTrainers(LinearBenchmarkOptions options, TextWriter output)
    {
        var reader = new ConllReader();
        var train = Tagged(reader.Read(options.Train!, GoldReadOptions.Default, e => output.WriteLine(e)), options.HashBits);
        var dev = Tagged(reader.Read(options.Dev!, GoldReadOptions.Default, e => output.WriteLine(e)), options.HashBits);
        var labels = train.SelectMany(s => s.Tags).Concat(dev.SelectMany(s => s.Tags)).Distinct().Order(StringComparer.Ordinal).ToList();
        var examples = train.SelectMany(s => s.Features.Select((f, i) => new LinearExample(labels.IndexOf(s.Tags[i]), f))).ToList();
        output.WriteLine($"trainers: {train.Count} train sentences ({examples.Count} tokens), {dev.Count} dev sentences, {labels.Count} tags, 2^{options.HashBits} hashed features");
        foreach (var algorithm in options.Algorithms)
        {
            var clock = Stopwatch.StartNew();
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var model = LinearTrainer.Train(examples, labels, new LinearTrainerOptions
            {
                Algorithm = algorithm, HashBits = options.HashBits, MaxIterations = options.MaxIterations, L1 = options.L1, L2 = options.L2,
            });
            double seconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            var eval = new ConllEval();
            var probabilities = new float[labels.Count];
            foreach (var s in dev)
                eval.Add(s.Tags, s.Features.Select(f => model.Labels[model.Predict(f, probabilities)]).ToList());
            using var bytes = new MemoryStream();
            model.Save(bytes);
            var micro = eval.Chunks.Micro;
            output.WriteLine($"{algorithm} (l1 {options.L1?.ToString() ?? "default"}, l2 {options.L2?.ToString() ?? "default"}, iterations {options.MaxIterations?.ToString() ?? "default"}): trained in {seconds:F1} s ({cpuSeconds:F1} CPU s), {model.RowCount} weight rows, file {bytes.Length / 1024.0 / 1024.0:F1} MB; "
                + $"dev F1 {micro.F1:F4} (P {micro.Precision:F4}, R {micro.Recall:F4}), tag accuracy {eval.TagAccuracy:F4}");
            Measure($"  scoring the dev tokens ({dev.Sum(s => s.Features.Count)} tokens, {dev.Sum(s => s.Features.Sum(f => f.Length)) / dev.Sum(s => s.Features.Count)} features each)",
                dev.SelectMany(s => s.Features).ToArray(), model, output);
        }
    }

    private sealed record TaggedSentence(List<string> Tags, List<int[]> Features);

    /// <summary>BIO tags from the gold entities and plain local features for every token.</summary>
    private static List<TaggedSentence> Tagged(IEnumerable<Document> documents, int bits)
    {
        var hasher = new FeatureHasher(bits);
        var result = new List<TaggedSentence>();
        foreach (var doc in documents)
        {
            var tags = Enumerable.Repeat("O", doc.Tokens.Length).ToArray();
            foreach (var e in doc.GetLayerOrEmpty(Layers.Entities))
                for (int t = doc.TokenAt(e.Span.Start), first = t; t < doc.Tokens.Length && doc.Tokens[t].Span.Start < e.Span.End; t++)
                    tags[t] = (t == first ? "B-" : "I-") + e.Type;
            foreach (var s in doc.Sentences)
            {
                var features = new List<int[]>();
                for (int t = s.FirstToken; t < s.EndToken; t++) features.Add(LocalFeatures(doc, s, t, hasher));
                result.Add(new TaggedSentence(tags[s.FirstToken..s.EndToken].ToList(), features));
            }
        }
        return result;
    }

    private static int[] LocalFeatures(Document doc, Sentence s, int t, FeatureHasher h)
    {
        string word = doc.GetString(doc.Tokens[t].Span), lower = doc.TokenLower(t);
        string Neighbour(int offset) => t + offset >= s.FirstToken && t + offset < s.EndToken ? doc.TokenLower(t + offset) : offset < 0 ? "<s>" : "</s>";
        var f = new List<int> { h.Hash(0), h.Hash(1, word), h.Hash(2, lower), h.Hash(3, Shape(word)) };
        for (int n = 1; n <= 4 && n <= lower.Length; n++)
        {
            f.Add(h.Hash(3 + n, lower.AsSpan(0, n)));
            f.Add(h.Hash(7 + n, lower.AsSpan(lower.Length - n)));
        }
        for (int o = -2; o <= 2; o++)
            if (o != 0)
            {
                f.Add(h.Hash(14 + o, Neighbour(o)));
                int n = t + o;
                f.Add(h.Hash(20 + o, n >= s.FirstToken && n < s.EndToken ? Shape(doc.GetString(doc.Tokens[n].Span)) : "-"));
            }
        f.Add(h.Hash(30, Neighbour(-1), lower));
        f.Add(h.Hash(31, lower, Neighbour(1)));
        if (t == s.FirstToken) f.Add(h.Hash(32));
        return [.. f];
    }

    /// <summary>Word shape with runs collapsed: "McDonald" → "XxXx", "1996-08-22" → "d-d-d".</summary>
    private static string Shape(string word)
    {
        var sb = new StringBuilder();
        foreach (char c in word)
        {
            char k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (sb.Length == 0 || sb[^1] != k) sb.Append(k);
        }
        return sb.ToString();
    }
}
