using System.Runtime.CompilerServices;
using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>Facts about a token's sentence that the features condition on.</summary>
[Flags]
internal enum TokenContext : byte
{
    None = 0,
    /// <summary>The first token with letters or digits in its sentence.</summary>
    SentenceInitial = 1,
    /// <summary>The sentence has no lower-case letters (a wire headline or dateline).</summary>
    AllCapsSentence = 2,
    /// <summary>The document's first sentence (its headline).</summary>
    FirstSentence = 4,
}

/// <summary>
/// The per-token base hashes of one document (word, lower case, shape, affixes, cluster path
/// prefixes, gazetteer matches) and each token's sentence bounds. Computed once per token;
/// the buffers are reused from document to document by one thread.
/// </summary>
internal sealed class DocumentTokens
{
    public const int ClusterKeys = 4;
    private const ulong NoCluster = 0x5bd1e9955bd1e995UL;

    public int Count { get; private set; }
    public ulong[] Word = [], Lower = [], Shape = [], Gazetteer = [];
    /// <summary>Count x 8: prefixes of 1..4 characters then suffixes of 1..4.</summary>
    public ulong[] Affix = [];
    /// <summary>Count x 4: hashes of the cluster path prefixes (a fixed "none" hash for unknown words).</summary>
    public ulong[] Cluster = [];
    public CapPattern[] Cap = [];
    public TokenContext[] Context = [];
    /// <summary>Per token, the first token of its sentence and the token after its sentence's last.</summary>
    public int[] SentenceFirst = [], SentenceEnd = [];

    /// <summary>Per token, its entry in the <see cref="FormCache"/> the document was loaded with.</summary>
    public int[] Form = [];

    /// <summary>Count x <see cref="ContextualCodebooks"/>: each token's contextual cluster ids (accurate tier).</summary>
    public int[] Contextual = [];
    /// <summary>Codebooks in <see cref="Contextual"/>; 0 until <see cref="AssignContextual"/> is called for the document.</summary>
    public int ContextualCodebooks { get; private set; }

    /// <summary>
    /// Computes the per-token hashes of a document. With <paramref name="forms"/>, a form seen
    /// before is copied from the cache instead of hashed and looked up again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Load(Document document, EntityLexicon lexicon, FormCache? forms = null)
    {
        var tokens = document.Tokens;
        Resize(tokens.Length);
        ContextualCodebooks = 0;
        forms?.Reserve(tokens.Length);
        for (int i = 0; i < tokens.Length; i++)
        {
            var text = document.TokenText(i);
            if (forms is null) Hash(i, text, lexicon);
            else Form[i] = HashOrCopy(i, text, lexicon, forms);
            Gazetteer[i] = 0;
            Context[i] = TokenContext.None;
            SentenceFirst[i] = i;
            SentenceEnd[i] = i + 1;
        }
        var sentences = document.Sentences;
        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            int first = sentence.FirstToken, end = sentence.EndToken;
            if (end > Count || first >= end) continue;
            bool allCaps = IsAllCaps(first, end);
            bool initialDone = false;
            for (int i = first; i < end; i++)
            {
                SentenceFirst[i] = first;
                SentenceEnd[i] = end;
                var context = TokenContext.None;
                if (allCaps) context |= TokenContext.AllCapsSentence;
                if (s == 0) context |= TokenContext.FirstSentence;
                if (!initialDone && HasLetterOrDigit(document.TokenText(i)))
                {
                    context |= TokenContext.SentenceInitial;
                    initialDone = true;
                }
                Context[i] = context;
            }
            lexicon.MarkGazetteers(Lower.AsSpan(first, end - first), Cap.AsSpan(first, end - first), Gazetteer.AsSpan(first, end - first));
        }
    }

    /// <summary>Assigns each token of the loaded document the clusters of its encoder vector.</summary>
    public void AssignContextual(ContextualClusters clusters, IReadOnlyList<float[]> vectors)
    {
        if (vectors.Count != Count) throw new ArgumentException($"expected {Count} vectors, got {vectors.Count}", nameof(vectors));
        int codebooks = clusters.Codebooks;
        if (Contextual.Length < Count * codebooks) Contextual = new int[Math.Max(Count, Word.Length) * codebooks];
        for (int i = 0; i < Count; i++) clusters.Assign(vectors[i], Contextual.AsSpan(i * codebooks, codebooks));
        ContextualCodebooks = codebooks;
    }

    private int HashOrCopy(int i, ReadOnlySpan<char> text, EntityLexicon lexicon, FormCache forms)
    {
        ulong word = TokenHashes.WordOf(text);
        if (forms.TryGet(word, out int form))
        {
            Word[i] = word;
            forms.CopyTo(form, this, i);
            return form;
        }
        Hash(i, text, lexicon);
        return forms.Add(this, i);
    }

    private void Hash(int i, ReadOnlySpan<char> text, EntityLexicon lexicon)
    {
        var h = TokenHashes.Compute(text);
        Word[i] = h.Word;
        Lower[i] = h.Lower;
        Shape[i] = h.Shape;
        Cap[i] = h.Cap;
        for (int k = 0; k < 2 * TokenHashes.AffixLengths; k++) Affix[i * 2 * TokenHashes.AffixLengths + k] = h.Affix[k];
        int cluster = lexicon.ClusterOf(h.Word, h.Lower);
        for (int k = 0; k < ClusterKeys; k++)
            Cluster[i * ClusterKeys + k] = cluster < 0 ? NoCluster : lexicon.ClusterPrefix(cluster, k);
    }

    private bool IsAllCaps(int first, int end)
    {
        int upperWords = 0;
        for (int i = first; i < end; i++)
        {
            var cap = Cap[i];
            if (cap is CapPattern.Lower or CapPattern.Initial or CapPattern.MixedUpperFirst or CapPattern.MixedLowerFirst) return false;
            if (cap == CapPattern.AllUpper) upperWords++;
        }
        return upperWords > 0;
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (char c in text) if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    private void Resize(int count)
    {
        Count = count;
        if (Word.Length >= count) return;
        int n = Math.Max(count, Word.Length * 2);
        Word = new ulong[n]; Lower = new ulong[n]; Shape = new ulong[n]; Gazetteer = new ulong[n];
        Affix = new ulong[n * 2 * TokenHashes.AffixLengths];
        Cluster = new ulong[n * ClusterKeys];
        Cap = new CapPattern[n];
        Context = new TokenContext[n];
        SentenceFirst = new int[n];
        SentenceEnd = new int[n];
        Form = new int[n];
    }
}
