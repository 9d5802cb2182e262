using Pipeline.Benchmarks;

return args.FirstOrDefault() switch
{
    "hedging" => HedgingCommand.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench hedging [--tier lexicon|ml] [--models DIR] [--repeat N] FILE|DIR...");
    return 2;
}
