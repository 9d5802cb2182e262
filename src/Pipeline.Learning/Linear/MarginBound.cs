namespace Pipeline.Learning.Linear;

/// <summary>
/// An upper bound on how far one class's score can rise above another's, read from a small
/// table instead of the model: the hashed features are folded onto 2^17 cells (128 KB, which
/// stays in the core's cache where the model's rows do not), and each cell holds, rounded up to
/// a byte, the largest lead any feature folded onto it gives the class (0 when none gives one).
/// Lets a tagger pass over a token that cannot take the class without looking up its features
/// in the model: most tokens of a text open no span.
/// </summary>
public sealed class MarginBound
{
    private const int FoldBits = 17;
    private readonly float _biasLead;
    private readonly byte[] _caps;
    private readonly int _mask;
    private readonly float _step;

    /// <param name="high">The class whose lead is bounded.</param>
    /// <param name="low">The class it is measured against.</param>
    public MarginBound(LinearModel model, int high, int low)
    {
        if (model.DenseDimension != 0) throw new ArgumentException("a model with dense weights has no such bound", nameof(model));
        if ((uint)high >= (uint)model.ClassCount || (uint)low >= (uint)model.ClassCount || high == low)
            throw new ArgumentException($"classes {high} and {low} are not two classes of the model");
        _biasLead = model.Biases[high] - model.Biases[low];
        int bits = Math.Min(model.HashBits, FoldBits);
        _mask = (1 << bits) - 1;
        var leads = new float[1 << bits];
        foreach (int key in model.RowKeys)
        {
            var w = model.GetWeights(key);
            ref float lead = ref leads[key & _mask];
            lead = Math.Max(lead, w[high] - w[low]);
        }
        float largest = leads.Max();
        // Each cell rounds up, so the sum of cells bounds the sum of leads.
        _step = largest > 0 ? largest / 254 : 1;
        _caps = new byte[leads.Length];
        for (int i = 0; i < leads.Length; i++)
            _caps[i] = leads[i] <= 0 ? (byte)0 : (byte)Math.Min(255, MathF.Ceiling(leads[i] / _step) + 1);
    }

    /// <summary>
    /// An upper bound on score[high] − score[low] for binary features <paramref name="features"/>,
    /// given <paramref name="known"/>, the part of that difference from outside them (the biases
    /// are added here).
    /// </summary>
    public float UpperBound(ReadOnlySpan<int> features, float known)
    {
        var caps = _caps;
        int mask = _mask, steps = 0;
        foreach (int feature in features) steps += caps[feature & mask];
        return known + _biasLead + steps * _step;
    }
}
