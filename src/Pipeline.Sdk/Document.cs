using System.Collections.Immutable;

namespace Pipeline.Sdk;

/// <summary>
/// An immutable article: its text, metadata, the host's segmentation and the annotation layers
/// committed so far. Adding a layer returns a new document sharing everything else.
/// </summary>
public sealed class Document
{
    private readonly ImmutableDictionary<LayerKey, object> _layers;
    private string?[]? _lowerCache;

    public Document(
        string id,
        string text,
        DocumentMetadata metadata,
        ImmutableArray<Token> tokens,
        ImmutableArray<Sentence> sentences,
        ImmutableArray<Paragraph> paragraphs,
        ImmutableArray<QuotationPair> quotations)
        : this(id, text, metadata, tokens, sentences, paragraphs, quotations,
               ImmutableDictionary<LayerKey, object>.Empty, null)
    {
    }

    private Document(
        string id, string text, DocumentMetadata metadata,
        ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences,
        ImmutableArray<Paragraph> paragraphs, ImmutableArray<QuotationPair> quotations,
        ImmutableDictionary<LayerKey, object> layers, string?[]? lowerCache)
    {
        Id = id;
        Text = text;
        Metadata = metadata;
        Tokens = tokens.IsDefault ? [] : tokens;
        Sentences = sentences.IsDefault ? [] : sentences;
        Paragraphs = paragraphs.IsDefault ? [] : paragraphs;
        Quotations = quotations.IsDefault ? [] : quotations;
        _layers = layers;
        _lowerCache = lowerCache;
    }

    /// <summary>Content hash of the text (hex), stable across runs and machines.</summary>
    public string Id { get; }
    public string Text { get; }
    public DocumentMetadata Metadata { get; }
    public ImmutableArray<Token> Tokens { get; }
    public ImmutableArray<Sentence> Sentences { get; }
    public ImmutableArray<Paragraph> Paragraphs { get; }
    public ImmutableArray<QuotationPair> Quotations { get; }

    public TextSpan FullSpan => new(0, Text.Length);

    /// <summary>Where the text opens with the reader's headline, its span; else null.</summary>
    public TextSpan? HeadlineSpan =>
        Metadata.Headline is { Length: > 0 } h && Text.StartsWith(h, StringComparison.Ordinal) ? new TextSpan(0, h.Length) : null;

    public ReadOnlySpan<char> GetText(TextSpan span) => Text.AsSpan(span.Start, span.Length);
    public string GetString(TextSpan span) => Text.Substring(span.Start, span.Length);
    public ReadOnlySpan<char> TokenText(int index) => GetText(Tokens[index].Span);

    /// <summary>Lower-case form of a token, computed once per document and token.</summary>
    public string TokenLower(int index)
    {
        var cache = _lowerCache;
        if (cache is null)
        {
            cache = new string?[Tokens.Length];
            Interlocked.CompareExchange(ref _lowerCache, cache, null);
            cache = _lowerCache!;
        }
        return cache[index] ??= GetString(Tokens[index].Span).ToLowerInvariant();
    }

    /// <summary>
    /// Whether token <paramref name="index"/> is a hyphen touching the words on both sides, spaces on
    /// neither: the hyphen of "Kim Jong-un", "Leigh-Pemberton" or "London-based", not a dash.
    /// </summary>
    public bool IsJoinedHyphen(int index)
    {
        if (index < 1 || index + 1 >= Tokens.Length) return false;
        var text = TokenText(index);
        return text.Length == 1 && text[0] is '-' or '\u2010' or '\u2011'
            && !Tokens[index].Has(TokenFlags.SpaceBefore) && !Tokens[index + 1].Has(TokenFlags.SpaceBefore)
            && Tokens[index - 1].Kind == TokenKind.Word && Tokens[index + 1].Kind == TokenKind.Word;
    }

    /// <summary>Index of the token containing <paramref name="position"/>, or of the first token after it; Tokens.Length when none.</summary>
    public int TokenAt(int position)
    {
        int lo = 0, hi = Tokens.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var span = Tokens[mid].Span;
            if (span.End <= position) lo = mid + 1;
            else if (span.Start > position) hi = mid - 1;
            else return mid;
        }
        return lo;
    }

    /// <summary>Index of the sentence containing <paramref name="position"/>, or -1.</summary>
    public int SentenceAt(int position)
    {
        int lo = 0, hi = Sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var span = Sentences[mid].Span;
            if (span.End <= position) lo = mid + 1;
            else if (span.Start > position) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>Index of the paragraph containing <paramref name="position"/>, or -1.</summary>
    public int ParagraphAt(int position)
    {
        int lo = 0, hi = Paragraphs.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var span = Paragraphs[mid].Span;
            if (span.End <= position) lo = mid + 1;
            else if (span.Start > position) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>The layers this document carries (segmentation layers excluded).</summary>
    public IEnumerable<LayerKey> LayerKeys => _layers.Keys;

    public bool HasLayer(LayerKey key) => key.IsSegmentation || _layers.ContainsKey(key);

    /// <summary>The annotations of a layer.</summary>
    /// <exception cref="LayerNotAvailableException">The document does not carry the layer.</exception>
    public ImmutableArray<T> GetLayer<T>(LayerKey<T> key) where T : Annotation
    {
        if (_layers.TryGetValue(key, out var value) && value is ImmutableArray<T> items) return items;
        throw new LayerNotAvailableException(key.Name);
    }

    /// <summary>The annotations of a layer, or an empty array when the document lacks it.</summary>
    public ImmutableArray<T> GetLayerOrEmpty<T>(LayerKey<T> key) where T : Annotation =>
        _layers.TryGetValue(key, out var value) && value is ImmutableArray<T> items ? items : [];

    /// <summary>The annotations of a layer, untyped (for writers and reporters).</summary>
    public IReadOnlyList<Annotation> GetAnnotations(LayerKey key) =>
        _layers.TryGetValue(key, out var value) ? (IReadOnlyList<Annotation>)value : [];

    /// <summary>A copy with the layer set (replaced if present).</summary>
    public Document WithLayer<T>(LayerKey<T> key, ImmutableArray<T> items) where T : Annotation =>
        WithLayers(_layers.SetItem(key, items.IsDefault ? ImmutableArray<T>.Empty : items));

    /// <summary>A copy without the given layer.</summary>
    public Document WithoutLayer(LayerKey key) => WithLayers(_layers.Remove(key));

    /// <summary>A copy that carries only the given annotation layers (segmentation is always kept).</summary>
    public Document WithOnlyLayers(IEnumerable<LayerKey> keep)
    {
        var set = keep.ToHashSet();
        var builder = ImmutableDictionary.CreateBuilder<LayerKey, object>();
        foreach (var (key, value) in _layers)
            if (set.Contains(key)) builder.Add(key, value);
        return WithLayers(builder.ToImmutable());
    }

    /// <summary>A copy with other metadata.</summary>
    public Document WithMetadata(DocumentMetadata metadata) =>
        new(Id, Text, metadata, Tokens, Sentences, Paragraphs, Quotations, _layers, _lowerCache);

    /// <summary>Sets a layer from an untyped list (readers of gold data use this).</summary>
    public Document WithLayerUntyped(LayerKey key, IReadOnlyList<Annotation> items)
    {
        var method = typeof(Document).GetMethod(nameof(WithLayerTyped), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(key.ItemType);
        return (Document)method.Invoke(this, [key, items])!;
    }

    private Document WithLayerTyped<T>(LayerKey key, IReadOnlyList<Annotation> items) where T : Annotation =>
        WithLayers(_layers.SetItem(key, items.Cast<T>().ToImmutableArray()));

    private Document WithLayers(ImmutableDictionary<LayerKey, object> layers) =>
        new(Id, Text, Metadata, Tokens, Sentences, Paragraphs, Quotations, layers, _lowerCache);
}

/// <summary>Thrown when an analyzer reads a layer it did not declare in Requires, or that no one produced.</summary>
public sealed class LayerNotAvailableException(string layer)
    : InvalidOperationException($"layer '{layer}' is not available: declare it in Requires and make sure an enabled analyzer produces it")
{
    public string Layer { get; } = layer;
}
