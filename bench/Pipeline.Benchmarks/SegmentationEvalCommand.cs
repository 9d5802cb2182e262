using System.Diagnostics;
using Pipeline.Text;
using Pipeline.Text.Evaluation;

namespace Pipeline.Benchmarks;

/// <summary>
/// `segeval <conllu> [--documents N]`: token, word and sentence-boundary precision, recall and F1
/// of the segmenter against a UD CoNLL-U file, per genre and in total.
/// </summary>
internal static class SegmentationEvalCommand
{
    public static int Run(string[] args)
    {
        string? path = null;
        int maxDocuments = int.MaxValue;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--documents" && i + 1 < args.Length && int.TryParse(args[++i], out maxDocuments)) continue;
            if (args[i].StartsWith("--", StringComparison.Ordinal) || path is not null) { Console.Error.WriteLine($"segeval: unexpected argument {args[i]}"); return 2; }
            path = args[i];
        }
        if (path is null) { Console.Error.WriteLine("segeval: give a CoNLL-U file"); return 2; }
        if (!File.Exists(path)) { Console.Error.WriteLine($"{path}: no such file"); return 1; }

        var watch = Stopwatch.StartNew();
        var report = new SegmentationEvaluator(Segmenter.Default).EvaluateFile(path, maxDocuments);
        Console.WriteLine($"evaluated in {watch.Elapsed.TotalSeconds:F1} s");
        report.WriteTo(Console.Out);
        return 0;
    }
}
