namespace Pipeline.Learning.Metrics;

/// <summary>
/// A confusion matrix over a fixed set of classes: per-class P/R/F1, macro-F1 (the unweighted
/// mean of the classes' F1, as NewsMTSC's F1m) and accuracy. A prediction outside the classes
/// (e.g. none was made) counts as wrong: a false negative of the gold class.
/// </summary>
public sealed class ClassificationScore(IReadOnlyList<string> classes)
{
    private readonly Dictionary<(string Gold, string Predicted), int> _counts = new();

    public IReadOnlyList<string> Classes { get; } = classes;
    public int Total { get; private set; }
    public int Correct { get; private set; }
    public double Accuracy => Total > 0 ? (double)Correct / Total : 0;

    public void Add(string gold, string predicted)
    {
        _counts[(gold, predicted)] = _counts.GetValueOrDefault((gold, predicted)) + 1;
        Total++;
        if (gold == predicted) Correct++;
    }

    public int Count(string gold, string predicted) => _counts.GetValueOrDefault((gold, predicted));

    public PrfCounts ForClass(string c)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var ((gold, predicted), n) in _counts)
        {
            if (gold == c && predicted == c) tp += n;
            else if (predicted == c) fp += n;
            else if (gold == c) fn += n;
        }
        return new PrfCounts(tp, fp, fn);
    }

    public double MacroF1 => Classes.Count == 0 ? 0 : Classes.Average(c => ForClass(c).F1);
}
