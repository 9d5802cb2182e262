using Pipeline.Benchmarks;

// Each command lives in its own file; this only dispatches on the first argument.
return args.Length == 0 ? Usage() : args[0] switch
{
    "segment" => SegmentCommand.Run(args[1..]),
    "segeval" => SegmentationEvalCommand.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Pipeline.Benchmarks <command> [options]
          segment <file-or-folder>... [--repeat N]   segmentation speed on one thread (MB/s, tokens/s)
          segeval <conllu> [--documents N]          token and sentence-boundary F1 against UD gold
        """);
    return 2;
}
