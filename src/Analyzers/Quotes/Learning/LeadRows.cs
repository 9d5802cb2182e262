using System.Runtime.CompilerServices;
using Pipeline.Learning.Linear;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// A BIO tagger's weight rows packed for scoring: per feature only B's and I's lead over O, each
/// a 20-bit fixed-point number (steps of the largest lead / 2^19), in one 8-byte slot with the
/// feature's key. Softmax does not change when every class gains the same amount, so the leads
/// give the same probabilities as the full rows up to that rounding, from a table half the size of
/// the model's (which the tagger reads for every scored token, so less of it misses the cache).
/// </summary>
internal sealed class LeadRows
{
    private const int KeyBits = 24, LeadBits = 20;
    private const ulong KeyMask = (1UL << KeyBits) - 1;
    private readonly ulong[] _slots;   // key + 1 (0: empty), B lead, I lead
    private readonly int _mask, _shift;
    private readonly float _biasB, _biasI, _step;

    /// <summary>Whether the model is a BIO tagger without a dense part whose keys fit a slot.</summary>
    public static bool CanHold(LinearModel model) => model.ClassCount == Bio.Count && model.DenseDimension == 0 && model.HashBits <= KeyBits;

    public LeadRows(LinearModel model)
    {
        if (!CanHold(model)) throw new ArgumentException($"lead rows are for BIO taggers without a dense part and keys of at most {KeyBits} bits", nameof(model));
        var keys = model.RowKeys;
        int log = 3;
        while (1 << log < keys.Length * 2) log++; // load factor at most 1/2
        _slots = new ulong[1 << log];
        _mask = _slots.Length - 1;
        _shift = 32 - log;
        float largest = 0;
        foreach (int key in keys)
        {
            var w = model.GetWeights(key);
            largest = Math.Max(largest, Math.Max(Math.Abs(w[Bio.B] - w[Bio.O]), Math.Abs(w[Bio.I] - w[Bio.O])));
        }
        _step = largest > 0 ? largest / MaxLead : 1;
        foreach (int key in keys)
        {
            var w = model.GetWeights(key);
            int slot = Slot(key);
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = (ulong)(uint)(key + 1) | Pack(w[Bio.B] - w[Bio.O]) << KeyBits | Pack(w[Bio.I] - w[Bio.O]) << (KeyBits + LeadBits);
        }
        _biasB = model.Biases[Bio.B] - model.Biases[Bio.O];
        _biasI = model.Biases[Bio.I] - model.Biases[Bio.O];
    }

    /// <summary>Scores of binary features with O's taken as zero (the others as leads over it).</summary>
    public void Score(ReadOnlySpan<int> features, Span<float> scores)
    {
        var slots = _slots;
        // Ask for every feature's slot before probing any: the cache misses overlap.
        for (int i = 0; i < features.Length; i++) CacheLine.Prefetch(ref slots[Slot(features[i])]);
        // Summed as integers, exactly; one rounding at the end.
        long b = 0, iLead = 0;
        for (int i = 0; i < features.Length; i++)
        {
            ulong key = (ulong)(features[i] + 1);
            for (int slot = Slot(features[i]); ; slot = (slot + 1) & _mask)
            {
                ulong s = slots[slot];
                if (s == 0) break;
                if ((s & KeyMask) != key) continue;
                b += Unpack(s >> KeyBits);
                iLead += Unpack(s >> (KeyBits + LeadBits));
                break;
            }
        }
        scores[Bio.O] = 0;
        scores[Bio.B] = _biasB + b * _step;
        scores[Bio.I] = _biasI + iLead * _step;
    }

    private const int MaxLead = (1 << (LeadBits - 1)) - 1;

    private ulong Pack(float lead) => (ulong)(int)MathF.Round(lead / _step) & ((1UL << LeadBits) - 1);

    // Sign-extends the 20 low bits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Unpack(ulong packed) => (int)((uint)packed << (32 - LeadBits)) >> (32 - LeadBits);

    private int Slot(int key) => (int)((uint)key * 0x9E3779B1u >> _shift);
}
