using Pipeline.Benchmarks;

// Benchmark commands, chosen by the first argument.
try
{
    return args.FirstOrDefault() switch
    {
        "clusters" => ClustersCommand.Run(args[1..]),
        "encoder" => new EncoderCommand().Run(new BenchArgs(args[1..])),
        "quotes" => new QuotesCommand().Run(new BenchArgs(args[1..])),
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
    Console.Error.WriteLine("usage: Pipeline.Benchmarks <command> [args]; commands: clusters, encoder, quotes");
    return 2;
}
