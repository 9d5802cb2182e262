using System.Runtime.InteropServices;
using Pipeline.Analyzers.Quotes.Detection;
using Pipeline.Learning.Linear;

namespace Pipeline.Analyzers.Quotes.Learning;

/// <summary>
/// A group of a tagger's features that depend on a token's form alone (its word, suffixes and
/// cluster). A tagger with a <see cref="FormScores"/> cache adds the form's remembered row where
/// it would hash and look up each feature; training adds the features one by one.
/// </summary>
/// <param name="formKey">Tells apart the forms whose features differ.</param>
/// <param name="keys">Adds the features of token t.</param>
internal sealed class FormFeatureSet(Func<TokenView, int, long> formKey, Action<TokenView, int, FeatureBuffer> keys)
{
    public long FormKey(TokenView v, int t) => formKey(v, t);
    public void AddKeys(TokenView v, int t, FeatureBuffer f) => keys(v, t, f);
}

/// <summary>
/// The summed scores of a tagger's <see cref="FormFeatureSet"/> per form, remembered across
/// documents (news repeats its words) up to a bound, past which the cache starts over. One
/// instance serves one thread.
/// </summary>
/// <remarks>
/// Forms are told apart by <see cref="FormFeatureSet.FormKey"/>. A row equals the per-key sum up to
/// the rounding of another addition order. Open addressing with the row in the slot: a lookup
/// reads one 24-byte slot, not a dictionary's buckets and entries.
/// </remarks>
internal sealed class FormScores(LinearModel model, FormFeatureSet set)
{
    /// <summary>Forms remembered before starting over.</summary>
    public const int Capacity = 1 << 14;
    private const int SlotBits = 15, Mask = (1 << SlotBits) - 1; // load factor at most 1/2

    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public long Key;
        public float O, B, I;
        public bool Used;
    }

    private readonly Slot[] _slots = new Slot[1 << SlotBits];
    private readonly FeatureBuffer _keys = new(model.HashBits);
    private int _count;

    /// <summary>Adds token <paramref name="t"/>'s form scores to <paramref name="scores"/>, computing them on first sight.</summary>
    public void AddTo(TokenView v, int t, Span<float> scores)
    {
        long key = set.FormKey(v, t);
        int at = (int)((ulong)key * 0x9E3779B97F4A7C15UL >> (64 - SlotBits)); // Fibonacci hashing
        while (_slots[at].Used && _slots[at].Key != key) at = (at + 1) & Mask;
        ref var slot = ref _slots[at];
        if (!slot.Used)
        {
            if (_count == Capacity)
            {
                Array.Clear(_slots);
                _count = 0;
                AddTo(v, t, scores);
                return;
            }
            Fill(ref slot, key, v, t);
        }
        scores[Bio.O] += slot.O;
        scores[Bio.B] += slot.B;
        scores[Bio.I] += slot.I;
    }

    private void Fill(ref Slot slot, long key, TokenView v, int t)
    {
        Span<float> row = stackalloc float[Bio.Count];
        _keys.Clear();
        set.AddKeys(v, t, _keys);
        foreach (int feature in _keys.Items)
        {
            var w = model.GetWeights(feature);
            for (int c = 0; c < w.Length; c++) row[c] += w[c];
        }
        slot = new Slot { Key = key, O = row[Bio.O], B = row[Bio.B], I = row[Bio.I], Used = true };
        _count++;
    }
}
