using Pipeline.Learning.Linear;

namespace Pipeline.Benchmarks;

public sealed class LinearCommand : IBenchCommand
{
    public string Name => "linear";
    public string Usage => "linear model scoring speed; with --train/--dev CoNLL files also L-BFGS vs SDCA [--rows 300000] [--bits 20] [--iterations N] [--l1 X] [--l2 X] [--algorithms lbfgs,sdca]";

    public int Run(BenchArgs args)
    {
        LinearBenchmark.Run(new LinearBenchmarkOptions
        {
            Train = args.Get("train"),
            Dev = args.Get("dev"),
            HashBits = args.GetInt("bits", 20),
            Rows = args.GetInt("rows", 300_000),
            MaxIterations = args.Get("iterations") is { } i ? int.Parse(i) : null,
            L1 = args.Get("l1") is { } l1 ? float.Parse(l1, System.Globalization.CultureInfo.InvariantCulture) : null,
            L2 = args.Get("l2") is { } l2 ? float.Parse(l2, System.Globalization.CultureInfo.InvariantCulture) : null,
            Algorithms = (args.Get("algorithms") ?? "lbfgs,sdca").Split(',').Select(a => Enum.Parse<LinearAlgorithm>(a, ignoreCase: true)).ToList(),
        }, Console.Out);
        return 0;
    }
}
