using Pipeline.Benchmarks;

// Each command lives in its own file; this only dispatches on the first argument.
try
{
    return args.Length == 0 ? Usage() : args[0] switch
    {
        "host" => HostCommand.Run(args[1..]),
        "segment" => SegmentCommand.Run(args[1..]),
        "segeval" => SegmentationEvalCommand.Run(args[1..]),
        "clusters" => ClustersCommand.Run(args[1..]),
        "encoder" => new EncoderCommand().Run(new BenchArgs(args[1..])),
        "entities" => new EntitiesCommand().Run(new BenchArgs(args[1..])),
        "linear" => new LinearCommand().Run(new BenchArgs(args[1..])),
        "report" => ReportCommand.Run(args[1..]),
        "hedging" => HedgingCommand.Run(args[1..]),
        "quotes" => new QuotesCommand().Run(new BenchArgs(args[1..])),
        "stance" => new StanceCommand().Run(new BenchArgs(args[1..])),
        _ => Usage(),
    };
}
catch (Exception ex) when (ex is ArgumentException or IOException)
{
    Console.Error.WriteLine($"{args[0]}: {ex.Message}");
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Pipeline.Benchmarks <command> [options]
          host <corpus> [--jobs N] [--repeat N]      host throughput, no analyzers, all outputs on (docs/s, MB/s, tokens/s, peak memory)
          host --scaling [--seed FILE] [--jobs N]    peak memory at 2,000 and 20,000 generated documents, and their ratio
          segment <file-or-folder>... [--repeat N]   segmentation speed on one thread (MB/s, tokens/s)
          segeval <conllu> [--documents N]          token and sentence-boundary F1 against UD gold
          clusters build|probe|gazetteer|speed ...  word clusters and gazetteers
          encoder [options]                         MiniLM encoder speed
          entities --model DIR --input DIR|FILE     entity model load time and recognition speed on one thread
          linear [options]                          linear model scoring speed
          report --records N --dir DIR [--step S]   report and table export time and memory
          hedging [--tier lexicon|ml] [--models DIR] [--repeat N] <file-or-folder>...   hedging analyzer speed
          quotes --input DIR|FILE [options]         quote detection + attribution speed (MB/s)
          stance --gold FILE [options]              stance analyzer speed per tier
        """);
    return 2;
}
