namespace Pipeline.Learning.Metrics;

/// <summary>True positives, false positives and false negatives, with precision, recall and F1
/// (each 0 when undefined, as conlleval and the CoNLL-2010 scorer report them).</summary>
public readonly record struct PrfCounts(double TruePositives, double FalsePositives, double FalseNegatives)
{
    public double Predicted => TruePositives + FalsePositives;
    public double Gold => TruePositives + FalseNegatives;
    public double Precision => Predicted > 0 ? TruePositives / Predicted : 0;
    public double Recall => Gold > 0 ? TruePositives / Gold : 0;
    public double F1 => Precision + Recall > 0 ? 2 * Precision * Recall / (Precision + Recall) : 0;

    public static PrfCounts operator +(PrfCounts a, PrfCounts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    /// <summary>Counts of an exact comparison of two sets.</summary>
    public static PrfCounts Compare<T>(IReadOnlySet<T> gold, IReadOnlySet<T> predicted)
    {
        int tp = predicted.Count(gold.Contains);
        return new PrfCounts(tp, predicted.Count - tp, gold.Count - tp);
    }
}
