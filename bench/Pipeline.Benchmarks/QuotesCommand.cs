using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pipeline.Analyzers.Quotes;
using Pipeline.Analyzers.Quotes.Attribution;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Analyzers.Quotes.Learning;
using Pipeline.Sdk;
using Pipeline.Text;
using Pipeline.Text.Reading;

namespace Pipeline.Benchmarks;

/// <summary>
/// Speed of quote detection plus attribution on one thread, given the segmentation and an entity
/// layer (both made before timing; the entity layer here is every run of capitalised words, a
/// stand-in with a realistic number of mentions). Prints the median MB/s (UTF-8) of the repeats
/// by the clock and per CPU second of the process (the honest figure on a machine shared with
/// other jobs), and the share of time in each stage, after a warm-up of two seconds.
/// </summary>
public sealed class QuotesCommand : IBenchCommand
{
    public string Name => "quotes";
    public string Usage => "quotes speed: --input DIR|FILE [--articles 2000] [--repeat 5] [--models models]";

    public int Run(BenchArgs args)
    {
        string models = args.Get("models") ?? "models";
        var (lexicon, model) = QuoteComponents.Load(models);
        var detector = new QuoteDetector(lexicon, model);
        var attributor = new QuoteAttributor(lexicon, model);

        var docs = new List<(Document Doc, ImmutableArray<EntityMention> Entities)>();
        long bytes = 0;
        int max = args.GetInt("articles", 2000);
        foreach (var input in InputResolver.Resolve([args.Require("input")]))
        {
            if (input.Error is not null) { Console.Error.WriteLine($"{input.Path}: {input.Error}"); continue; }
            foreach (var read in ArticleReader.Default.Read(input.Path, ReadLimits.Default))
            {
                if (read is not ArticleRead article || docs.Count >= max) continue;
                var doc = DocumentFactory.Create(article.Text);
                docs.Add((doc, CapitalizedRuns(doc)));
                bytes += Encoding.UTF8.GetByteCount(article.Text);
            }
        }
        if (docs.Count == 0) throw new ArgumentException("no articles read");

        var phases = new Phases();
        // Warm up for at least two seconds: the runtime recompiles hot methods, optimised, on a background
        // thread for a while after their first calls, and that work would count in the timed passes' CPU time.
        int quotes = 0;
        for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 2;) quotes = RunOnce(docs, detector, attributor, phases);
        phases = new Phases();
        var seconds = new List<double>();
        var cpuSeconds = new List<double>();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
        var process = Process.GetCurrentProcess();
        for (int r = 0; r < args.GetInt("repeat", 5); r++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            RunOnce(docs, detector, attributor, phases);
            seconds.Add(clock.Elapsed.TotalSeconds);
            process.Refresh();
            cpuSeconds.Add((process.TotalProcessorTime - cpu).TotalSeconds);
        }
        double median = Median(seconds), cpuMedian = Median(cpuSeconds);
        double perPass = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)seconds.Count;
        (gen0, gen2) = (GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2);
        long tokens = docs.Sum(d => (long)d.Doc.Tokens.Length);
        double total = phases.View + phases.Detect + phases.Attribute;
        string Ms(long ticks) => (ticks * 1000.0 / Stopwatch.Frequency / seconds.Count).ToString("F0", CultureInfo.InvariantCulture);
        Console.WriteLine($"quotes: {docs.Count} articles, {bytes / 1e6:F2} MB, {tokens} tokens, {quotes} quotes; " +
                          $"detection + attribution {bytes / 1e6 / median:F2} MB/s, {tokens / median:F0} tokens/s (median of {seconds.Count}); " +
                          $"per CPU second {bytes / 1e6 / cpuMedian:F2} MB/s; " +
                          $"time in token view {phases.View / total:P0}, detection {phases.Detect / total:P0}, attribution {phases.Attribute / total:P0} " +
                          $"({Ms(phases.View)}, {Ms(phases.Detect)}, {Ms(phases.Attribute)} ms a pass)");
        Console.WriteLine($"allocated per pass {perPass / 1e6:F0} MB ({perPass / bytes:F0} bytes per input byte); " +
                          $"collections over the timed passes: gen0 {gen0}, gen2 {gen2}");

        // One more pass, untimed, counting what each tagger scores (the work the figures above pay for).
        var (cue, content, source) = (new CountingTagger(model.Cue), new CountingTagger(model.Content), new CountingTagger(model.Source));
        var counted = new QuoteModel(model.Id, model.Bits, cue, content, source, model.Clusters, model.CueSkipWords, model.CueEncoder, model.TunedCue);
        RunOnce(docs, new QuoteDetector(lexicon, counted), new QuoteAttributor(lexicon, counted), new Phases());
        Console.WriteLine($"tokens scored per pass: cue tagger {cue.Calls}, content tagger {content.Calls}, source tagger {source.Calls}; " +
                          $"passed over by the bound: {cue.PassedOver}, {content.PassedOver}, {source.PassedOver}");
        return 0;
    }

    /// <summary>A tagger that counts the tokens it scores and those its bound passes over.</summary>
    private sealed class CountingTagger(ITokenClassifier tagger) : ITokenClassifier
    {
        public long Calls { get; private set; }
        public long PassedOver { get; private set; }
        public FeatureBuffer CreateBuffer() => tagger.CreateBuffer();

        public void Probabilities(FeatureBuffer features, Span<float> probabilities)
        {
            Calls++;
            tagger.Probabilities(features, probabilities);
        }

        public bool CannotBegin(FeatureBuffer features, float logOdds)
        {
            bool cannot = tagger.CannotBegin(features, logOdds);
            if (cannot) PassedOver++;
            return cannot;
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    /// <summary>Stopwatch ticks spent in each stage.</summary>
    private sealed class Phases
    {
        public long View, Detect, Attribute;
    }

    private static int RunOnce(List<(Document Doc, ImmutableArray<EntityMention> Entities)> docs, QuoteDetector detector, QuoteAttributor attributor, Phases phases)
    {
        int count = 0;
        foreach (var (doc, entities) in docs)
        {
            long t0 = Stopwatch.GetTimestamp();
            var view = new TokenView(doc, detector.Lexicon, detector.Model.Clusters);
            long t1 = Stopwatch.GetTimestamp();
            var found = detector.Detect(view);
            var quotes = found.Select((q, i) => QuoteBuilder.ToQuote(doc, q, "q" + (i + 1), null)).ToImmutableArray();
            long t2 = Stopwatch.GetTimestamp();
            count += attributor.Attribute(view, quotes, entities).Count;
            phases.View += t1 - t0;
            phases.Detect += t2 - t1;
            phases.Attribute += Stopwatch.GetTimestamp() - t2;
        }
        return count;
    }

    /// <summary>Every run of capitalised words not opening a sentence, as a person mention.</summary>
    private static ImmutableArray<EntityMention> CapitalizedRuns(Document doc)
    {
        var mentions = ImmutableArray.CreateBuilder<EntityMention>();
        for (int t = 0; t < doc.Tokens.Length; t++)
        {
            if (!IsName(doc, t) || doc.SentenceAt(doc.Tokens[t].Span.Start) is var s && s >= 0 && doc.Sentences[s].FirstToken == t) continue;
            int end = t + 1;
            while (end < doc.Tokens.Length && IsName(doc, end)) end++;
            var span = TextSpan.FromBounds(doc.Tokens[t].Span.Start, doc.Tokens[end - 1].Span.End);
            string id = "e" + (mentions.Count + 1);
            mentions.Add(new EntityMention { Id = id, Span = span, Type = EntityTypes.Person, ClusterId = id, CanonicalName = doc.GetString(span) });
            t = end - 1;
        }
        return mentions.ToImmutable();
    }

    private static bool IsName(Document doc, int t) => doc.Tokens[t].Kind == TokenKind.Word && char.IsUpper(doc.Text[doc.Tokens[t].Span.Start]);
}
