using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// A training document: its gold BILOU labels, and per token the first pass's feature keys with
/// the gold previous labels (computed once, reused by every fold), plus its encoder vectors in the
/// accurate tier.
/// </summary>
internal sealed class GoldDocument
{
    private readonly ulong[] _keys;
    private readonly int[] _offsets;

    private GoldDocument(Document document, EntityLexicon lexicon, byte[] gold, ulong[] keys, int[] offsets, float[][]? vectors)
    {
        Document = document;
        Lexicon = lexicon;
        Gold = gold;
        _keys = keys;
        _offsets = offsets;
        Vectors = vectors;
    }

    public Document Document { get; }
    public EntityLexicon Lexicon { get; }
    public byte[] Gold { get; }
    public float[][]? Vectors { get; }

    public ReadOnlySpan<ulong> KeysOf(int token) => _keys.AsSpan(_offsets[token], _offsets[token + 1] - _offsets[token]);

    public static GoldDocument Create(Document document, EntityLexicon lexicon, float[][]? vectors = null, ContextualClusters? clusters = null)
    {
        int n = document.Tokens.Length;
        var gold = new byte[n];
        var mentions = document.GetLayer(Layers.Entities)
            .Select(m => (m.Span, Type: EntityLabels.TypeIndex(m.Type)))
            .Where(m => m.Type >= 0)
            .OrderBy(m => m.Span.Start);
        BilouCodec.Encode(document.Tokens, mentions, gold);

        var tokens = new DocumentTokens();
        tokens.Load(document, lexicon);
        if (clusters is not null) tokens.AssignContextual(clusters, vectors ?? throw new ArgumentException("contextual clusters need the encoder vectors", nameof(vectors)));
        var keys = new List<ulong>(n * 56);
        var offsets = new int[n + 1];
        Span<ulong> buffer = stackalloc ulong[LocalFeatures.MaxStatic + LocalFeatures.LabelFeatureCount];
        for (int i = 0; i < n; i++)
        {
            offsets[i] = keys.Count;
            int count = LocalFeatures.Static(tokens, i, buffer);
            int first = tokens.SentenceFirst[i];
            LocalFeatures.Labels(tokens, i,
                i > first ? gold[i - 1] : LocalFeatures.StartLabel,
                i - 1 > first ? gold[i - 2] : LocalFeatures.StartLabel,
                buffer[count..]);
            foreach (var key in buffer[..(count + LocalFeatures.LabelFeatureCount)]) keys.Add(key);
        }
        offsets[n] = keys.Count;
        return new GoldDocument(document, lexicon, gold, [.. keys], offsets, vectors);
    }
}
