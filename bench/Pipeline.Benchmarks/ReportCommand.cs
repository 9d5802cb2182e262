using System.Diagnostics;
using System.Globalization;
using Pipeline.Host.Exports;
using Pipeline.Host.Reports;
using Pipeline.Sdk;
using Pipeline.Text;
using Pipeline.Text.Records;

namespace Pipeline.Benchmarks;

/// <summary>
/// `report [--records N] [--step all|read|html|csv|parquet] [--seed FILE] [--dir DIR]`: writes N records
/// (the seed article with entities, quotes, attributions, hedges, uncertainty and stance, under N
/// different ids and paths) to DIR/annotations-N.jsonl once, then times the HTML report and the
/// exports over it and prints the process's peak working set after each step.
/// </summary>
internal static class ReportCommand
{
    public static int Run(string[] args)
    {
        int records = 10_000;
        string step = "all", seed = "seeds/dialog-of-dictators.txt", dir = Path.Combine(Path.GetTempPath(), "pipeline-report-bench");
        for (int i = 0; i + 1 < args.Length; i += 2)
            switch (args[i])
            {
                case "--records": records = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--step": step = args[i + 1]; break;
                case "--seed": seed = args[i + 1]; break;
                case "--dir": dir = args[i + 1]; break;
                default: Console.Error.WriteLine($"report: unknown option {args[i]}"); return 2;
            }
        Directory.CreateDirectory(dir);
        string input = Path.Combine(dir, $"annotations-{records}.jsonl");
        if (!File.Exists(input)) Generate(File.ReadAllText(seed), records, input);
        Console.WriteLine($"input: {input} ({new FileInfo(input).Length / 1e6:0.0} MB, {records} records)");

        // Reading alone (JSON, segmentation, payloads) is the floor under every step.
        if (step is "all" or "read") Measure("read", records, () => AnnotationInput.Read(input, bad => Console.Error.WriteLine(bad)).Count());
        if (step is "all" or "html") Measure("html", records, () => HtmlReport.Write(input, Path.Combine(dir, "report")).Documents);
        if (step is "all" or "csv") Measure("csv", records, () => TableExport.Write(input, Path.Combine(dir, "csv"), ExportFormat.Csv).Documents);
        if (step is "all" or "parquet") Measure("parquet", records, () => TableExport.Write(input, Path.Combine(dir, "parquet"), ExportFormat.Parquet).Documents);
        return 0;
    }

    private static void Measure(string name, int expected, Func<int> run)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        int documents = run();
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        if (documents != expected) throw new InvalidOperationException($"{name}: {documents} documents, expected {expected}");
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"{name}: {documents} documents in {clock.Elapsed.TotalSeconds:0.0} s wall, {cpu.TotalSeconds:0.0} s CPU ({documents / cpu.TotalSeconds:0} per CPU second), "
                          + $"peak working set {process.PeakWorkingSet64 / 1e6:0} MB");
    }

    /// <summary>The seed annotated with simple rules (density close to a real run), written <paramref name="count"/> times.</summary>
    private static void Generate(string text, int count, string file)
    {
        var doc = Annotate(DocumentFactory.Create(text));
        using var output = File.Create(file);
        for (int i = 1; i <= count; i++)
        {
            var record = new AnnotationRecord
            {
                Id = i.ToString("x32", CultureInfo.InvariantCulture), Path = $"bench/{i:D6}.txt", Status = DocumentStatus.Ok, Document = doc,
                Findings = [new RecordFinding(new Finding { RuleId = "HDG001", Span = doc.GetLayer(Layers.HedgeCues)[0].Span, Message = "hedged claim" }, "hedging") { Line = 1, Column = 1 }],
            };
            output.Write(AnnotationRecordWriter.ToLine(record));
        }
    }

    private static readonly HashSet<string> HedgeWords = ["may", "might", "could", "appeared", "appears", "reportedly", "alleged", "likely", "possibly", "unclear"];

    private static Document Annotate(Document doc)
    {
        var entities = new List<EntityMention>();
        var hedges = new List<HedgeCue>();
        for (int t = 0; t < doc.Tokens.Length; t++)
        {
            var token = doc.Tokens[t];
            string word = doc.GetString(token.Span);
            if (token.Kind == TokenKind.Word && char.IsUpper(word[0]) && !token.Has(TokenFlags.SentenceStart))
                entities.Add(new EntityMention { Id = $"e{entities.Count + 1}", Span = token.Span, Type = "PER", ClusterId = word, CanonicalName = word });
            if (HedgeWords.Contains(word.ToLowerInvariant()))
                hedges.Add(new HedgeCue { Id = $"h{hedges.Count + 1}", Span = token.Span, Type = HedgeType.Epistemic });
        }
        var quotes = new List<Quote>();
        var attributions = new List<Attribution>();
        for (int open = doc.Text.IndexOf('“'); open >= 0; open = doc.Text.IndexOf('“', open + 1))
        {
            int close = doc.Text.IndexOf('”', open);
            if (close < 0) break;
            var span = TextSpan.FromBounds(open, close + 1);
            string id = $"q{quotes.Count + 1}";
            quotes.Add(new Quote { Id = id, Span = span, Kind = QuoteKind.Direct, Content = [span] });
            var speaker = entities.FirstOrDefault(e => e.Span.Start > close) ?? entities[0];
            attributions.Add(new Attribution { Id = $"a{attributions.Count + 1}", Span = speaker.Span, QuoteId = id, SpeakerKind = SpeakerKind.Named, ClusterId = speaker.ClusterId, CanonicalName = speaker.CanonicalName });
        }
        var uncertainty = doc.Sentences.Select((s, i) => new SentenceUncertainty
        {
            Id = $"u{i + 1}", Span = s.Span, Uncertain = hedges.Any(h => s.Span.Contains(h.Span)),
            CueIds = [.. hedges.Where(h => s.Span.Contains(h.Span)).Select(h => h.Id)],
        }).ToList();
        // Stance toward the first mention of each entity in a sentence.
        var stance = entities.DistinctBy(e => (e.ClusterId, doc.SentenceAt(e.Span.Start))).Select((e, i) => new EntityStance
        {
            Id = $"s{i + 1}", Span = doc.Sentences[Math.Max(0, doc.SentenceAt(e.Span.Start))].Span, ClusterId = e.ClusterId, CanonicalName = e.CanonicalName,
            Scope = StanceScope.Mention, Label = (StanceLabel)(i % 3), MentionId = e.Id, Scores = [0.2, 0.6, 0.2],
        }).ToList();
        return doc
            .WithLayer(Layers.Entities, [.. entities]).WithLayer(Layers.HedgeCues, [.. hedges]).WithLayer(Layers.Quotes, [.. quotes])
            .WithLayer(Layers.Attributions, [.. attributions]).WithLayer(Layers.Uncertainty, [.. uncertainty]).WithLayer(Layers.Stance, [.. stance]);
    }
}
