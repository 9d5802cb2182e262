using Pipeline.Learning.Encoders;

namespace Pipeline.Benchmarks;

public sealed class EncoderCommand : IBenchCommand
{
    public string Name => "encoder";
    public string Usage => "MiniLM speed: --input DIR|FILE.txt [--articles 200] [--threads 1] [--batch 32] [--layers 6] [--int8]";

    public int Run(BenchArgs args)
    {
        EncoderBenchmark.Run(new EncoderBenchmarkOptions
        {
            Input = args.Require("input"),
            MaxArticles = args.GetInt("articles", 200),
            IntraOpThreads = args.GetInt("threads", 1),
            BatchSize = args.GetInt("batch", 32),
            Int8 = args.Has("int8"),
            Layers = MiniLmEncoder.ParseLayers(args.Get("layers") ?? MiniLmEncoder.LastLayer.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        }, Console.Out);
        return 0;
    }
}
