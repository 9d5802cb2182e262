using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// What the tagger knows about a token form (its text) once it has seen it: its hashes and
/// cluster keys, and the scores of the features that depend on the form alone. A token's lower
/// case, shape and cluster keys at each window offset, and at offset 0 also its exact form and
/// affixes, depend on its form only, so the first pass's weight rows of those are summed once per
/// form into one 16-float vector per offset, and a token's window score is the sum of five such
/// vectors. Likewise per form: the first pass's label-and-form features after the usual previous
/// labels (O, sentence start), and the second pass's form feature. Forms are remembered across
/// documents (news repeats its words) up to a bound, after which the cache starts over. One
/// instance serves one thread.
/// </summary>
/// <remarks>
/// Forms are told apart by the 64-bit hash of their text (<see cref="DocumentTokens.Word"/>). The
/// sums equal the per-key sums of <see cref="LocalFeatures.Static"/> up to the rounding of a
/// different addition order.
/// </remarks>
internal sealed class FormCache
{
    private const int Classes = LinearWeights.Classes;
    private const int Offsets = 2 * LocalFeatures.Window + 1;
    /// <summary>Per entry: the window vectors (offsets -2..2), the first pass's label-and-form
    /// vectors after O and after the sentence start, the second pass's form vector.</summary>
    private const int SumStride = (Offsets + 3) * Classes;
    private const int AfterOutside = Offsets * Classes, AfterStart = AfterOutside + Classes, SecondPassForm = AfterStart + Classes;
    private const int Affixes = 2 * TokenHashes.AffixLengths;
    private const int Clusters = DocumentTokens.ClusterKeys;
    /// <summary>Per entry: lower case, shape, affixes, cluster keys.</summary>
    private const int HashStride = 2 + Affixes + Clusters;
    /// <summary>
    /// About 7 % of BBC news tokens miss a cache of this size (8 MB of sums, 2 MB of hashes), 12 %
    /// one of half the size; a miss costs about 40 weight lookups.
    /// </summary>
    public const int DefaultCapacity = 1 << 14;

    private readonly LinearWeights _firstPass, _secondPass;
    /// <summary>Per offset, the sum for a position outside the sentence (offset 0's is unused).</summary>
    private readonly float[] _outside = new float[SumStride];
    private readonly ulong[] _keys = new ulong[LocalFeatures.MaxStatic];
    private readonly int[] _rows = new int[LocalFeatures.MaxStatic];
    private int _capacity, _count;
    /// <summary>
    /// Open addressing, 2 slots per entry. A slot is two adjacent words, the form's hash and its
    /// entry + 1 (0 for an empty slot), so that a probe reads one cache line.
    /// </summary>
    private ulong[] _slots = [];
    private ulong[] _hashes = [];
    private CapPattern[] _caps = [];
    /// <summary>Per entry, <see cref="SumStride"/> floats.</summary>
    private float[] _sums = [];

    public FormCache(LinearWeights firstPass, LinearWeights secondPass)
    {
        _firstPass = firstPass;
        _secondPass = secondPass;
        var none = new DocumentTokens();
        for (int o = -LocalFeatures.Window; o <= LocalFeatures.Window; o++)
        {
            if (o == 0) continue;
            LocalFeatures.WindowKeys(none, -1, o, _keys);
            _firstPass.Add(_keys.AsSpan(0, LocalFeatures.WindowKeyCount), _outside.AsSpan((o + LocalFeatures.Window) * Classes, Classes));
        }
        Allocate(DefaultCapacity);
    }

    /// <summary>Tokens of the documents loaded with this cache, and how many of them missed it (the benchmark reports the share).</summary>
    public long TokensLoaded { get; private set; }
    public long FormsAdded { get; private set; }

    /// <summary>Makes room for a document of <paramref name="tokens"/> tokens, whose entries must all stay valid while it is tagged.</summary>
    public void Reserve(int tokens)
    {
        TokensLoaded += tokens;
        if (tokens > _capacity) Allocate((int)BitOperations.RoundUpToPowerOf2((uint)tokens));
        else if (_count + tokens > _capacity)
        {
            Array.Clear(_slots);
            _count = 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(ulong word, out int form)
    {
        int slot = Find(word);
        form = (int)_slots[slot + 1] - 1;
        return form >= 0;
    }

    /// <summary>Copies a form's hashes (but its exact-form hash, the key) to token <paramref name="i"/>.</summary>
    public void CopyTo(int form, DocumentTokens d, int i)
    {
        var hashes = _hashes.AsSpan(form * HashStride, HashStride);
        d.Lower[i] = hashes[0];
        d.Shape[i] = hashes[1];
        d.Cap[i] = _caps[form];
        hashes.Slice(2, Affixes).CopyTo(d.Affix.AsSpan(i * Affixes));
        hashes.Slice(2 + Affixes, Clusters).CopyTo(d.Cluster.AsSpan(i * Clusters));
    }

    /// <summary>Adds the form of token <paramref name="i"/>, whose hashes are set, and scores it; returns its entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Add(DocumentTokens d, int i)
    {
        FormsAdded++;
        int slot = Find(d.Word[i]), form = _count++;
        _slots[slot] = d.Word[i];
        _slots[slot + 1] = (ulong)(form + 1);
        var hashes = _hashes.AsSpan(form * HashStride, HashStride);
        hashes[0] = d.Lower[i];
        hashes[1] = d.Shape[i];
        _caps[form] = d.Cap[i];
        d.Affix.AsSpan(i * Affixes, Affixes).CopyTo(hashes[2..]);
        d.Cluster.AsSpan(i * Clusters, Clusters).CopyTo(hashes[(2 + Affixes)..]);

        // All the form's first-pass keys are looked up in one call, so that their memory latencies overlap.
        const int windowKeys = Offsets * LocalFeatures.WindowKeyCount;
        for (int o = 0; o < Offsets; o++)
            LocalFeatures.WindowKeys(d, i, o - LocalFeatures.Window, _keys.AsSpan(o * LocalFeatures.WindowKeyCount));
        int formEnd = windowKeys + LocalFeatures.FormKeys(d, i, _keys.AsSpan(windowKeys));
        LocalFeatures.LabelAndForm(d, i, EntityLabels.Outside, _keys.AsSpan(formEnd));
        LocalFeatures.LabelAndForm(d, i, LocalFeatures.StartLabel, _keys.AsSpan(formEnd + LocalFeatures.LabelAndFormCount));
        int count = formEnd + 2 * LocalFeatures.LabelAndFormCount;
        var rows = _rows.AsSpan(0, count);
        _firstPass.Rows(_keys.AsSpan(0, count), rows);
        var sums = _sums.AsSpan(form * SumStride, SumStride);
        sums.Clear();
        for (int o = 0; o < Offsets; o++)
            _firstPass.AddRows(rows.Slice(o * LocalFeatures.WindowKeyCount, LocalFeatures.WindowKeyCount), sums.Slice(o * Classes, Classes));
        _firstPass.AddRows(rows[windowKeys..formEnd], sums.Slice(LocalFeatures.Window * Classes, Classes));
        _firstPass.AddRows(rows.Slice(formEnd, LocalFeatures.LabelAndFormCount), sums.Slice(AfterOutside, Classes));
        _firstPass.AddRows(rows.Slice(formEnd + LocalFeatures.LabelAndFormCount, LocalFeatures.LabelAndFormCount), sums.Slice(AfterStart, Classes));
        _keys[0] = DocumentContextFeatures.FormKey(d, i);
        _secondPass.Add(_keys.AsSpan(0, 1), sums.Slice(SecondPassForm, Classes));
        return form;
    }

    /// <summary>Adds token <paramref name="i"/>'s window and form scores to <paramref name="scores"/> (a document loaded with this cache).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddWindow(DocumentTokens d, int i, Span<float> scores)
    {
        int first = d.SentenceFirst[i], end = d.SentenceEnd[i];
        ref float sums = ref MemoryMarshal.GetArrayDataReference(_sums);
        ref float outside = ref MemoryMarshal.GetArrayDataReference(_outside);
        var lo = Vector256.Create<float>(scores);
        var hi = Vector256.Create<float>(scores[8..]);
        for (int o = -LocalFeatures.Window; o <= LocalFeatures.Window; o++)
        {
            int j = i + o, at = (o + LocalFeatures.Window) * Classes;
            ref float row = ref j >= first && j < end
                ? ref Unsafe.Add(ref sums, d.Form[j] * SumStride + at)
                : ref Unsafe.Add(ref outside, at);
            lo += Vector256.LoadUnsafe(ref row);
            hi += Vector256.LoadUnsafe(ref row, 8);
        }
        lo.CopyTo(scores);
        hi.CopyTo(scores[8..]);
    }

    /// <summary>
    /// The first pass's label-and-form scores of token <paramref name="i"/> after
    /// <paramref name="previous"/>, which must be O or <see cref="LocalFeatures.StartLabel"/>.
    /// </summary>
    public Vector512<float> AfterLikelyLabel(DocumentTokens d, int i, int previous) =>
        Vector512.LoadUnsafe(ref _sums[d.Form[i] * SumStride + (previous == EntityLabels.Outside ? AfterOutside : AfterStart)]);

    /// <summary>The second pass's score of token <paramref name="i"/>'s form.</summary>
    public Vector512<float> SecondPassFormScores(DocumentTokens d, int i) =>
        Vector512.LoadUnsafe(ref _sums[d.Form[i] * SumStride + SecondPassForm]);

    /// <summary>The index in <see cref="_slots"/> of the slot holding <paramref name="word"/>, or of the empty slot where it would go.</summary>
    private int Find(ulong word)
    {
        int mask = _slots.Length - 1, slot = (int)word * 2 & mask;
        while (_slots[slot + 1] != 0 && _slots[slot] != word) slot = (slot + 2) & mask;
        return slot;
    }

    private void Allocate(int capacity)
    {
        _capacity = capacity;
        _count = 0;
        _slots = new ulong[2 * 2 * capacity];
        _hashes = new ulong[capacity * HashStride];
        _caps = new CapPattern[capacity];
        _sums = new float[capacity * SumStride];
    }
}
