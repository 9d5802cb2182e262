using System.Runtime.CompilerServices;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// The first pass's feature templates. A feature key is a token's base hash mixed with the
/// template id (which includes the window offset): no strings, no allocation. Static features
/// depend on the tokens only and are scored once per token; label features depend on the
/// labels already predicted in the sentence and are scored during greedy decoding.
/// </summary>
internal static class LocalFeatures
{
    /// <summary>Upper bound on the static keys of one token.</summary>
    public const int MaxStatic = 64 + 3 * 64;
    public const int LabelFeatureCount = LabelPairCount + LabelAndFormCount;
    public const int LabelPairCount = 2, LabelAndFormCount = 2;

    /// <summary>The "label" before a sentence's first token.</summary>
    public const int StartLabel = EntityLabels.Count;

    /// <summary>Window features reach this many tokens to each side.</summary>
    public const int Window = 2;
    public const int WindowKeyCount = 2 + DocumentTokens.ClusterKeys;
    private const ulong BeforeSentence = 0x2545F4914F6CDD1DUL, AfterSentence = 0x9E6C63D0676A9A99UL;

    // Template ids; offsets in -2..2 are added to the windowed ones.
    private const int TLower = 10, TWord = 20, TLowerBigramLeft = 21, TLowerBigramRight = 22;
    private const int TAffix = 30, TShape = 40, TShapeBigramLeft = 46, TShapeBigramRight = 47;
    private const int TCapContext = 50, TCapTrigram = 51, TAllCapsLower = 52;
    private const int TCluster = 60, TGazetteer = 90;
    private const int TPrevious = 100, TPreviousTwo = 101, TPreviousLower = 102, TPreviousShape = 103;
    /// <summary>Contextual clusters: per codebook, offsets -1..1 then the token's cluster with its capitalisation.</summary>
    private const int TContextual = 110, ContextualTemplates = 4;

    /// <summary>Writes the static keys of token <paramref name="i"/>; returns how many.</summary>
    public static int Static(DocumentTokens d, int i, Span<ulong> keys)
    {
        int n = 0, first = d.SentenceFirst[i], end = d.SentenceEnd[i];
        for (int o = -Window; o <= Window; o++, n += WindowKeyCount)
        {
            int j = i + o;
            WindowKeys(d, j >= first && j < end ? j : -1, o, keys[n..]);
        }
        keys[n++] = WordKey(d, i);
        n += Bigrams(d, i, keys[n..]);
        n += Affixes(d, i, keys[n..]);
        n += Orthography(d, i, keys[n..]);
        return n + ContextualKeys(d, i, keys[n..]);
    }

    /// <summary>
    /// Writes the keys that depend on token <paramref name="i"/>'s form alone and are not
    /// window keys: the exact form and the affixes. Returns how many.
    /// </summary>
    public static int FormKeys(DocumentTokens d, int i, Span<ulong> keys)
    {
        keys[0] = WordKey(d, i);
        return 1 + Affixes(d, i, keys[1..]);
    }

    /// <summary>
    /// Writes the static keys that depend on token <paramref name="i"/>'s neighbours or
    /// sentence, but the capitalisation ones (<see cref="CapitalisationKeys(int, Span{ulong})"/>,
    /// scored from a table): word and shape bigrams, the lower case in an all-caps sentence,
    /// gazetteer matches. Returns how many.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ContextKeys(DocumentTokens d, int i, Span<ulong> keys)
    {
        int n = Bigrams(d, i, keys);
        return n + Lexical(d, i, keys[n..]);
    }

    /// <summary>The capitalisation patterns, and the code of a position outside the sentence.</summary>
    private const int CapPatterns = (int)CapPattern.MixedLowerFirst + 1, CapOutside = CapPatterns;
    private const int Contexts = 8;

    /// <summary>Values of <see cref="CapitalisationIndex"/>: the patterns of the token and its two neighbours, and its sentence context.</summary>
    public const int CapitalisationValues = (CapPatterns + 1) * CapPatterns * (CapPatterns + 1) * Contexts;

    /// <summary>The one number that the capitalisation keys of token <paramref name="i"/> depend on.</summary>
    public static int CapitalisationIndex(DocumentTokens d, int i)
    {
        int first = d.SentenceFirst[i], end = d.SentenceEnd[i];
        int left = i > first ? (int)d.Cap[i - 1] : CapOutside, right = i + 1 < end ? (int)d.Cap[i + 1] : CapOutside;
        return ((left * CapPatterns + (int)d.Cap[i]) * (CapPatterns + 1) + right) * Contexts + (int)d.Context[i];
    }

    /// <summary>Writes the two capitalisation keys of a <see cref="CapitalisationIndex"/>: the token's pattern in its sentence context, and the patterns of it and its neighbours.</summary>
    public static void CapitalisationKeys(int index, Span<ulong> keys)
    {
        ulong context = (ulong)(index % Contexts);
        index /= Contexts;
        ulong right = (ulong)(index % (CapPatterns + 1));
        index /= CapPatterns + 1;
        ulong cap = (ulong)(index % CapPatterns), left = (ulong)(index / CapPatterns);
        // Models store an outside neighbour as 15.
        if (left == CapOutside) left = 15;
        if (right == CapOutside) right = 15;
        keys[0] = FeatureHash.Key(cap | context << 8, TCapContext);
        keys[1] = FeatureHash.Key(left | cap << 8 | right << 16, TCapTrigram);
    }

    /// <summary>
    /// Writes the <see cref="WindowKeyCount"/> keys that token <paramref name="j"/> gives the token
    /// <paramref name="offset"/> positions before it: lower case, shape, cluster path prefixes.
    /// <paramref name="j"/> &lt; 0 stands for a position outside the sentence.
    /// </summary>
    public static void WindowKeys(DocumentTokens d, int j, int offset, Span<ulong> keys)
    {
        ulong outside = offset < 0 ? BeforeSentence : AfterSentence;
        bool inside = j >= 0;
        keys[0] = FeatureHash.Key(inside ? d.Lower[j] : outside, TLower + offset);
        keys[1] = FeatureHash.Key(inside ? d.Shape[j] : outside, TShape + offset);
        for (int k = 0; k < DocumentTokens.ClusterKeys; k++)
            keys[2 + k] = FeatureHash.Key(inside ? d.Cluster[j * DocumentTokens.ClusterKeys + k] : outside, TCluster + 4 * (offset + Window) + k);
    }

    /// <summary>
    /// Writes the contextual cluster keys of token <paramref name="i"/> (none when the document
    /// has no contextual ids): per codebook, the clusters of the token and of its neighbours,
    /// and the token's cluster joined with its capitalisation. Returns how many.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ContextualKeys(DocumentTokens d, int i, Span<ulong> keys)
    {
        int codebooks = d.ContextualCodebooks, n = 0, first = d.SentenceFirst[i], end = d.SentenceEnd[i];
        for (int b = 0; b < codebooks; b++)
        {
            int template = TContextual + ContextualTemplates * b;
            for (int o = -1; o <= 1; o++)
            {
                int j = i + o;
                ulong value = j < first ? BeforeSentence : j >= end ? AfterSentence : (ulong)d.Contextual[j * codebooks + b];
                keys[n++] = FeatureHash.Key(value, template + 1 + o);
            }
            keys[n++] = FeatureHash.Key((ulong)d.Contextual[i * codebooks + b], (ulong)d.Cap[i], template + 3);
        }
        return n;
    }

    private static ulong WordKey(DocumentTokens d, int i) => FeatureHash.Key(d.Word[i], TWord);

    private static int Bigrams(DocumentTokens d, int i, Span<ulong> keys)
    {
        int first = d.SentenceFirst[i], end = d.SentenceEnd[i];
        ulong lower = d.Lower[i], shape = d.Shape[i];
        ulong lowerLeft = i > first ? d.Lower[i - 1] : BeforeSentence, lowerRight = i + 1 < end ? d.Lower[i + 1] : AfterSentence;
        ulong shapeLeft = i > first ? d.Shape[i - 1] : BeforeSentence, shapeRight = i + 1 < end ? d.Shape[i + 1] : AfterSentence;
        keys[0] = FeatureHash.Key(lowerLeft, lower, TLowerBigramLeft);
        keys[1] = FeatureHash.Key(lower, lowerRight, TLowerBigramRight);
        keys[2] = FeatureHash.Key(shapeLeft, shape, TShapeBigramLeft);
        keys[3] = FeatureHash.Key(shape, shapeRight, TShapeBigramRight);
        return 4;
    }

    private static int Affixes(DocumentTokens d, int i, Span<ulong> keys)
    {
        int n = 0;
        for (int k = 0; k < 2 * TokenHashes.AffixLengths; k++)
        {
            ulong affix = d.Affix[i * 2 * TokenHashes.AffixLengths + k];
            if (affix != 0) keys[n++] = FeatureHash.Key(affix, TAffix + k);
        }
        return n;
    }

    /// <summary>Capitalisation in context and gazetteer matches around the token.</summary>
    private static int Orthography(DocumentTokens d, int i, Span<ulong> keys)
    {
        CapitalisationKeys(CapitalisationIndex(d, i), keys);
        return 2 + Lexical(d, i, keys[2..]);
    }

    /// <summary>The lower case in an all-caps sentence, and gazetteer matches around the token.</summary>
    private static int Lexical(DocumentTokens d, int i, Span<ulong> keys)
    {
        int n = 0, first = d.SentenceFirst[i], end = d.SentenceEnd[i];
        if ((d.Context[i] & TokenContext.AllCapsSentence) != 0) keys[n++] = FeatureHash.Key(d.Lower[i], TAllCapsLower);
        for (int o = -1; o <= 1; o++)
        {
            int j = i + o;
            if (j < first || j >= end) continue;
            for (ulong mask = d.Gazetteer[j]; mask != 0; mask &= mask - 1)
                keys[n++] = FeatureHash.Key((ulong)System.Numerics.BitOperations.TrailingZeroCount(mask), TGazetteer + o);
        }
        return n;
    }

    /// <summary>Writes the label features of token <paramref name="i"/> given the two labels before it.</summary>
    public static void Labels(DocumentTokens d, int i, int previous, int beforePrevious, Span<ulong> keys)
    {
        LabelPair(previous, beforePrevious, keys);
        LabelAndForm(d, i, previous, keys[LabelPairCount..]);
    }

    /// <summary>The label features that depend on the labels alone (the first <see cref="LabelPairCount"/>).</summary>
    public static void LabelPair(int previous, int beforePrevious, Span<ulong> keys)
    {
        keys[0] = FeatureHash.Key((ulong)previous, TPrevious);
        keys[1] = FeatureHash.Key((ulong)(beforePrevious << 8 | previous), TPreviousTwo);
    }

    /// <summary>The label features that join the previous label with the token's form (the last <see cref="LabelAndFormCount"/>).</summary>
    public static void LabelAndForm(DocumentTokens d, int i, int previous, Span<ulong> keys)
    {
        keys[0] = FeatureHash.Key((ulong)previous, d.Lower[i], TPreviousLower);
        keys[1] = FeatureHash.Key((ulong)previous, d.Shape[i], TPreviousShape);
    }
}
