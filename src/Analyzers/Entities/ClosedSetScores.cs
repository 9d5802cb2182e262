using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// The scores of the features whose values come from a small closed set, summed into tables
/// once per model so that the tagger adds a table row where it would hash and look up keys: in
/// the first pass, the capitalisation of a token and its neighbours with its sentence context
/// (<see cref="LocalFeatures.CapitalisationIndex"/>, two keys per row); in the second pass, the
/// first pass's label at each offset of its window. Read-only once built.
/// </summary>
/// <remarks>
/// A row equals the per-key sum of <see cref="LocalFeatures.Static"/> and
/// <see cref="DocumentContextFeatures.Static"/> up to the rounding of a different addition order.
/// </remarks>
internal sealed class ClosedSetScores
{
    private const int Classes = LinearWeights.Classes;

    private readonly float[] _capitalisation = new float[LocalFeatures.CapitalisationValues * Classes];
    /// <summary>Per window offset (-2..2), per first-pass label value.</summary>
    private readonly float[] _firstPassLabels = new float[DocumentContextFeatures.LabelWindow * DocumentContextFeatures.FirstPassLabelValues * Classes];

    public ClosedSetScores(LinearWeights firstPass, LinearWeights secondPass)
    {
        Span<ulong> keys = stackalloc ulong[2];
        for (int index = 0; index < LocalFeatures.CapitalisationValues; index++)
        {
            LocalFeatures.CapitalisationKeys(index, keys);
            firstPass.Add(keys, _capitalisation.AsSpan(index * Classes, Classes));
        }
        int window = DocumentContextFeatures.LabelWindow / 2;
        for (int o = -window; o <= window; o++)
            for (int value = 0; value < DocumentContextFeatures.FirstPassLabelValues; value++)
            {
                keys[0] = DocumentContextFeatures.FirstPassLabelKey(value, o);
                secondPass.Add(keys[..1], _firstPassLabels.AsSpan(FirstPassLabelRow(o + window, value), Classes));
            }
    }

    /// <summary>The first pass's capitalisation scores of token <paramref name="i"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Capitalisation(DocumentTokens d, int i) =>
        Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_capitalisation), (nuint)(LocalFeatures.CapitalisationIndex(d, i) * Classes));

    /// <summary>The second pass's scores of the first-pass labels around token <paramref name="i"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Vector512<float> FirstPassLabels(DocumentTokens d, ReadOnlySpan<byte> firstPass, int i)
    {
        ref float rows = ref MemoryMarshal.GetArrayDataReference(_firstPassLabels);
        int window = DocumentContextFeatures.LabelWindow / 2;
        var sum = Vector512<float>.Zero;
        for (int o = -window; o <= window; o++)
            sum += Vector512.LoadUnsafe(ref rows, (nuint)FirstPassLabelRow(o + window, DocumentContextFeatures.FirstPassLabelValue(d, firstPass, i, o)));
        return sum;
    }

    private static int FirstPassLabelRow(int offsetIndex, int value) =>
        (offsetIndex * DocumentContextFeatures.FirstPassLabelValues + value) * Classes;
}
