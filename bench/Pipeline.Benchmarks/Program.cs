// Benchmark commands, chosen by the first argument.
return args.FirstOrDefault() switch
{
    "clusters" => Pipeline.Benchmarks.ClustersCommand.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Pipeline.Benchmarks <command> [args]; commands: clusters");
    return 2;
}
