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
        Console.WriteLine($"{"group",-12} {"docs",5} {"tokens",7} {"tok P",7} {"tok R",7} {"tok F1",7} {"word F1",8} {"sents",6} {"sent P",7} {"sent R",7} {"sent F1",7} {"inner F1",8}");
        foreach (var (group, scores) in report.Groups) Print(group, scores);
        Print("total", report.Total);
        if (report.Total.UnlocatedForms > 0)
            Console.WriteLine($"({report.Total.UnlocatedForms} gold forms were not found in the rebuilt text and are not counted)");
        Console.WriteLine($"evaluated in {watch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine("inner F1: sentence ends inside paragraphs only (paragraph ends are given by the rebuilt text)");
        Console.WriteLine($"RESULT token_f1={report.Total.Tokens.F1:F4} sentence_f1={report.Total.Sentences.F1:F4} word_f1={report.Total.Words.F1:F4} inner_sentence_f1={report.Total.InnerSentences.F1:F4}");
        return 0;
    }

    private static void Print(string group, SegmentationScores s) =>
        Console.WriteLine($"{group,-12} {s.Documents,5} {s.Tokens.Gold,7} {s.Tokens.Precision,7:F4} {s.Tokens.Recall,7:F4} {s.Tokens.F1,7:F4} {s.Words.F1,8:F4} {s.Sentences.Gold,6} {s.Sentences.Precision,7:F4} {s.Sentences.Recall,7:F4} {s.Sentences.F1,7:F4} {s.InnerSentences.F1,8:F4}");
}
