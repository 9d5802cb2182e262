using System.Numerics;

namespace Pipeline.Learning.Linear;

/// <summary>
/// An upper bound on how far one class's score, or the best of several classes', can rise above
/// another's, read from a small table instead of the model: the hashed features are folded onto
/// 2^17 cells (128 KB, which stays in the core's cache where the model's rows do not), and each
/// cell holds, rounded up to a byte, the largest lead any feature folded onto it gives a bounded
/// class (0 when none gives one). Lets a tagger pass over a token that cannot take the class
/// without looking up its features in the model: most tokens of a text open no span and hold no cue.
/// </summary>
public sealed class MarginBound
{
    /// <summary>The fold of <see cref="MarginBound(LinearModel, int, int, int)"/> when none is given: 2^17 cells.</summary>
    public const int DefaultFoldBits = 17;
    private readonly float _biasLead;
    private readonly byte[] _caps;
    private readonly int _mask;
    private readonly float _step;

    /// <param name="high">The class whose lead is bounded.</param>
    /// <param name="low">The class it is measured against.</param>
    /// <param name="foldBits">Log2 of the cells: fewer keep the table smaller and the bound looser.</param>
    public MarginBound(LinearModel model, int high, int low, int foldBits = DefaultFoldBits) : this(model, low, c => c == high, foldBits) { }

    /// <summary>
    /// Fold bits for about one cell per weight row (the power of two at or above the row count,
    /// 2^10 to 2^17 cells): for taggers run one after another on each document, the smaller tables
    /// stay in the core's cache together, at the price of a looser bound where rows share a cell.
    /// </summary>
    public static int FoldBitsFor(LinearModel model) => Math.Clamp(32 - BitOperations.LeadingZeroCount((uint)Math.Max(model.RowCount - 1, 1)), 10, DefaultFoldBits);

    /// <summary>A bound on the lead over <paramref name="low"/> of whichever other class scores highest.</summary>
    public static MarginBound OfBestOver(LinearModel model, int low) => new(model, low, c => c != low, DefaultFoldBits);

    private MarginBound(LinearModel model, int low, Func<int, bool> counted, int foldBits)
    {
        if (foldBits is < 1 or > 30) throw new ArgumentOutOfRangeException(nameof(foldBits), foldBits, "fold bits must be between 1 and 30");
        if (model.DenseDimension != 0) throw new ArgumentException("a model with dense weights has no such bound", nameof(model));
        if ((uint)low >= (uint)model.ClassCount) throw new ArgumentException($"class {low} is not a class of the model", nameof(low));
        var classes = Enumerable.Range(0, model.ClassCount).Where(c => c != low && counted(c)).ToArray();
        if (classes.Length == 0) throw new ArgumentException($"the model has no class to measure against class {low}");
        // The lead of the best class is at most the sum, over the parts of its score, of each part's largest lead.
        _biasLead = classes.Max(c => model.Biases[c] - model.Biases[low]);
        int bits = Math.Min(model.HashBits, foldBits);
        _mask = (1 << bits) - 1;
        var leads = new float[1 << bits];
        foreach (int key in model.RowKeys)
        {
            var w = model.GetWeights(key);
            ref float lead = ref leads[key & _mask];
            foreach (int c in classes) lead = Math.Max(lead, w[c] - w[low]);
        }
        float largest = leads.Max();
        // Each cell rounds up, so the sum of cells bounds the sum of leads.
        _step = largest > 0 ? largest / 254 : 1;
        _caps = new byte[leads.Length];
        for (int i = 0; i < leads.Length; i++)
            _caps[i] = leads[i] <= 0 ? (byte)0 : (byte)Math.Min(255, MathF.Ceiling(leads[i] / _step) + 1);
    }

    /// <summary>
    /// An upper bound on score[high] − score[low] (or the best bounded class's lead) for binary
    /// features <paramref name="features"/>, given <paramref name="known"/>, the part of that
    /// difference from outside them, the same for every bounded class (the biases are added here).
    /// </summary>
    public float UpperBound(ReadOnlySpan<int> features, float known)
    {
        var caps = _caps;
        int mask = _mask, steps = 0;
        foreach (int feature in features) steps += caps[feature & mask];
        return known + _biasLead + steps * _step;
    }
}
